// Which file names are TypeScript sources, and which of those are
// declaration files (no code to transform): one answer for the CLI, which
// searches folders for them, and the Vite plugin, which chooses the modules
// it transforms, and transformSource, which compiles a declaration file to
// nothing; and how each kind of file is parsed.

import ts = require("typescript");

/** A TypeScript file: .ts, .tsx, .mts or .cts (declaration files included). */
export const TYPESCRIPT_FILE = /\.(?:[cm]?ts|tsx)$/i;

/** A declaration file: .d.ts, .d.mts, .d.cts, or an arbitrary-extension declaration such as .d.css.ts. */
export const DECLARATION_FILE = /\.d\.(?:[cm]?ts|tsx)$|\.d\.[^.]+\.ts$/i;

/** The script kind a file name says: TSX for .tsx, TS otherwise (also for .mts and .cts). */
export function scriptKindOf(fileName: string): ts.ScriptKind {
  return /\.tsx$/i.test(fileName) ? ts.ScriptKind.TSX : /\.jsx$/i.test(fileName) ? ts.ScriptKind.JSX : /\.[cm]?js$/i.test(fileName) ? ts.ScriptKind.JS : ts.ScriptKind.TS;
}
