// The files a command works on: the paths given on the command line, each a
// TypeScript file or a folder searched for them, checked before anything is
// read, with the names diagnostics show (relative to the working directory)
// and the real path behind any symbolic link (what gen compares against its
// output folder, so that no link can make it write onto a source).

import { lstatSync, readdirSync, readlinkSync, realpathSync, statSync } from "node:fs";
import { dirname, isAbsolute, relative, resolve, sep } from "node:path";
import { DECLARATION_FILE, TYPESCRIPT_FILE } from "../transformer/files.js";

export { DECLARATION_FILE, TYPESCRIPT_FILE };

/** A mistake in how the command was called: printed as `dualts: <message>`, exit code 2. */
export class UsageError extends Error {}

export interface Input {
  /** Absolute path, as given or found (through any symbolic links on the way). */
  readonly path: string;
  /** The same file's real path: every symbolic link resolved. */
  readonly real: string;
  /** As diagnostics and messages show it: relative to the working directory, with forward slashes. */
  readonly display: string;
}

export function displayPath(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  const shown = rel === "" ? "." : rel.startsWith("..") || isAbsolute(rel) ? path : rel;
  return shown.split(sep).join("/");
}

/** True if `path` is `folder` or inside it. */
export function isInside(path: string, folder: string): boolean {
  const rel = relative(folder, path);
  return rel === "" || (!rel.startsWith("..") && !isAbsolute(rel));
}

/**
 * The real path of `path`, which need not exist yet: the real path of its
 * deepest existing ancestor followed by the rest. A symbolic link whose
 * target is missing is an error naming both.
 */
export function realPathOf(path: string, cwd: string): string {
  let existing = path;
  const rest: string[] = [];
  for (;;) {
    const stat = lstatSync(existing, { throwIfNoEntry: false });
    if (stat?.isSymbolicLink() && !statSync(existing, { throwIfNoEntry: false })) {
      throw new UsageError(`${displayPath(existing, cwd)} is a symbolic link to ${readlinkSync(existing)}, which does not exist: create it or remove the link`);
    }
    if (stat) return resolve(realpathSync(existing), ...rest);
    const parent = dirname(existing);
    if (parent === existing) return path;
    rest.unshift(existing.slice(parent.length).replace(/^[\\/]/, ""));
    existing = parent;
  }
}

interface Walk {
  /** The folders entered so far, by real path (a link back up is not followed twice), each with the path it was reached at. */
  readonly entered: Map<string, string>;
  readonly cwd: string;
  readonly found: Map<string, string>;
}

/**
 * Searches `folder` (its path as reached, and its real path) for TypeScript
 * files, following symbolic links to files and folders as tsc does.
 */
function walk(folder: string, real: string, w: Walk): void {
  if (w.entered.has(real)) return;
  w.entered.set(real, folder);
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = resolve(folder, entry.name);
    let isFolder = entry.isDirectory();
    let isFile = entry.isFile();
    let target = resolve(real, entry.name);
    if (entry.isSymbolicLink()) {
      const stat = statSync(path, { throwIfNoEntry: false });
      if (!stat) {
        if (TYPESCRIPT_FILE.test(entry.name)) {
          throw new UsageError(`${displayPath(path, w.cwd)} is a symbolic link to ${readlinkSync(path)}, which does not exist: fix or remove the link`);
        }
        continue;
      }
      [isFolder, isFile, target] = [stat.isDirectory(), stat.isFile(), realpathSync(path)];
    }
    if (isFolder) {
      if (entry.name === "node_modules" || entry.name.startsWith(".")) continue;
      walk(path, target, w);
    } else if (isFile && TYPESCRIPT_FILE.test(entry.name)) {
      w.found.set(path, target);
    }
  }
}

export interface CollectOptions {
  readonly cwd: string;
  /**
   * gen's output folder (real path, and --out as given): no folder searched
   * may hold it, or its files would be taken for sources and sources there
   * written over.
   */
  readonly outputFolder?: { readonly real: string; readonly given: string };
}

/**
 * The TypeScript files named by `args`: files as given, folders searched
 * recursively (skipping node_modules and dot-folders, following symbolic
 * links), in a stable order.
 */
export function collectInputs(args: readonly string[], options: CollectOptions): Input[] {
  if (args.length === 0) throw new UsageError("no input files given");
  const found = new Map<string, string>();
  for (const arg of args) {
    const path = resolve(options.cwd, arg);
    const real = realPathOf(path, options.cwd);
    const stat = statSync(path, { throwIfNoEntry: false });
    if (!stat) throw new UsageError(`${arg}: no such file or folder`);
    if (stat.isDirectory()) {
      const inFolder = new Map<string, string>();
      const entered = new Map<string, string>();
      walk(path, real, { entered, cwd: options.cwd, found: inFolder });
      const out = options.outputFolder;
      for (const [folderReal, reachedAt] of out ? entered : []) {
        if (!isInside(out!.real, folderReal)) continue;
        const links = reachedAt === folderReal ? "" : ` (${displayPath(reachedAt, options.cwd)} is ${displayPath(folderReal, options.cwd)}, through symbolic links)`;
        throw new UsageError(
          `--out ${out!.given} is inside ${displayPath(reachedAt, options.cwd)}, a folder searched for inputs${links}: its files would be taken for sources, ` +
            "and sources there written over; choose an output folder outside the inputs",
        );
      }
      if (inFolder.size === 0) throw new UsageError(`${arg}: a folder with no TypeScript files (.ts, .tsx, .mts, .cts) in it`);
      for (const p of [...inFolder.keys()].sort()) if (!found.has(p)) found.set(p, inFolder.get(p)!);
    } else if (!TYPESCRIPT_FILE.test(path)) {
      throw new UsageError(`${arg}: not a TypeScript file (.ts, .tsx, .mts, .cts)`);
    } else if (!found.has(path)) {
      found.set(path, real);
    }
  }
  return [...found].map(([path, real]) => ({ path, real, display: displayPath(path, options.cwd) }));
}

/** The deepest folder holding everything `args` names: a folder argument itself, a file's folder. */
export function commonRoot(args: readonly string[], cwd: string): string {
  const folders = args.map((arg) => {
    const path = resolve(cwd, arg);
    return statSync(path, { throwIfNoEntry: false })?.isDirectory() ? path : dirname(path);
  });
  let root = folders[0];
  while (!folders.every((f) => isInside(f, root))) root = dirname(root);
  return root;
}
