// dualts/transformer: the compiler transform's entry points.
//
//   default export      the ts-patch plugin: compilerOptions.plugins: [{ "transform": "dualts/transformer" }]
//   transformSource     the same transform on one file's text, returning JavaScript and diagnostics
//   transformToTypeScript  the same, returning TypeScript (for the Vite plugin and code generation)
//
// The stages are find.ts → activity.ts → fence.ts → emit/ (jvp, generic,
// register) → apply.ts, run by transform.ts.

import ts = require("typescript");
import { applyToSourceFile } from "./apply.js";
import { codes, DiagnosticSink, formatDiagnostic, toTypeScriptDiagnostic, transformFailure, type DualtsDiagnostic } from "./diagnostics.js";
import { DECLARATION_FILE } from "./files.js";
import { transformFile } from "./transform.js";

export { codes, formatDiagnostic, transformFailure, type DualtsDiagnostic } from "./diagnostics.js";

/** A `before` transformer factory; each file's diagnostics go to `report`. */
export function dualtsTransformer(report: (diagnostics: DualtsDiagnostic[], file: ts.SourceFile) => void = () => {}): ts.TransformerFactory<ts.SourceFile> {
  return (context) => (sf) => {
    try {
      const result = transformFile(sf);
      if (result.diagnostics.length > 0) report(result.diagnostics, sf);
      return applyToSourceFile(sf, result, context);
    } catch (error) {
      // The last line of defence: never crash the compiler; say where and why instead.
      report(transformFailure(sf, error), sf);
      return sf;
    }
  };
}

export interface TransformOptions {
  readonly fileName?: string;
}

export interface TransformResult {
  readonly code: string;
  readonly diagnostics: DualtsDiagnostic[];
  readonly sourceMap?: string;
}

/** Transforms one file and compiles it to JavaScript (ESM). */
export function transformSource(code: string, options: TransformOptions = {}): TransformResult {
  const diagnostics: DualtsDiagnostic[] = [];
  const fileName = options.fileName ?? "input.ts";
  // A declaration file has no code: it compiles to nothing, as under tsc.
  if (DECLARATION_FILE.test(fileName)) return { code: "", diagnostics };
  let output: ts.TranspileOutput;
  try {
    output = ts.transpileModule(code, {
    fileName,
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, sourceMap: true, inlineSources: true, experimentalDecorators: false },
    transformers: { before: [dualtsTransformer((d) => diagnostics.push(...d))] },
    });
  } catch (error) {
    // TypeScript itself gave up: a diagnostic, not a crash. Only a stack overflow (a file nested beyond its parser's stack) is the nesting's fault.
    const sf = ts.createSourceFile(fileName, "", ts.ScriptTarget.Latest);
    const sink = new DiagnosticSink(sf);
    const advice = error instanceof RangeError ? "; split very long or deeply nested expressions" : "";
    sink.reportAt(codes.unsupported, 0, 0, `TypeScript could not compile this file (${(error as Error).message})${advice}`);
    return { code: "", diagnostics: sink.diagnostics };
  }
  return { code: output.outputText.replace(/\n\/\/# sourceMappingURL=.*$/, "\n"), diagnostics, sourceMap: output.sourceMapText };
}

/** Transforms one file and prints it back as TypeScript. */
export function transformToTypeScript(code: string, options: TransformOptions = {}): TransformResult {
  const fileName = options.fileName ?? "input.ts";
  const sf = ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const diagnostics: DualtsDiagnostic[] = [];
  const result = ts.transform(sf, [dualtsTransformer((d) => diagnostics.push(...d))]);
  const printed = ts.createPrinter({ newLine: ts.NewLineKind.LineFeed }).printFile(result.transformed[0]);
  result.dispose();
  return { code: printed, diagnostics };
}

interface TsPatchExtras {
  addDiagnostic(diagnostic: ts.Diagnostic): number;
}

/** The ts-patch entry: diagnostics print like TypeScript's own and fail the build. */
export default function dualtsPlugin(_program: ts.Program, _config: unknown, extras?: TsPatchExtras): ts.TransformerFactory<ts.SourceFile> {
  return dualtsTransformer((diagnostics, file) => {
    for (const d of diagnostics) {
      if (extras) extras.addDiagnostic(toTypeScriptDiagnostic(d, file));
      else console.error(formatDiagnostic(d));
    }
  });
}
