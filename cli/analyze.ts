// Runs the transform's stages on one file for the CLI: the same
// transformFile the ts-patch entry and the Vite plugin run, on a source file
// parsed here, with the same last line of defence (an exception out of the
// transform becomes a diagnostic at the top of the file, never a crash).

import ts = require("typescript");
import { DiagnosticSink, transformFailure, type DualtsDiagnostic } from "../transformer/diagnostics.js";
import { findMarkedFunctions, type MarkedFunction } from "../transformer/find.js";
import { scriptKindOf } from "../transformer/files.js";
import { transformFile, type FileResult } from "../transformer/transform.js";

export interface Analysis {
  readonly sourceFile: ts.SourceFile;
  /** Every function the file marks, whether or not its code could be generated. */
  readonly marked: readonly MarkedFunction[];
  /** The transform's output: generated text per function; undefined if the transform failed outright. */
  readonly result?: FileResult;
  readonly diagnostics: readonly DualtsDiagnostic[];
}

/** Parses `code` as `fileName` (the name diagnostics and generated call sites show) and runs the transform. */
export function analyze(fileName: string, code: string): Analysis {
  const sourceFile = ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, true, scriptKindOf(fileName));
  // The finder reports problems with markers too; transformFile reports them again, so its sink is thrown away.
  let marked: MarkedFunction[] = [];
  try {
    marked = findMarkedFunctions(sourceFile, new DiagnosticSink(sourceFile));
    const result = transformFile(sourceFile);
    return { sourceFile, marked, result, diagnostics: result.diagnostics };
  } catch (error) {
    return { sourceFile, marked, diagnostics: transformFailure(sourceFile, error) };
  }
}

/** How `show` and error messages name a marked function: `loss`, `norm`, `Spring.energy`. */
export function qualifiedName(m: MarkedFunction): string {
  if (m.kind !== "method") return m.name;
  const owner = m.node.parent;
  const className = ts.isClassLike(owner) && owner.name ? owner.name.text : undefined;
  return className ? `${className}.${m.name}` : m.name;
}
