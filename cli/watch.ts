// `dualts gen --watch`: one pass of gen.ts, then another whenever an input
// changes (fs.watch), until closed. Outputs of inputs that disappeared are
// removed, by outputs.ts's rules: inside the real --out only, never through
// a link. Folders given are watched recursively at their real path; the
// folders of files given, and of files reached through a symbolic link from
// outside those, are watched on their own.

import { dirname, relative, resolve } from "node:path";
import { statSync, watch, type FSWatcher } from "node:fs";
import { generate, plan, summary, type GenOptions, type GenReport, type Plan } from "./gen.js";
import { displayPath, isInside, realPathOf, TYPESCRIPT_FILE } from "./inputs.js";
import type { Io } from "./io.js";

export interface Watcher {
  close(): void;
}

/**
 * Generates, then again whenever an input changes, until closed; `onPass`
 * sees each pass's report. Files that disappear from the inputs have their
 * outputs removed.
 */
export function watchGen(files: readonly string[], options: GenOptions, io: Io, onPass?: (r: GenReport) => void): Watcher {
  let p: Plan = plan(files, options, io);
  let last = generate(p, io);
  io.err(`${summary(last, p, io)}; watching for changes (Ctrl-C stops)`);
  onPass?.(last);

  let timer: NodeJS.Timeout | undefined;
  const rerun = () => {
    timer = undefined;
    try {
      p = plan(files, options, io);
      const report = generate(p, io);
      for (const gone of [...last.outputs].filter((o) => !report.outputs.has(o))) {
        if (p.folder.remove(relative(p.out, gone))) io.err(`dualts gen: removed ${displayPath(gone, io.cwd)}`);
      }
      for (const w of report.written) io.err(`dualts gen: updated ${w}`);
      if (report.failed.length > 0) io.err(summary(report, p, io));
      last = report;
      watchLinkedFolders();
      onPass?.(report);
    } catch (error) {
      io.err(`dualts gen: ${(error as Error).message}`);
    }
  };
  const changed = (path: string, relevant: (path: string) => boolean) => {
    if (isInside(path, p.out) || isInside(path, p.folder.real) || !relevant(path)) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(rerun, 50);
  };

  const watchers = new Map<string, FSWatcher>();
  const watchFolder = (folder: string, recursive: boolean, relevant: (path: string) => boolean) => {
    if (watchers.has(folder)) return;
    const w = watch(folder, { recursive }, (_event, name) => {
      if (name !== null) changed(resolve(folder, name), relevant);
    });
    w.on("error", (error) => io.err(`dualts gen: stopped watching ${displayPath(folder, io.cwd)}: ${error.message}`));
    watchers.set(folder, w);
  };
  const deep: string[] = [];
  const fileArgs = new Set<string>();
  for (const arg of files) {
    const real = realPathOf(resolve(io.cwd, arg), io.cwd);
    if (statSync(real).isDirectory()) {
      deep.push(real);
      watchFolder(real, true, () => true);
    } else {
      // A file is watched through its folder: editors often save by replacing the file.
      fileArgs.add(real);
      watchFolder(dirname(real), false, (path) => fileArgs.has(path) || p.inputs.some((i) => i.real === path));
    }
  }
  /** Files found through a symbolic link to somewhere outside the folders given: their own folders, for any TypeScript file. */
  function watchLinkedFolders() {
    for (const input of p.inputs) {
      if (!deep.some((d) => isInside(input.real, d))) watchFolder(dirname(input.real), false, (path) => TYPESCRIPT_FILE.test(path));
    }
  }
  watchLinkedFolders();

  return {
    close() {
      if (timer) clearTimeout(timer);
      watchers.forEach((w) => w.close());
    },
  };
}
