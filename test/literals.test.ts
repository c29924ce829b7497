// Every literal of the source reaches every generated form exactly as the
// user wrote it. fast-check writes literals of every kind — strings in
// either quote with every escape and line continuations, template literals
// spanning lines (indented, with backslashes, escaped `${`), templates with
// substitutions, numbers in every base and with separators, regular
// expressions — into a differentiated function, indented inside a block,
// where the derivative needs the literal's value:
//
//   f(x) = x · sin(x)·0 + x · K,   K = (literal's length + first char code)
//
// so ∂f/∂x is K exactly, and a literal changed on its way into generated
// code (re-indented, its continuation lost) changes the derivative. Each
// route — the plain JVP, chunk mode, the gradient form, the record form,
// the generic form on the runtime's tape, and the code `dualts gen` writes
// (compiled with no transform) — must give K, bit for bit.

import { describe, expect } from "vitest";
import { fc, test } from "@fast-check/vitest";
import { analyze } from "../dist/cli/analyze.js";
import { spliceGenerated } from "../dist/cli/splice.js";
import { transformSource } from "../dist/transformer/index.js";
import { grad, hessian } from "../src/index.js";
import { load, plainJavaScript } from "./support/program-run.js";

type Fn = (x: number) => number;

const pieces = (list: string[]) => fc.array(fc.constantFrom(...list), { minLength: 1, maxLength: 8 }).map((p) => p.join(""));
/** Text and escapes a string literal may hold in either quote (a continuation is a backslash before a newline). */
const common = ["a", " ", "é", "😀", "\\n", "\\t", "\\\\", "\\u0041", "\\x41", "\\u{1F600}", "\\0", "\\\n", "\\\n    ", "\u2028"];
const single = pieces([...common, "\\'", '"']).map((s) => `'${s}'`);
const double = pieces([...common, '\\"', "'"]).map((s) => `"${s}"`);
/** A template spans lines as written: raw newlines, indentation, backslashes, an escaped `${` and backtick. */
const templateText = ["a", " ", "\n", "\n  ", "\n\t", "\\\\", "\\n", "\\`", "\\${", "$a", "{", "\\\n"];
const template = pieces(templateText).map((s) => `\`${s}\``);
const substituted = fc.tuple(pieces(templateText), pieces(templateText)).map(([a, b]) => `\`${a}\${k}${b}\${"}"}\``);
const numbers = fc.constantFrom("0x1F", "0o17", "0b101", "1_000", "1e3", ".5", "5.", "1E-2", "0.1_25");
const regex = fc.constantFrom("/a\\/b[/]c/g", "/\\u{1F600}\\s+/u", "/[\\]]/");

/** A literal as source text, with the expression that makes a number of it. */
const literal: fc.Arbitrary<string> = fc.oneof(
  fc.oneof(single, double, template, substituted).map((s) => `(${s}.length + ${s}.charCodeAt(0))`),
  numbers.map((n) => `(${n} + 1)`),
  regex.map((r) => `(${r}.source.length + 1)`),
);

function program(k: string): string {
  return [
    "const k = 3;",
    "/** @differentiable */",
    "export function f(x: number): number {",
    "  let y = x * Math.sin(x) * 0;",
    "  if (x > -100) {",
    "    for (let i = 0; i < 1; i++) {",
    `      y += x * ${k};`,
    "    }",
    "  }",
    "  return y;",
    "}",
    `export const K = ${k};`,
  ].join("\n");
}

/** The module `dualts gen` writes for a source, compiled as a plain TypeScript compiler would (no transform). */
async function generated(source: string): Promise<Record<string, unknown>> {
  const analysis = analyze("prog.ts", source);
  expect(analysis.diagnostics).toEqual([]);
  return load(plainJavaScript(spliceGenerated(analysis.sourceFile, analysis.result!)));
}

function withoutRecordForm(f: Fn): Fn {
  const key = Symbol.for("dualts.derivative");
  const g: Fn = (x) => f(x);
  Object.defineProperty(g, key, { value: { ...(f as unknown as Record<symbol, object>)[key], record: undefined, recordGradient: undefined } });
  return g;
}

describe("literals reach every generated form as written", () => {
  test.prop([literal, fc.double({ min: -2, max: 2, noNaN: true })], { numRuns: 80 })("the derivative is the literal's value on every route", async (k, x) => {
    const source = program(k);
    const K = (await load(plainJavaScript(source))).K as unknown as number;
    const result = transformSource(source, { fileName: "prog.ts" });
    expect(result.diagnostics).toEqual([]);
    const f = (await load(result.code)).f as Fn;
    const routes: Record<string, number> = {
      gradientForm: grad(f)(x),
      jvp: grad(f, { chunk: 1 })(x),
      chunk: grad(f, { chunk: 2 })(x),
      record: grad(f, { mode: "reverse" })(x),
      generic: grad(withoutRecordForm(f), { mode: "reverse" })(x),
      gen: grad((await generated(source)).f as Fn)(x),
    };
    for (const [route, value] of Object.entries(routes)) expect(value, `${route} for ${k}`).toBe(K);
    // f is linear: its Hessian is 0 — NaN where its value is (an empty string's charCodeAt(0)), as every derivative is.
    expect(hessian(f)(x)[0][0]).toBe(Number.isNaN(K) ? NaN : 0);
  });

  test("a template literal spanning lines, hoisted into a temporary, keeps its text", async () => {
    const k = "(`a\n    b\\\n  c`.length + 1)";
    const source = program(k).replace(`y += x * ${k};`, `y += Math.exp(x * 0) * x * ${k};`);
    const K = (await load(plainJavaScript(source))).K as unknown as number;
    const code = transformSource(source, { fileName: "prog.ts" }).code;
    expect(code).toMatch(/const t\d+ = `a\n {4}b\\\n {2}c`\.length \+ 1;/);
    const f = (await load(code)).f as Fn;
    expect(grad(f)(1)).toBe(K);
    expect(grad(f, { chunk: 1 })(1)).toBe(K);
  });
});
