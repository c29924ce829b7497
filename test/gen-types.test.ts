// What `dualts gen` writes type-checks under the options `tsc --init`
// writes (TypeScript 6: strict, noUncheckedIndexedAccess,
// exactOptionalPropertyTypes, verbatimModuleSyntax, target esnext) wherever
// the user's own source does: random programs (program-generator.ts, in the
// "checked" flavor a user writes under those options, element reads marked
// `!`), and sources that use what the random programs do not (defaults, rest
// parameters, methods, marked variables). Marked methods' decorators are
// consumed, so the output runs on Node 20 at target esnext.

import ts from "typescript";
import { describe, expect, test as plain } from "vitest";
import { test } from "@fast-check/vitest";
import { analyze } from "../dist/cli/analyze.js";
import { spliceGenerated } from "../dist/cli/splice.js";
import { program } from "./support/program-generator.js";
import { renderProgram } from "./support/program-printer.js";

/** tsc --init's options (TypeScript 6), in a project whose package.json says "type": "module". */
const INIT: ts.CompilerOptions = {
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  target: ts.ScriptTarget.ESNext,
  types: [],
  strict: true,
  noUncheckedIndexedAccess: true,
  exactOptionalPropertyTypes: true,
  verbatimModuleSyntax: true,
  isolatedModules: true,
  moduleDetection: ts.ModuleDetectionKind.Force,
  skipLibCheck: true,
  noEmit: true,
  jsx: ts.JsxEmit.ReactJSX,
  paths: { dualts: [new URL("../src/index.ts", import.meta.url).pathname] },
};

const library = new Map<string, ts.SourceFile | undefined>();

/** The type errors of the given files (name → text), as `name:line message`. */
function typeErrors(files: Record<string, string>): string[] {
  const host = ts.createCompilerHost(INIT);
  const read = host.getSourceFile;
  host.getSourceFile = (name, version) => {
    if (files[name] !== undefined) return ts.createSourceFile(name, files[name], version, true);
    if (!library.has(name)) library.set(name, read.call(host, name, version));
    return library.get(name);
  };
  const program = ts.createProgram(Object.keys(files), INIT, host);
  return ts
    .getPreEmitDiagnostics(program)
    .filter((d) => d.file && files[d.file.fileName] !== undefined)
    .map((d) => `${d.file!.fileName}:${d.file!.getLineAndCharacterOfPosition(d.start!).line + 1} ${ts.flattenDiagnosticMessageText(d.messageText, " ")}`);
}

/** What gen writes for one source. */
function generated(name: string, source: string): string {
  const analysis = analyze(name, source);
  expect(analysis.diagnostics.map((d) => d.message)).toEqual([]);
  return spliceGenerated(analysis.sourceFile, analysis.result!);
}

describe("dualts gen's output type-checks under tsc --init's options", () => {
  test.prop([program], { numRuns: 40 })("for random programs whose own source does", (p) => {
    const source = renderProgram(p, "checked");
    expect(typeErrors({ "/project/src/prog.ts": source }), "the source itself").toEqual([]);
    expect(typeErrors({ "/project/gen/prog.ts": generated("prog.ts", source) })).toEqual([]);
  });

  plain("for defaults, optional and rest parameters, methods, marked variables and array choices", () => {
    const source = `import { differentiable } from "dualts";

/** @differentiable */
export function withDefault(x: number, y = 2 * Math.sin(x), z?: number): number {
  return x * y + (z === undefined ? 0 : z * z);
}

/** @differentiable */
export function sum(...xs: number[]): number {
  let s = 0;
  for (const v of xs) s += v * v;
  return s;
}

/** @differentiable */
export const square = (x: number): number => x * x;

/** @differentiable */
export function choose(x: number, data: number[]): number[] {
  const mine = [x, x * x];
  return x > 0 ? mine : data;
}

export class Spring {
  constructor(readonly stiffness: number) {}

  @differentiable
  energy(x: number): number {
    return 0.5 * this.stiffness * x * x;
  }

  @differentiable({ wrt: ["x"] })
  static scaled(x: number, k: number): number {
    return x * k;
  }
}
`;
    const output = generated("all.ts", source);
    expect(typeErrors({ "/project/src/all.ts": source }), "the source itself").toEqual([]);
    expect(typeErrors({ "/project/gen/all.ts": output })).toEqual([]);
    // The decorators are consumed: nothing in the output needs Node to support decorators.
    expect(output).not.toMatch(/^\s*@differentiable/m);
    expect(output).toContain('differentiable.method(this, "energy", {');
    expect(output).toContain('differentiable.staticMethod(this, "scaled", {');
  });
});
