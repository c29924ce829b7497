// Lays out generated code with TypeScript's own formatter (the one editors
// use): consistent indentation at any nesting depth, spaces after commas,
// string and template contents untouched. Formatting needs only the syntax
// tree, so the language service here knows one file and no libraries.

import ts = require("typescript");

const FILE = "dualts-format.ts";

export interface TextRange {
  readonly start: number;
  readonly end: number;
}

function settings(indentSize: number): ts.FormatCodeSettings {
  return {
    ...ts.getDefaultFormatCodeSettings("\n"),
    indentSize,
    tabSize: indentSize,
    convertTabsToSpaces: true,
    insertSpaceAfterFunctionKeywordForAnonymousFunctions: true,
  };
}

/** One language service for every call: formatting a new text only bumps the version of its one file. */
let current = "";
let version = 0;
let ls: ts.LanguageService | undefined;

function service(code: string): ts.LanguageService {
  current = code;
  version++;
  ls ??= ts.createLanguageService(
    {
      getScriptFileNames: () => [FILE],
      getScriptVersion: () => String(version),
      getScriptSnapshot: (name) => (name === FILE ? ts.ScriptSnapshot.fromString(current) : undefined),
      getCurrentDirectory: () => "/",
      getCompilationSettings: () => ({}),
      getDefaultLibFileName: () => "lib.d.ts",
      fileExists: (name) => name === FILE,
      readFile: (name) => (name === FILE ? current : undefined),
    },
    ts.createDocumentRegistry(),
  );
  return ls;
}

function apply(code: string, edits: readonly ts.TextChange[]): string {
  let out = code;
  for (const e of [...edits].sort((a, b) => b.span.start - a.span.start)) {
    out = out.slice(0, e.span.start) + e.newText + out.slice(e.span.start + e.span.length);
  }
  return out;
}

/** Formats a whole snippet. */
export function formatCode(code: string, indentSize = 2): string {
  return apply(code, service(code).getFormattingEditsForDocument(FILE, settings(indentSize)));
}

/**
 * Formats only the given ranges of a file (the code inserted into it),
 * indenting them for where they stand; the rest of the file is left as written.
 */
export function formatRanges(code: string, ranges: readonly TextRange[], indentSize: number): string {
  if (ranges.length === 0) return code;
  const ls = service(code);
  const edits = ranges.flatMap((r) => ls.getFormattingEditsForRange(FILE, r.start, r.end, settings(indentSize)));
  // An edit at a range's edge may touch the user's whitespace next to it; keep only edits inside the ranges.
  const inside = edits.filter((e) => ranges.some((r) => e.span.start >= r.start && e.span.start + e.span.length <= r.end));
  return apply(code, inside);
}

/** The indentation unit a file uses (2 or 4 spaces, or a tab counted as 4), for code inserted into it. */
export function indentationOf(code: string): number {
  const counts = new Map<number, number>();
  for (const match of code.matchAll(/^( +)\S/gm)) {
    const n = match[1].length;
    if (n === 2 || n === 4) counts.set(n, (counts.get(n) ?? 0) + 1);
  }
  if (/^\t/m.test(code)) return 4;
  return (counts.get(2) ?? 0) > 0 ? 2 : counts.has(4) ? 4 : 2;
}
