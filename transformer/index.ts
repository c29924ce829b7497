// dualts/transformer: the compiler transform's entry points.
//
//   default export      the ts-patch plugin: compilerOptions.plugins: [{ "transform": "dualts/transformer" }]
//   transformSource     the same transform on one file's text, returning JavaScript and diagnostics
//   transformToTypeScript  the same, returning TypeScript (for the Vite plugin and code generation)
//
// The ts-patch entry first checks that the compiler running it is the
// TypeScript this transform is built on (the same major.minor version, see
// compilerMismatch), and fails the build with the fix otherwise.
//
// The stages are find.ts → activity.ts → fence.ts → emit/ (jvp, generic,
// register) → apply.ts, run by transform.ts.

import ts = require("typescript");
import { applyToSourceFile } from "./apply.js";
import { codes, DiagnosticSink, formatDiagnostic, toTypeScriptDiagnostic, transformFailure, type DualtsDiagnostic } from "./diagnostics.js";
import { DECLARATION_FILE, scriptKindOf } from "./files.js";
import { programChecker } from "./program.js";
import { transformFile } from "./transform.js";

export { codes, formatDiagnostic, transformFailure, type DualtsDiagnostic } from "./diagnostics.js";

/** A `before` transformer factory; each file's diagnostics go to `report`. */
export function dualtsTransformer(report: (diagnostics: DualtsDiagnostic[], file: ts.SourceFile) => void = () => {}, program?: ts.Program): ts.TransformerFactory<ts.SourceFile> {
  return (context) => (sf) => {
    try {
      const result = transformFile(sf, program ? programChecker(program) : undefined);
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
      // JSX is kept as written (for the bundler's own JSX transform after this one).
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, sourceMap: true, inlineSources: true, experimentalDecorators: false, jsx: ts.JsxEmit.Preserve },
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
  const sf = ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, true, scriptKindOf(fileName));
  const diagnostics: DualtsDiagnostic[] = [];
  const result = ts.transform(sf, [dualtsTransformer((d) => diagnostics.push(...d))]);
  const printed = ts.createPrinter({ newLine: ts.NewLineKind.LineFeed }).printFile(result.transformed[0]);
  result.dispose();
  return { code: printed, diagnostics };
}

/** What ts-patch hands a program transformer besides the program: the compiler's own `ts`, and its diagnostics. */
interface TsPatchExtras {
  readonly ts?: { readonly version: string; readonly versionMajorMinor: string };
  addDiagnostic(diagnostic: ts.Diagnostic): number;
}

/**
 * Why the transform cannot run inside a compiler of this version, or undefined if it can. The
 * transform builds syntax with its own `typescript` (dualts' dependency); the compiler's syntax
 * trees and node kinds are the same only for the same major.minor version.
 */
export function compilerMismatch(compiler: { readonly version: string; readonly versionMajorMinor: string }): string | undefined {
  if (compiler.versionMajorMinor === ts.versionMajorMinor) return undefined;
  return (
    `dualts/transformer runs on TypeScript ${ts.versionMajorMinor} (its own typescript ${ts.version}), but this build's compiler is TypeScript ${compiler.version}, ` +
    `whose syntax trees differ, so nothing was transformed. Build with TypeScript ${ts.versionMajorMinor}: npm install --save-dev typescript@${ts.versionMajorMinor}; ` +
    `or keep your compiler and generate the derivative code first with \`npx dualts gen src --out gen\` (see the README's "The command line")`
  );
}

/** The ts-patch entry: diagnostics print like TypeScript's own and fail the build. */
export default function dualtsPlugin(program: ts.Program, _config: unknown, extras?: TsPatchExtras): ts.TransformerFactory<ts.SourceFile> {
  const mismatch = extras?.ts ? compilerMismatch(extras.ts) : undefined;
  if (mismatch && extras) {
    // Once per build, not per file: a diagnostic of no file fails the build with this message.
    extras.addDiagnostic({ category: ts.DiagnosticCategory.Error, code: 990000, file: undefined, start: undefined, length: undefined, messageText: mismatch, source: "dualts" });
    return () => (sf) => sf;
  }
  return dualtsTransformer((diagnostics, file) => {
    for (const d of diagnostics) {
      if (extras) extras.addDiagnostic(toTypeScriptDiagnostic(d, file));
      else console.error(formatDiagnostic(d));
    }
  }, program);
}
