// THE primitive table: one entry per differentiable operation.
//
// Every derivative dualts computes comes from here. Each entry gives the
// primal (plain number arithmetic), the partial derivative with respect to
// each argument written against an Algebra (so the same entry evaluates to
// numbers, prints as source code, or runs over Duals and tape variables), the
// domain the tests sample it on, and its convention at points where the
// derivative does not exist. Nothing else in dualts writes a derivative
// formula.
//
// Partials receive the arguments and the primal result `z` (so exp can say
// "the derivative is z" instead of recomputing it).

import type { Algebra } from "./algebra.js";

export type Arity = 1 | 2 | "variadic";

/** Where a rule is sampled in tests: one range per argument (variadic rules reuse the first). */
export interface Domain {
  readonly ranges: readonly (readonly [number, number])[];
  /** False where finite differences cannot see the derivative (near a kink or jump). */
  readonly smoothAt?: (...args: number[]) => boolean;
}

export interface Rule {
  readonly name: string;
  readonly arity: Arity;
  /** How the operation is spelled in source: an operator such as "*", or "Math.exp". */
  readonly spelling: string;
  readonly primal: (...args: number[]) => number;
  readonly partials: <E, C>(A: Algebra<E, C>, args: readonly E[], z: E) => E[];
  readonly domain: Domain;
  /** The convention where the derivative does not exist, for the docs; absent where it always does. */
  readonly convention?: string;
}

const wide: [number, number] = [-10, 10];
const positive: [number, number] = [1e-3, 10];
const unit: [number, number] = [-0.999, 0.999];
const awayFrom = (points: (x: number) => number) => (x: number) => Math.abs(x - points(x)) > 1e-3;
const awayFromIntegers = awayFrom(Math.round);
const awayFromHalves = awayFrom((x) => Math.floor(x) + 0.5);

function rule(r: Rule): Rule {
  return r;
}

/** Derivative of max/min: 1 for the winner; a tie of k arguments gives each 1/k. */
function extremumPartials<E, C>(A: Algebra<E, C>, args: readonly E[], z: E, wins: "gt" | "lt"): E[] {
  if (args.length === 2) {
    const [x, y] = args;
    const half = A.constant(0.5);
    return [A.select(A[wins](x, y), A.constant(1), A.select(A.eq(x, y), half, A.constant(0))), A.select(A[wins](y, x), A.constant(1), A.select(A.eq(x, y), half, A.constant(0)))];
  }
  const ties = args.map((a) => A.select(A.eq(a, z), A.constant(1), A.constant(0))).reduce((sum, t) => A.add(sum, t), A.constant(0));
  return args.map((a) => A.select(A.eq(a, z), A.div(A.constant(1), ties), A.constant(0)));
}

/** A piecewise-constant function: derivative zero everywhere, by convention also at its jumps. */
function stepFunction(name: string, primal: (x: number) => number, smoothAt: (x: number) => boolean): Rule {
  return rule({
    name,
    arity: 1,
    spelling: `Math.${name}`,
    primal,
    partials: (A) => [A.constant(0)],
    domain: { ranges: [wide], smoothAt },
    convention: "derivative 0 everywhere, including at the jumps",
  });
}

/**
 * The table of primitives every engine reads, by rule name: the operators (add sub mul div mod pow
 * neg) and the differentiable Math functions. Each rule has its `name`, `arity` (1, 2 or "variadic"),
 * `spelling` in source ("*", "Math.exp"), `primal` on numbers, `partials` written against an algebra,
 * the `domain` its tests sample, and its `convention` where the derivative does not exist.
 *
 * @example
 *   rules.exp.spelling;        // "Math.exp"
 *   rules.mul.primal(2, 3);    // 6
 *   rules.abs.convention;      // "at x = 0 the derivative is 0 (Math.sign(0)), a subgradient"
 */
