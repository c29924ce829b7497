// Running a generated program beside the transform: its untransformed
// compile (TypeScript's transpileModule, no transform), modules loaded from
// source text, and the "probe", the instrumented copy that program-printer.ts
// prints, which reports which way each comparison went and how large values
// grew, so the checks can tell when finite differences crossed a branch.

import ts from "typescript";

/**
 * Intermediate values larger than this make finite differences unreliable
 * (sin of a large, fast-moving value has no useful difference quotient at a
 * step of 0.01): the point is skipped.
 */
export const LARGEST_VALUE = 100;

type Fn = (...args: number[]) => number;

/** The built runtime, which a program's `import … from "dualts"` means (a data: URL resolves no package name). */
const runtime = new URL("../../dist/src/index.js", import.meta.url).href;

/** A data: URL holding JavaScript as an ES module, its "dualts" the built runtime (for another module to import). */
export function moduleUrl(js: string): string {
  const linked = js.replace(/(from\s*)(["'])dualts\2/g, `$1"${runtime}"`);
  return `data:text/javascript;base64,${Buffer.from(linked).toString("base64")}`;
}

/** Imports JavaScript as an ES module, from a data: URL; "dualts" is the built runtime. */
export async function load(js: string): Promise<Record<string, Fn>> {
  return import(/* @vite-ignore */ moduleUrl(js));
}

export function plainJavaScript(source: string): string {
  return ts.transpileModule(source, { fileName: "prog.ts", compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText;
}

export interface ProbeRun {
  readonly value: number;
  readonly path: string;
  readonly largest: number;
}

export function probe(source: string): (args: number[]) => ProbeRun {
  let path = "";
  let largest = 0;
  const c = (outcome: boolean) => {
    path += outcome ? "1" : "0";
    return outcome;
  };
  const v = (value: number) => {
    largest = Math.max(largest, Number.isNaN(value) ? Infinity : Math.abs(value));
    return value;
  };
  // Math.abs, max and min report which side of their kink they are on, or that they are on it: a
  // point exactly at a kink (abs of a u ≥ 0 that touches 0) is one, though its neighbours all lie on
  // one side, and there the derivative is a convention (README), not what differences see;
  // floor, round and % which piece between their jumps.
  const side = (x: number, y: number) => {
    path += x > y ? "1" : x < y ? "0" : "=";
  };
  const piece = (n: number) => {
    path += `[${n}]`;
  };
  const helpers = {
    __abs: (x: number) => (side(x, 0), Math.abs(x)),
    __max: (x: number, y: number) => (side(x, y), Math.max(x, y)),
    __min: (x: number, y: number) => (side(y, x), Math.min(x, y)),
    __floor: (x: number) => (piece(Math.floor(x)), Math.floor(x)),
    __round: (x: number) => (piece(Math.round(x)), Math.round(x)),
    __mod: (x: number, y: number) => (piece(Math.trunc(x / y)), x % y),
  };
  const f = new Function("__c", "__v", ...Object.keys(helpers), `"use strict";\n${source}\nreturn f;`)(c, v, ...Object.values(helpers)) as Fn;
  return (args) => {
    path = "";
    largest = 0;
    const value = f(...args);
    return { value, path, largest };
  };
}
