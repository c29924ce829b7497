// Random functions of four inputs with singular partials at the point they
// are differentiated at, for poisoning.test.ts: a smooth part plus terms
// c · outer(S(…)) in which S is √, ∛, asin at 1, acos at −1, xʸ at a negative
// or zero base, or 1/d at d = 0. Each singular argument is `base + (T(x) −
// T(point))` for a smooth tree T of some inputs, so it sits exactly on the
// singular point, and the other inputs' directions reach it with a zero
// tangent — forward mode's 0 · ∞. The same function comes two ways: over the
// runtime's operations, and as TypeScript source for the transform.
//
// What follows a singular partial on the way to the output has nonzero
// partials (c ≠ 0, outer ∈ {identity, atan, exp, 0.5 − a}, sums): where one
// were 0, an infinite tangent times it is NaN in forward mode while reverse
// mode, which skips a node whose adjoint is 0, gives 0 — the other side of
// 0 · ∞, which this rule is not about (README, Conventions).

import { fc } from "@fast-check/vitest";
import { acos, add, asin, atan, cbrt, cos, div, exp, mul, pow, sin, sqrt, sub, tanh, type Real } from "../../src/index.js";

export const INPUTS = 4;

export type Smooth =
  | { kind: "input"; index: number }
  | { kind: "constant"; value: number }
  | { kind: "unary"; op: keyof typeof smoothUnary; arg: Smooth }
  | { kind: "binary"; op: keyof typeof smoothBinary; left: Smooth; right: Smooth };

/** `base + (T(x) − T(point))`: exactly base at the point. */
export interface Shifted {
  readonly base: number;
  readonly tree: Smooth;
}

export type Singular = { kind: "sqrt" | "cbrt"; arg: Shifted } | { kind: "asin" | "acos"; arg: Shifted } | { kind: "pow"; base: Shifted; exponent: Shifted } | { kind: "reciprocal"; arg: Shifted };

export interface Term {
  readonly scale: number;
  readonly outer: keyof typeof outers;
  readonly singular: Singular;
}

export interface SingularProgram {
  readonly smooth: Smooth;
  readonly terms: readonly Term[];
}

const smoothUnary = {
  sin: { run: (a: Real) => sin(a), print: (a: string) => `Math.sin(${a})` },
  cos: { run: (a: Real) => cos(a), print: (a: string) => `Math.cos(${a})` },
  tanh: { run: (a: Real) => tanh(a), print: (a: string) => `Math.tanh(${a})` },
  atan: { run: (a: Real) => atan(a), print: (a: string) => `Math.atan(${a})` },
};

const smoothBinary = {
  add: { run: (a: Real, b: Real) => add(a, b), print: (a: string, b: string) => `(${a} + ${b})` },
  sub: { run: (a: Real, b: Real) => sub(a, b), print: (a: string, b: string) => `(${a} - ${b})` },
  mul: { run: (a: Real, b: Real) => mul(a, b), print: (a: string, b: string) => `(${a} * ${b})` },
};

/** What follows a singular value: each with a nonzero derivative at the values singular terms take (0, ±π/2, 1, 4, −8, …). */
const outers = {
  identity: { run: (a: Real) => a, print: (a: string) => a },
  atan: { run: (a: Real) => atan(a), print: (a: string) => `Math.atan(${a})` },
  exp: { run: (a: Real) => exp(a), print: (a: string) => `Math.exp(${a})` },
  flip: { run: (a: Real) => sub(0.5, a), print: (a: string) => `(0.5 - ${a})` },
};

const { smooth } = fc.letrec<{ smooth: Smooth }>((self) => ({
  smooth: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.record({ kind: fc.constant("input" as const), index: fc.integer({ min: 0, max: INPUTS - 1 }) }),
    fc.record({ kind: fc.constant("constant" as const), value: fc.constantFrom(0.5, -1.25, 2) }),
    fc.record({ kind: fc.constant("unary" as const), op: fc.constantFrom(...(Object.keys(smoothUnary) as (keyof typeof smoothUnary)[])), arg: self("smooth") }),
    fc.record({ kind: fc.constant("binary" as const), op: fc.constantFrom(...(Object.keys(smoothBinary) as (keyof typeof smoothBinary)[])), left: self("smooth"), right: self("smooth") }),
  ),
}));

const shifted = (bases: readonly number[]) => fc.record({ base: fc.constantFrom(...bases), tree: smooth });

const singular: fc.Arbitrary<Singular> = fc.oneof(
  fc.record({ kind: fc.constantFrom("sqrt" as const, "cbrt" as const), arg: shifted([0]) }),
  fc.record({ kind: fc.constant("asin" as const), arg: shifted([1]) }),
  fc.record({ kind: fc.constant("acos" as const), arg: shifted([-1]) }),
  // A negative base to an integer power (∂/∂y is NaN), and the conventions at a zero base.
  fc.record({ kind: fc.constant("pow" as const), base: shifted([-2, -1.5]), exponent: shifted([1, 2, 3]) }),
  fc.record({ kind: fc.constant("pow" as const), base: shifted([0]), exponent: shifted([0, 0.5, 1, 2, 3]) }),
);

