// The transform's output compiled to CommonJS (what tspc emits for a project
// without "type": "module"). TypeScript's CommonJS emit rewrites references to
// imports (`sigmoid` → `helpers_js_1.sigmoid`) and to exported variables
// (`offset` → `exports.offset`); the generated derivative code must be rewritten
// the same way, or it throws a ReferenceError at run time (apply.ts's bindToSource).
// Property: a marked function whose body combines every kind of module-level
// binding — named, renamed and default imports, a namespace import's member,
// an imported marked function, an exported let and an exported marked const —
// compiled to CommonJS, gives gradients that match finite differences, forward
// and reverse.

import { test } from "@fast-check/vitest";
import fc from "fast-check";
import ts from "typescript";
import { expect } from "vitest";
import { dualtsTransformer } from "../dist/transformer/index.js";
import * as dualts from "../src/index.js";
import { expectClose } from "./support/helpers.js";

/** Compiles a module to CommonJS through the transform; fails on any diagnostic. */
function toCommonJs(code: string, fileName: string): string {
  const diagnostics: unknown[] = [];
  const out = ts.transpileModule(code, {
    fileName,
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
    transformers: { before: [dualtsTransformer((d) => diagnostics.push(...d))] },
  });
  expect(diagnostics).toEqual([]);
  return out.outputText;
}

/** Runs CommonJS code with the given modules to require; returns its exports. */
function load(code: string, modules: Record<string, unknown>): Record<string, unknown> {
  const module = { exports: {} as Record<string, unknown> };
  const require = (id: string) => {
    if (!(id in modules)) throw new Error(`unexpected require(${JSON.stringify(id)})`);
    return modules[id];
  };
  new Function("exports", "require", "module", code)(module.exports, require, module);
  return module.exports;
}

const helpersSource = `
/** @differentiable */
export function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}
export const K = 1.5;
export default 0.25;
`;

/** The terms a body adds up, each over the bindings, with its value as plain code for finite differences. */
const terms = [
  { code: "sigmoid(x * K)", plain: (x: number) => 1 / (1 + Math.exp(-(x * 1.5))) },
  { code: "s(y) * scale", plain: (_: number, y: number) => 0.25 / (1 + Math.exp(-y)) },
  { code: "sq(y) + offset * x", plain: (x: number, y: number) => y * y * 1.5 + 0.5 * x },
  { code: "h.K * Math.sin(x * y)", plain: (x: number, y: number) => 1.5 * Math.sin(x * y) },
  { code: "h.default * x * x", plain: (x: number) => 0.25 * x * x },
];

test.prop([fc.uniqueArray(fc.nat({ max: terms.length - 1 }), { minLength: 1, maxLength: terms.length }), fc.double({ min: -2, max: 2, noNaN: true }), fc.double({ min: -2, max: 2, noNaN: true })], {
  numRuns: 30,
})("generated code compiled to CommonJS refers to imports and exported variables as the user's code does", (chosen, x, y) => {
  const body = chosen.map((i) => terms[i].code).join(" + ");
  const source = `import { sigmoid, sigmoid as s, K } from "./helpers.js";
import scale from "./helpers.js";
import * as h from "./helpers.js";
import { differentiable } from "dualts";
export let offset = 0.5;
export const sq = differentiable((v: number) => v * v * K);
/** @differentiable */
export function f(x: number, y: number): number {
  return ${body};
}
`;
  const helpers = load(toCommonJs(helpersSource, "helpers.ts"), { dualts });
  const { f } = load(toCommonJs(source, "f.ts"), { dualts, "./helpers.js": helpers }) as { f: (x: number, y: number) => number };
  const plain = (a: number, b: number) => chosen.reduce((sum, i) => sum + terms[i].plain(a, b), 0);
  expectClose(f(x, y), plain(x, y), 1e-12, 1e-12);
  const expected = dualts.numericalGradient(plain, [x, y]);
  expectClose(dualts.grad(f)(x, y), expected, 1e-6, 1e-7, "forward");
  expectClose(dualts.grad(f, { mode: "reverse" })(x, y), expected, 1e-6, 1e-7, "reverse");
});