export const rules = {
  // ── operators ────────────────────────────────────────────────────────────
  add: rule({ name: "add", arity: 2, spelling: "+", primal: (x, y) => x + y, partials: (A) => [A.constant(1), A.constant(1)], domain: { ranges: [wide, wide] } }),
  sub: rule({ name: "sub", arity: 2, spelling: "-", primal: (x, y) => x - y, partials: (A) => [A.constant(1), A.constant(-1)], domain: { ranges: [wide, wide] } }),
  mul: rule({ name: "mul", arity: 2, spelling: "*", primal: (x, y) => x * y, partials: (_A, [x, y]) => [y, x], domain: { ranges: [wide, wide] } }),
  div: rule({ name: "div", arity: 2, spelling: "/", primal: (x, y) => x / y, partials: (A, [, y], z) => [A.div(A.constant(1), y), A.neg(A.div(z, y))], domain: { ranges: [wide, [0.1, 10]] } }),
  mod: rule({
    name: "mod",
    arity: 2,
    spelling: "%",
    primal: (x, y) => x % y,
    partials: (A, [x, y]) => [A.constant(1), A.neg(A.call("trunc", A.div(x, y)))],
    domain: { ranges: [wide, [0.5, 5]], smoothAt: (x, y) => awayFromIntegers(x / y) },
    convention: "x % y = x − trunc(x / y)·y: ∂/∂x = 1, ∂/∂y = −trunc(x / y), also at the jumps",
  }),
  pow: rule({
    name: "pow",
    arity: 2,
    spelling: "**",
    primal: (x, y) => x ** y,
    partials: (A, [x, y], z) => [
      // y·x^(y−1), but 0 at x = y = 0 (0·0⁻¹ would be NaN). Elsewhere at y = 0 the product itself is 0,
      // and it keeps its own derivative in y (x⁻¹): a constant 0 there would lose ∂²xʸ/∂x∂y in a Hessian.
      A.select(A.and(A.eq(x, A.constant(0)), A.eq(y, A.constant(0))), A.constant(0), A.mul(y, A.call("pow", x, A.sub(y, A.constant(1))))),
      A.select(A.and(A.eq(x, A.constant(0)), A.gt(y, A.constant(0))), A.constant(0), A.mul(z, A.call("log", x))),
    ],
    domain: {
      ranges: [
        [0.1, 5],
        [-3, 3],
      ],
    },
    convention:
      "x⁰ has ∂/∂x = 0 (at x = 0 by convention, elsewhere as y·x^(y−1), whose derivative in y a Hessian needs); at x = 0 with y > 0, ∂/∂y = 0; for x < 0, ∂/∂y is NaN (xʸ is real only at integer y)",
  }),
  neg: rule({ name: "neg", arity: 1, spelling: "-", primal: (x) => -x, partials: (A) => [A.constant(-1)], domain: { ranges: [wide] } }),

  // ── exponentials and logarithms ─────────────────────────────────────────
  exp: rule({ name: "exp", arity: 1, spelling: "Math.exp", primal: Math.exp, partials: (_A, _, z) => [z], domain: { ranges: [[-10, 5]] } }),
  expm1: rule({ name: "expm1", arity: 1, spelling: "Math.expm1", primal: Math.expm1, partials: (A, _, z) => [A.add(z, A.constant(1))], domain: { ranges: [[-10, 5]] } }),
  log: rule({
    name: "log",
    arity: 1,
    spelling: "Math.log",
    primal: Math.log,
    partials: (A, [x]) => [A.div(A.constant(1), x)],
    domain: { ranges: [positive] },
    convention: "at x = 0 the derivative is +Infinity (the one-sided limit)",
  }),
  log1p: rule({ name: "log1p", arity: 1, spelling: "Math.log1p", primal: Math.log1p, partials: (A, [x]) => [A.div(A.constant(1), A.add(A.constant(1), x))], domain: { ranges: [[-0.99, 10]] } }),
  log2: rule({ name: "log2", arity: 1, spelling: "Math.log2", primal: Math.log2, partials: (A, [x]) => [A.div(A.constant(1), A.mul(x, A.mathConstant("LN2")))], domain: { ranges: [positive] } }),
  log10: rule({ name: "log10", arity: 1, spelling: "Math.log10", primal: Math.log10, partials: (A, [x]) => [A.div(A.constant(1), A.mul(x, A.mathConstant("LN10")))], domain: { ranges: [positive] } }),
  sqrt: rule({
    name: "sqrt",
    arity: 1,
    spelling: "Math.sqrt",
    primal: Math.sqrt,
    partials: (A, _, z) => [A.div(A.constant(0.5), z)],
    domain: { ranges: [positive] },
    convention: "at x = 0 the derivative is +Infinity (the one-sided limit)",
  }),
  cbrt: rule({
    name: "cbrt",
    arity: 1,
    spelling: "Math.cbrt",
    primal: Math.cbrt,
    partials: (A, _, z) => [A.div(A.constant(1), A.mul(A.constant(3), A.mul(z, z)))],
    domain: { ranges: [wide], smoothAt: (x) => Math.abs(x) > 1e-2 },
    convention: "at x = 0 the derivative is +Infinity",
  }),

  // ── trigonometry ────────────────────────────────────────────────────────
  sin: rule({ name: "sin", arity: 1, spelling: "Math.sin", primal: Math.sin, partials: (A, [x]) => [A.call("cos", x)], domain: { ranges: [wide] } }),
  cos: rule({ name: "cos", arity: 1, spelling: "Math.cos", primal: Math.cos, partials: (A, [x]) => [A.neg(A.call("sin", x))], domain: { ranges: [wide] } }),
  tan: rule({ name: "tan", arity: 1, spelling: "Math.tan", primal: Math.tan, partials: (A, _, z) => [A.add(A.constant(1), A.mul(z, z))], domain: { ranges: [[-1.4, 1.4]] } }),
  asin: rule({
    name: "asin",
    arity: 1,
    spelling: "Math.asin",
    primal: Math.asin,
    partials: (A, [x]) => [A.div(A.constant(1), A.call("sqrt", A.sub(A.constant(1), A.mul(x, x))))],
    domain: { ranges: [unit] },
    convention: "at x = ±1 the derivative is +Infinity",
  }),
  acos: rule({
    name: "acos",
    arity: 1,
    spelling: "Math.acos",
    primal: Math.acos,
    partials: (A, [x]) => [A.neg(A.div(A.constant(1), A.call("sqrt", A.sub(A.constant(1), A.mul(x, x)))))],
    domain: { ranges: [unit] },
    convention: "at x = ±1 the derivative is −Infinity",
  }),
  atan: rule({ name: "atan", arity: 1, spelling: "Math.atan", primal: Math.atan, partials: (A, [x]) => [A.div(A.constant(1), A.add(A.constant(1), A.mul(x, x)))], domain: { ranges: [wide] } }),
  atan2: rule({
    name: "atan2",
    arity: 2,
    spelling: "Math.atan2",
    primal: Math.atan2,
    partials: (A, [y, x]) => {
      const r2 = A.add(A.mul(x, x), A.mul(y, y));
      return [A.div(x, r2), A.neg(A.div(y, r2))];
    },
    domain: { ranges: [wide, wide], smoothAt: (y, x) => !(x < 1e-2 && Math.abs(y) < 1e-2) && !(x < 0 && Math.abs(y) < 1e-2) },
    convention: "atan2(y, x): ∂/∂y = x/(x²+y²), ∂/∂x = −y/(x²+y²); NaN at the origin, where the angle is undefined",
  }),

  // ── hyperbolic functions ────────────────────────────────────────────────
  sinh: rule({ name: "sinh", arity: 1, spelling: "Math.sinh", primal: Math.sinh, partials: (A, [x]) => [A.call("cosh", x)], domain: { ranges: [[-5, 5]] } }),
  cosh: rule({ name: "cosh", arity: 1, spelling: "Math.cosh", primal: Math.cosh, partials: (A, [x]) => [A.call("sinh", x)], domain: { ranges: [[-5, 5]] } }),
  tanh: rule({ name: "tanh", arity: 1, spelling: "Math.tanh", primal: Math.tanh, partials: (A, _, z) => [A.sub(A.constant(1), A.mul(z, z))], domain: { ranges: [[-5, 5]] } }),
  asinh: rule({
    name: "asinh",
    arity: 1,
    spelling: "Math.asinh",
    primal: Math.asinh,
    partials: (A, [x]) => [A.div(A.constant(1), A.call("sqrt", A.add(A.mul(x, x), A.constant(1))))],
    domain: { ranges: [wide] },
  }),
  acosh: rule({
    name: "acosh",
    arity: 1,
    spelling: "Math.acosh",
    primal: Math.acosh,
    partials: (A, [x]) => [A.div(A.constant(1), A.call("sqrt", A.sub(A.mul(x, x), A.constant(1))))],
    domain: { ranges: [[1.01, 10]] },
    convention: "at x = 1 the derivative is +Infinity",
  }),
  atanh: rule({
    name: "atanh",
    arity: 1,
    spelling: "Math.atanh",
    primal: Math.atanh,
    partials: (A, [x]) => [A.div(A.constant(1), A.sub(A.constant(1), A.mul(x, x)))],
    domain: { ranges: [unit] },
    convention: "at x = ±1 the derivative is +Infinity",
  }),

  // ── kinks and steps ─────────────────────────────────────────────────────
  abs: rule({
    name: "abs",
    arity: 1,
    spelling: "Math.abs",
    primal: Math.abs,
    partials: (A, [x]) => [A.call("sign", x)],
    domain: { ranges: [wide], smoothAt: (x) => Math.abs(x) > 1e-3 },
    convention: "at x = 0 the derivative is 0 (Math.sign(0)), a subgradient",
  }),
  sign: stepFunction("sign", Math.sign, (x) => Math.abs(x) > 1e-3),
  floor: stepFunction("floor", Math.floor, awayFromIntegers),
  ceil: stepFunction("ceil", Math.ceil, awayFromIntegers),
  round: stepFunction("round", Math.round, awayFromHalves),
  trunc: stepFunction("trunc", Math.trunc, awayFromIntegers),

  // ── any number of arguments ─────────────────────────────────────────────
  max: rule({
    name: "max",
    arity: "variadic",
    spelling: "Math.max",
    primal: Math.max,
    partials: (A, args, z) => extremumPartials(A, args, z, "gt"),
    domain: { ranges: [wide], smoothAt: (...xs) => xs.every((a, i) => xs.every((b, j) => i === j || Math.abs(a - b) > 1e-3)) },
    convention: "ties share the derivative: each of k equal maxima gets 1/k (so max(x, x) has derivative 1)",
  }),
  min: rule({
    name: "min",
    arity: "variadic",
    spelling: "Math.min",
    primal: Math.min,
    partials: (A, args, z) => extremumPartials(A, args, z, "lt"),
    domain: { ranges: [wide], smoothAt: (...xs) => xs.every((a, i) => xs.every((b, j) => i === j || Math.abs(a - b) > 1e-3)) },
    convention: "ties share the derivative: each of k equal minima gets 1/k",
  }),
  hypot: rule({
    name: "hypot",
    arity: "variadic",
    spelling: "Math.hypot",
    primal: Math.hypot,
    partials: (A, args, z) => args.map((a) => A.select(A.eq(z, A.constant(0)), A.constant(0), A.div(a, z))),
    domain: { ranges: [wide], smoothAt: (...xs) => Math.hypot(...xs) > 1e-2 },
    convention: "at the origin every partial is 0 (a subgradient)",
  }),
} satisfies Record<string, Rule>;

export type RuleName = keyof typeof rules;

/**
 * The name of every rule in the table, in its order (operators first, then Math functions): each is
 * also the name of the runtime operation that dualts exports.
 *
 * @example
 *   ruleNames.length;          // 37
 *   ruleNames.slice(0, 3);     // ["add", "sub", "mul"]
 */
export const ruleNames = Object.keys(rules) as RuleName[];

/** `Math.pow` is the same operation as `**`. */
export const mathFunctionRules: Record<string, RuleName> = Object.fromEntries([...ruleNames.filter((n) => rules[n].spelling === `Math.${n}`).map((n) => [n, n]), ["pow", "pow"]]);
