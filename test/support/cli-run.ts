// Running the built `dualts` command line in this process, with its output
// captured, on projects written into a scratch folder: shared by
// cli.test.ts and cli-links.test.ts.

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
// The built CLI (dist/), as users run it; npm test builds first.
import type { GenReport } from "../../dist/cli/gen.js";
import type { Io } from "../../dist/cli/io.js";
import { runCli } from "../../dist/cli/program.js";

export interface Run {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

/** An Io in `cwd` that keeps every line. */
export function capture(cwd: string): Io & { lines: { out: string[]; err: string[] } } {
  const lines = { out: [] as string[], err: [] as string[] };
  return { cwd, lines, out: (l) => lines.out.push(l), err: (l) => lines.err.push(l) };
}

/** `dualts …argv` in `cwd`: its exit code and output. */
export async function dualts(cwd: string, ...argv: string[]): Promise<Run> {
  const io = capture(cwd);
  const { exitCode } = await runCli(argv, io);
  return { code: exitCode, out: io.lines.out.join("\n"), err: io.lines.err.join("\n") };
}

/** A scratch folder (removed by `remove`) and a way to write fresh projects into it. */
export function scratchFolder(prefix: string): { readonly dir: string; project(name: string, files: Record<string, string>): string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return {
    dir,
    /** A fresh folder with the given files (path → text). */
    project(name, files) {
      const folder = join(dir, name);
      for (const [path, text] of Object.entries(files)) {
        mkdirSync(dirname(join(folder, path)), { recursive: true });
        writeFileSync(join(folder, path), text);
      }
      return folder;
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/**
 * For `gen --watch`: `onPass` to hand watchGen, and `passWhere(done)`, which
 * resolves at the first pass from now on whose report satisfies `done`
 * (fs.watch may report one change as several events).
 */
export function watchPasses(): { onPass: (r: GenReport) => void; passWhere: (done: (r: GenReport) => boolean) => Promise<GenReport> } {
  let waiting: { done: (r: GenReport) => boolean; resolve: (r: GenReport) => void } | undefined;
  return {
    onPass: (r) => {
      if (waiting?.done(r)) waiting.resolve(r);
    },
    passWhere: (done) => new Promise<GenReport>((resolve) => (waiting = { done, resolve })),
  };
}

export const sigmoidTs = `/** @differentiable */
export function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}
`;
