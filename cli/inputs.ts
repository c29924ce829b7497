// The files a command works on: the paths given on the command line, each a
// TypeScript file or a folder searched for them, checked before anything is
// read, with the names diagnostics show (relative to the working directory).

import { readdirSync, statSync } from "node:fs";
import { dirname, isAbsolute, relative, resolve, sep } from "node:path";

/** A mistake in how the command was called: printed as `dualts: <message>`, exit code 2. */
export class UsageError extends Error {}

export interface Input {
  /** Absolute path. */
  readonly path: string;
  /** As diagnostics and messages show it: relative to the working directory, with forward slashes. */
  readonly display: string;
}

export const TYPESCRIPT_FILE = /\.(?:[cm]?ts|tsx)$/i;
export const DECLARATION_FILE = /\.d\.(?:[cm]?ts|tsx)$|\.d\.[^.]+\.ts$/i;

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

function walk(folder: string, skip: (path: string) => boolean, found: string[]): void {
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = resolve(folder, entry.name);
    if (skip(path)) continue;
    if (entry.isDirectory()) {
      if (entry.name === "node_modules" || entry.name.startsWith(".")) continue;
      walk(path, skip, found);
    } else if (entry.isFile() && TYPESCRIPT_FILE.test(entry.name)) {
      found.push(path);
    }
  }
}

export interface CollectOptions {
  readonly cwd: string;
  /** Folders never searched (the output folder of gen). */
  readonly exclude?: readonly string[];
}

/**
 * The TypeScript files named by `args`: files as given, folders searched
 * recursively (skipping node_modules and dot-folders), in a stable order.
 */
export function collectInputs(args: readonly string[], options: CollectOptions): Input[] {
  if (args.length === 0) throw new UsageError("no input files given");
  const exclude = (options.exclude ?? []).map((p) => resolve(options.cwd, p));
  const skip = (path: string) => exclude.some((e) => isInside(path, e));
  const paths = new Set<string>();
  for (const arg of args) {
    const path = resolve(options.cwd, arg);
    const stat = statSync(path, { throwIfNoEntry: false });
    if (!stat) throw new UsageError(`${arg}: no such file or folder`);
    if (stat.isDirectory()) {
      const found: string[] = [];
      walk(path, skip, found);
      if (found.length === 0) throw new UsageError(`${arg}: a folder with no TypeScript files (.ts, .tsx, .mts, .cts) in it`);
      found.sort().forEach((p) => paths.add(p));
    } else if (!TYPESCRIPT_FILE.test(path)) {
      throw new UsageError(`${arg}: not a TypeScript file (.ts, .tsx, .mts, .cts)`);
    } else {
      paths.add(path);
    }
  }
  return [...paths].map((path) => ({ path, display: displayPath(path, options.cwd) }));
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
