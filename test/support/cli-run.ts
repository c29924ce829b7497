// Running the built `dualts` command line in this process, with its output
// captured, on projects written into a scratch folder, and source files
// those projects hold: shared by cli.test.ts and cli-links.test.ts.

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

/** The other ways to mark a function (a differentiable(…) constant, one with wrt, a method), as one file of a project. */
export const methodsTs = `// The other two ways to mark: differentiable(…) around a function
// expression, and the @differentiable decorator on a class method.

import { differentiable } from "dualts";

export const norm = differentiable((x: number, y: number) => Math.sqrt(x * x + y * y));

export const scaled = differentiable((x: number, k: number) => x * k, { wrt: ["x"] });

export class Spring {
  constructor(readonly stiffness: number) {}

  @differentiable
  energy(x: number): number {
    return 0.5 * this.stiffness * x * x;
  }
}
`;

/** Calls between differentiable functions of one file (recursion included) and to an imported one, as one file of a project. */
export const callsTs = `// Calls between differentiable functions: in the same file (recursion
// included) and imported from another module (looked up at run time).

import { softplus } from "./activations.js";

/** @differentiable */
export function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

/** @differentiable wrt(x) */
export function power(x: number, n: number): number {
  return n === 0 ? 1 : x * power(x, n - 1);
}

/** @differentiable */
export function model(w: number, x: number): number {
  return sigmoid(w * x) + softplus(w) + power(w, 3);
}
`;
