// The transform's diagnostics: a stable code per problem, a message that
// names the construct and says how to fix it, and its position.
// Every code is documented in the README's diagnostics table.

import ts = require("typescript");

export const codes = {
  noDerivative: "DUALTS1001",
  generator: "DUALTS1002",
  async: "DUALTS1003",
  outerWrite: "DUALTS1004",
  eval: "DUALTS1005",
  nonNumericResult: "DUALTS1006",
  wrtMissing: "DUALTS1007",
  unsupported: "DUALTS1008",
  activeLoopHeader: "DUALTS1009",
  badMarker: "DUALTS1010",
  closure: "DUALTS1011",
  parameterWrite: "DUALTS1012",
  parameterType: "DUALTS1013",
  internal: "DUALTS1099",
} as const;

export type DiagnosticCode = (typeof codes)[keyof typeof codes];

export interface DualtsDiagnostic {
  readonly code: DiagnosticCode;
  readonly message: string;
  readonly fileName: string;
  /** 1-based line and column of the construct. */
  readonly line: number;
  readonly column: number;
  readonly start: number;
  readonly length: number;
}

export class DiagnosticSink {
  readonly diagnostics: DualtsDiagnostic[] = [];
  /** Every report made, the ones not kept (a second at one position) included: what a stage counts to know it found a problem. */
  reports = 0;

  constructor(readonly sourceFile: ts.SourceFile) {}

  report(code: DiagnosticCode, node: ts.Node, message: string): void {
    const start = node.getStart(this.sourceFile);
    this.reportAt(code, start, node.getEnd() - start, message);
  }

  /** At a text position (inside a comment, say); one diagnostic per position: the first found explains it. */
  reportAt(code: DiagnosticCode, start: number, length: number, message: string): void {
    this.reports++;
    if (this.diagnostics.some((d) => d.start === start)) return;
    const { line, character } = this.sourceFile.getLineAndCharacterOfPosition(start);
    this.diagnostics.push({
      code,
      message,
      fileName: this.sourceFile.fileName,
      line: line + 1,
      column: character + 1,
      start,
      length,
    });
  }

  /** In the order they appear in the file. */
  sorted(): DualtsDiagnostic[] {
    return [...this.diagnostics].sort((a, b) => a.start - b.start);
  }
}

/** `file.ts:3:14 - error DUALTS1001: …`, the way TypeScript prints its own. */
export function formatDiagnostic(d: DualtsDiagnostic): string {
  return `${d.fileName}:${d.line}:${d.column} - error ${d.code}: ${d.message}`;
}

/** As a TypeScript diagnostic, for tspc to print and fail the build with. */
export function toTypeScriptDiagnostic(d: DualtsDiagnostic, file: ts.SourceFile): ts.Diagnostic {
  return {
    category: ts.DiagnosticCategory.Error,
    // Far above TypeScript's own codes (1xxx–18xxx), so "TS991001" cannot be mistaken for one of them.
    code: 990000 + Number(d.code.slice("DUALTS".length)),
    file,
    start: d.start,
    length: d.length,
    messageText: `${d.code}: ${d.message}`,
    source: "dualts",
  };
}

/** The diagnostic for a failure of the transform itself on a file, so that the compiler never crashes. */
export function transformFailure(sf: ts.SourceFile, error: unknown): DualtsDiagnostic[] {
  const sink = new DiagnosticSink(sf);
  const deep = error instanceof RangeError;
  sink.reportAt(
    deep ? codes.unsupported : codes.internal,
    0,
    0,
    deep
      ? "this file nests expressions too deeply for the dualts transform; split long expressions into several statements"
      : `internal error in the dualts transform: ${(error as Error).message}. Please report it with this file.`,
  );
  return sink.diagnostics;
}