const term: fc.Arbitrary<Term> = fc.record({
  scale: fc.constantFrom(-2, -0.5, 0.75, 3),
  outer: fc.constantFrom(...(Object.keys(outers) as (keyof typeof outers)[])),
  singular,
});

/** A reciprocal's value is ±∞, so it stands alone, scaled, at the top (atan or exp of ∞ has a zero derivative). */
const reciprocal: fc.Arbitrary<Term> = fc.record({
  scale: fc.constantFrom(-2, 0.75),
  outer: fc.constant("identity" as const),
  singular: fc.record({ kind: fc.constant("reciprocal" as const), arg: shifted([0]) }),
});

export const singularProgram: fc.Arbitrary<SingularProgram> = fc.record({
  smooth,
  terms: fc.tuple(fc.array(term, { minLength: 1, maxLength: 3 }), fc.option(reciprocal, { freq: 5 })).map(([terms, r]) => (r ? [...terms, r] : terms)),
});

/** A point: inputs in [−2, 2], never −0 (whose reciprocal and square root differ from +0's). */
export const point = fc.array(
  fc.double({ min: -2, max: 2, noNaN: true }).map((x) => (x === 0 ? 0 : x)),
  { minLength: INPUTS, maxLength: INPUTS },
);

function runSmooth(t: Smooth, xs: readonly Real[]): Real {
  switch (t.kind) {
    case "input":
      return xs[t.index];
    case "constant":
      return t.value;
    case "unary":
      return smoothUnary[t.op].run(runSmooth(t.arg, xs));
    case "binary":
      return smoothBinary[t.op].run(runSmooth(t.left, xs), runSmooth(t.right, xs));
  }
}

function printSmooth(t: Smooth): string {
  switch (t.kind) {
    case "input":
      return `x${t.index}`;
    case "constant":
      return String(t.value);
    case "unary":
      return smoothUnary[t.op].print(printSmooth(t.arg));
    case "binary":
      return smoothBinary[t.op].print(printSmooth(t.left), printSmooth(t.right));
  }
}

/** The function over the runtime's operations, its shifts' constants taken at `at`. */
export function runtimeFunction(p: SingularProgram, at: readonly number[]): (...xs: Real[]) => Real {
  const shift = (s: Shifted, xs: readonly Real[]) => add(s.base, sub(runSmooth(s.tree, xs), runSmooth(s.tree, at) as number));
  const runSingular = (s: Singular, xs: readonly Real[]): Real => {
    switch (s.kind) {
      case "sqrt":
        return sqrt(shift(s.arg, xs));
      case "cbrt":
        return cbrt(shift(s.arg, xs));
      case "asin":
        return asin(shift(s.arg, xs));
      case "acos":
        return acos(shift(s.arg, xs));
      case "pow":
        return pow(shift(s.base, xs), shift(s.exponent, xs));
      case "reciprocal":
        return div(1, shift(s.arg, xs));
    }
  };
  return (...xs) => p.terms.reduce((sum: Real, t) => add(sum, mul(t.scale, outers[t.outer].run(runSingular(t.singular, xs)))), runSmooth(p.smooth, xs));
}

/** The same function as TypeScript for the transform: `export function f(x0, x1, x2, x3)`, marked @differentiable. */
export function programSource(p: SingularProgram, at: readonly number[]): string {
  // String(x) is the shortest text that reads back as the same double.
  const shift = (s: Shifted) => `(${s.base} + (${printSmooth(s.tree)} - (${String(runSmooth(s.tree, at))})))`;
  const printSingular = (s: Singular): string => {
    switch (s.kind) {
      case "sqrt":
        return `Math.sqrt(${shift(s.arg)})`;
      case "cbrt":
        return `Math.cbrt(${shift(s.arg)})`;
      case "asin":
        return `Math.asin(${shift(s.arg)})`;
      case "acos":
        return `Math.acos(${shift(s.arg)})`;
      case "pow":
        return `${shift(s.base)} ** ${shift(s.exponent)}`;
      case "reciprocal":
        return `1 / ${shift(s.arg)}`;
    }
  };
  const terms = p.terms.map((t) => ` + ${t.scale} * ${outers[t.outer].print(`(${printSingular(t.singular)})`)}`).join("");
  const parameters = Array.from({ length: INPUTS }, (_, i) => `x${i}: number`).join(", ");
  return `/** @differentiable */\nexport function f(${parameters}): number {\n  return ${printSmooth(p.smooth)}${terms};\n}\n`;
}
