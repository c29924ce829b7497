// Random whole programs for the transform's property tests: fast-check
// generates a small syntax tree of statements and expressions over the
// parameters a, b, c (and, for a second function h, p and q), which
// program-printer.ts prints as TypeScript a person would write:
//
//   /** @differentiable wrt(a, c) */
//   export function f(a: number, b: number, c: number): number {
//     let y1 = a * Math.sin(b);
//     const v2 = new Array(3).fill(0);
//     loop3: for (let i3 = 0; i3 < 3; i3++) {
//       v2[i3] += h(y1, c);
//       if (y1 > 0.5) break loop3;
//       y1 = y1 * y1;
//     }
//     if (c < a) return y1;
//     return v2[1] + a + b + c + y1;
//   }
//
// Statements: let/const/var (with and without a type, or declared first and
// assigned in both branches of an if), `=` and `+= -= *= /= %= **=`, `y = y * y`,
// `++`/`--`, if/else, switch with and without fall-through, for loops with a
// constant bound (some labelled), while and do…while loops with a counter
// (and sometimes a comparison of values), break/continue (plain or to the
// outermost label), early returns, local arrays (`new Array(3).fill(0)`,
// `new Float64Array(3)`, `[e0, e1, e2]`, `[]`) with push onto the plain ones, element writes,
// reads and sums by index or for…of (also `for (let x of v) { x = x * b; … }`,
// whose loop variable takes a derivative only from its reassignment), pushes
// whose value reads what the push changes (`v.push(v[v.length - 1] * e)`,
// `v.push(e + v.length)`), arrays of constants that carry no derivative, and
// one of two arrays chosen by a condition (either may carry none). A counter
// bumped inside expressions (`v[n++ % 3] *= e`, `(n++ % 3)` as an operand or
// a call's argument) puts side effects where the evaluation order matters.
// Expressions: arithmetic, ternaries, calls of h (which may be recursive)
// and of g (which h may call too: helpers calling helpers), calls of s(u, q),
// a function of an array (a fold over its elements), of t(p, q), a function
// returning an array (kept in a local and passed on), and Math functions that are smooth
// where they are used — exp only of bounded values, log, sqrt and cbrt of
// 1 + x², division only by 1 + x², 2 + cos x, 2 or 1.5 + sin x, powers of
// positive bases, atan2 with a positive x — so that the programs are smooth
// except where they branch; and Math.abs, max, min, floor, round and `%`,
// whose kinks and jumps the probe reports like branches. Some programs use wrt(…) on f, and some name their
// variables like the transform's own generated names (ops, da, t1, f_jvp, …).
//
// The tree refers to variables by number, resolved by the printer against
// what is in scope at that point (counting back from the latest
// declaration), so every tree prints as a valid program and shrinking never
// breaks scoping. Where a node cannot apply (a `break` outside a loop, an
// element write with no array in scope), it prints nothing or a fallback.

import { fc } from "@fast-check/vitest";

// ---------------------------------------------------------------- the tree

export type UnaryOp =
  | "neg"
  | "plus"
  | "sin"
  | "cos"
  | "tanh"
  | "atan"
  | "asinh"
  | "abs"
  | "floor"
  | "round"
  | "square"
  | "cube"
  | "timesPi"
  | "expSin"
  | "expTanh"
  | "expNegSquare"
  | "expm1Sin"
  | "sinhTanh"
  | "coshSin"
  | "logOnePlusSquare"
  | "log1pSquare"
  | "sqrtOnePlusSquare"
  | "cbrtOnePlusSquare";
export type BinaryOp = "+" | "-" | "*" | "divOnePlusSquare" | "divTwoPlusCos" | "divHalf" | "mod" | "powPositive" | "mathPow" | "atan2" | "hypot" | "max" | "min";
export type Comparison = "<" | ">" | "<=" | ">=";

export type Index = { k: "const"; i: number } | { k: "loop" } | { k: "loopShift" } | { k: "bump" };

export type Expr =
  | { k: "var"; i: number }
  | { k: "num"; v: number }
  | { k: "loopVar" }
  | { k: "read"; arr: number; index: Index }
  | { k: "unary"; op: UnaryOp; a: Expr }
  | { k: "binary"; op: BinaryOp; a: Expr; b: Expr }
  | { k: "call"; fn: 0 | 1; a: Expr; b: Expr }
  | { k: "arrayCall"; arr: number; b: Expr }
  | { k: "bump" }
  | { k: "ternary"; test: Cmp; a: Expr; b: Expr };

export interface Cmp {
  readonly op: Comparison;
  readonly l: Expr;
  readonly r: Expr;
}

export type Stmt =
  | { k: "decl"; keyword: "const" | "let" | "var"; typed: boolean; e: Expr }
  | { k: "declThenBranch"; test: Cmp; a: Expr; b: Expr }
  | { k: "assign"; t: number; op: "=" | "+=" | "-=" | "*=" | "/=" | "%=" | "**="; e: Expr }
  | { k: "square"; t: number }
  | { k: "increment"; t: number; form: "x++" | "++x" | "x--" }
  | { k: "if"; test: Cmp; then: Stmt[]; else: Stmt[] | null }
  | { k: "for"; bound: number; labeled: boolean; body: Stmt[] }
  | { k: "while"; bound: number; test: Cmp | null; doWhile: boolean; body: Stmt[] }
  | { k: "jump"; test: Cmp; jump: "break" | "continue"; outer: boolean }
  | { k: "return"; test: Cmp; e: Expr }
  | { k: "switch"; test: Cmp; one: Stmt[]; other: Stmt[]; fallThrough: boolean }
  | { k: "array"; init: "fill" | "float64" | "empty" | "literal"; elements: Expr[] }
  | { k: "elementWrite"; arr: number; index: Index; op: "=" | "+=" | "-=" | "*=" | "/="; e: Expr }
  | { k: "push"; arr: number; e: Expr; reads: "none" | "last" | "length" }
  | { k: "sumArray"; arr: number; t: number; form: "index" | "of" | "ofReassigned" }
  | { k: "dataArray"; values: number[] }
  | { k: "chooseArray"; test: Cmp; a: number; b: number }
  | { k: "vectorCall"; a: Expr; b: Expr };

export interface Program {
  /**
   * f's `wrt(…)`: the parameters (0, 1, 2 for a, b, c) it is differentiated with respect to, in the
   * order wrt names them — any order, as wrt(c, a) orders the gradient; null for the default (all three).
   */
  readonly wrt: readonly number[] | null;
  /** "tricky": variables are named like the transform's generated code (program-printer.ts, TRICKY_NAMES). */
  readonly names: "plain" | "tricky";
  /**
   * The second function, h(p, q), called from f; null for a program of one function. A recursive h
   * returns p unless 0 < q <= 6 (a NaN q included), and otherwise h(result, q - 1) plus its variables.
   */
  readonly helper: { readonly body: Stmt[]; readonly result: Expr; readonly recursive: boolean } | null;
  /** A third function, g(p, q), which f and h may call (a helper calling a helper); null for none. */
  readonly second: { readonly body: Stmt[]; readonly result: Expr } | null;
  /** A function of an array, s(u, q) = fold of u's elements with this expression of x (an element), q and r (so far); null for none. */
  readonly arrayHelper: Expr | null;
  /** A function returning an array, t(p, q) = [p · q, this expression of p and q, sin(p + q)]; null for none. */
  readonly vectorHelper: Expr | null;
  readonly helperFirst: boolean;
  readonly body: Stmt[];
  readonly result: Expr;
}

// ---------------------------------------------------------------- arbitraries

const unaryOps: UnaryOp[] = [
  "neg",
  "plus",
  "sin",
  "cos",
  "tanh",
  "atan",
  "asinh",
  "abs",
  "floor",
  "round",
  "square",
  "cube",
  "timesPi",
  "expSin",
  "expTanh",
  "expNegSquare",
  "expm1Sin",
  "sinhTanh",
  "coshSin",
  "logOnePlusSquare",
  "log1pSquare",
  "sqrtOnePlusSquare",
  "cbrtOnePlusSquare",
];
// The arithmetic operators more often than the rest.
const binaryOps = fc.oneof(
  { arbitrary: fc.constantFrom<BinaryOp>("+", "-", "*"), weight: 3 },
  { arbitrary: fc.constantFrom<BinaryOp>("divOnePlusSquare", "divTwoPlusCos", "divHalf", "mod", "powPositive", "mathPow", "atan2", "hypot", "max", "min"), weight: 2 },
);

const constant = fc.oneof(
  fc.constantFrom(0.5, 1, 2, 0.25, 1.5, 3, 0.1),
  fc.integer({ min: -200, max: 200 }).map((n) => n / 100),
);
const ref = fc.nat({ max: 7 });
const index: fc.Arbitrary<Index> = fc.oneof(
  fc.record({ k: fc.constant("const" as const), i: fc.nat({ max: 2 }) }),
  fc.record({ k: fc.constant("loop" as const) }),
  fc.record({ k: fc.constant("loopShift" as const) }),
  fc.record({ k: fc.constant("bump" as const) }),
);

const variable: fc.Arbitrary<Expr> = fc.record({ k: fc.constant("var" as const), i: ref });

const exprs = new Map<number, fc.Arbitrary<Expr>>();
/** Expressions of nesting depth at most `depth`. */
export function expr(depth: number): fc.Arbitrary<Expr> {
  let arbitrary = exprs.get(depth);
  if (arbitrary) return arbitrary;
  const leaves = [
    { arbitrary: variable, weight: 6 },
    { arbitrary: fc.record({ k: fc.constant("num" as const), v: constant }), weight: 2 },
    { arbitrary: fc.record({ k: fc.constant("loopVar" as const) }), weight: 1 },
    { arbitrary: fc.record({ k: fc.constant("read" as const), arr: ref, index }), weight: 3 },
    { arbitrary: fc.record({ k: fc.constant("bump" as const) }), weight: 1 },
  ];
  if (depth === 0) arbitrary = fc.oneof(...leaves);
  else {
    const sub = expr(depth - 1);
    arbitrary = fc.oneof(
      { depthSize: "small" },
      ...leaves,
      { arbitrary: fc.record({ k: fc.constant("unary" as const), op: fc.constantFrom(...unaryOps), a: sub }), weight: 4 },
      { arbitrary: fc.record({ k: fc.constant("binary" as const), op: binaryOps, a: sub, b: sub }), weight: 5 },
      { arbitrary: fc.record({ k: fc.constant("call" as const), fn: fc.constantFrom(0 as const, 1 as const), a: sub, b: sub }), weight: 2 },
      { arbitrary: fc.record({ k: fc.constant("arrayCall" as const), arr: ref, b: sub }), weight: 1 },
      { arbitrary: fc.record({ k: fc.constant("ternary" as const), test: cmp(depth - 1), a: sub, b: sub }), weight: 1 },
    );
  }
  exprs.set(depth, arbitrary);
  return arbitrary;
}

function cmp(depth: number): fc.Arbitrary<Cmp> {
  // Mostly a value against a constant, so that branches go both ways across samples.
  const right = fc.oneof({ arbitrary: fc.record({ k: fc.constant("num" as const), v: constant }), weight: 3 }, { arbitrary: expr(Math.min(depth, 1)), weight: 1 });
  const left = fc.oneof({ arbitrary: variable, weight: 2 }, { arbitrary: expr(depth), weight: 3 });
  return fc.record({ op: fc.constantFrom<Comparison>("<", ">", "<=", ">="), l: left, r: right });
}

const E = 2; // expression depth in statements

const stmts = new Map<number, fc.Arbitrary<Stmt>>();
/** Statements whose blocks nest at most `depth` deep. */
export function stmt(depth: number): fc.Arbitrary<Stmt> {
  let arbitrary = stmts.get(depth);
  if (arbitrary) return arbitrary;
  const e = expr(E);
  const simple: { arbitrary: fc.Arbitrary<Stmt>; weight: number }[] = [
    { arbitrary: fc.record({ k: fc.constant("decl" as const), keyword: fc.constantFrom("const" as const, "let" as const, "var" as const), typed: fc.boolean(), e }), weight: 6 },
    { arbitrary: fc.record({ k: fc.constant("declThenBranch" as const), test: cmp(1), a: e, b: e }), weight: 1 },
    {
      arbitrary: fc.record({
        k: fc.constant("assign" as const),
        t: ref,
        op: fc.constantFrom("=" as const, "+=" as const, "-=" as const, "*=" as const, "/=" as const, "%=" as const, "**=" as const),
        e,
      }),
      weight: 6,
    },
    { arbitrary: fc.record({ k: fc.constant("square" as const), t: ref }), weight: 2 },
    { arbitrary: fc.record({ k: fc.constant("increment" as const), t: ref, form: fc.constantFrom("x++" as const, "++x" as const, "x--" as const) }), weight: 1 },
    { arbitrary: fc.record({ k: fc.constant("jump" as const), test: cmp(1), jump: fc.constantFrom("break" as const, "continue" as const), outer: fc.boolean() }), weight: 1 },
    { arbitrary: fc.record({ k: fc.constant("return" as const), test: cmp(1), e }), weight: 1 },
    {
      arbitrary: fc.record({
        k: fc.constant("array" as const),
        init: fc.constantFrom("fill" as const, "float64" as const, "empty" as const, "literal" as const),
        elements: fc.array(expr(1), { minLength: 3, maxLength: 3 }),
      }),
      weight: 2,
    },
    { arbitrary: fc.record({ k: fc.constant("elementWrite" as const), arr: ref, index, op: fc.constantFrom("=" as const, "+=" as const, "-=" as const, "*=" as const, "/=" as const), e }), weight: 3 },
    { arbitrary: fc.record({ k: fc.constant("push" as const), arr: ref, e, reads: fc.constantFrom("none" as const, "none" as const, "last" as const, "length" as const) }), weight: 2 },
    { arbitrary: fc.record({ k: fc.constant("sumArray" as const), arr: ref, t: ref, form: fc.constantFrom("index" as const, "of" as const, "ofReassigned" as const) }), weight: 1 },
    { arbitrary: fc.record({ k: fc.constant("dataArray" as const), values: fc.array(constant, { minLength: 3, maxLength: 3 }) }), weight: 1 },
    { arbitrary: fc.record({ k: fc.constant("chooseArray" as const), test: cmp(1), a: ref, b: ref }), weight: 1 },
    { arbitrary: fc.record({ k: fc.constant("vectorCall" as const), a: expr(1), b: expr(1) }), weight: 1 },
  ];
  if (depth === 0) arbitrary = fc.oneof(...simple);
  else {
    const body = block(depth - 1);
    arbitrary = fc.oneof(
      { depthSize: "small" },
      ...simple,
      { arbitrary: fc.record({ k: fc.constant("if" as const), test: cmp(1), then: body, else: fc.option(body, { nil: null }) }), weight: 3 },
      { arbitrary: fc.record({ k: fc.constant("for" as const), bound: fc.integer({ min: 1, max: 3 }), labeled: fc.boolean(), body }), weight: 3 },
      { arbitrary: fc.record({ k: fc.constant("switch" as const), test: cmp(1), one: body, other: body, fallThrough: fc.boolean() }), weight: 1 },
      { arbitrary: fc.record({ k: fc.constant("while" as const), bound: fc.integer({ min: 1, max: 4 }), test: fc.option(cmp(1), { nil: null }), doWhile: fc.boolean(), body }), weight: 2 },
    );
  }
  stmts.set(depth, arbitrary);
  return arbitrary;
}

function block(depth: number, maxLength = 4): fc.Arbitrary<Stmt[]> {
  return fc.array(stmt(depth), { minLength: 1, maxLength });
}

export const program: fc.Arbitrary<Program> = fc.record({
  wrt: fc.option(fc.shuffledSubarray([0, 1, 2], { minLength: 1 }), { nil: null, freq: 2 }),
  names: fc.constantFrom("plain" as const, "plain" as const, "tricky" as const),
  helper: fc.option(fc.record({ body: fc.array(stmt(1), { maxLength: 3 }), result: expr(E), recursive: fc.boolean() }), { nil: null, freq: 3 }),
  second: fc.option(fc.record({ body: fc.array(stmt(1), { maxLength: 3 }), result: expr(E) }), { nil: null, freq: 2 }),
  arrayHelper: fc.option(expr(1), { nil: null, freq: 2 }),
  vectorHelper: fc.option(expr(1), { nil: null, freq: 2 }),
  helperFirst: fc.boolean(),
  body: fc.array(stmt(2), { minLength: 2, maxLength: 8 }),
  result: expr(E),
});

/** Two points (a, b, c) with coordinates in [−1.5, 1.5] on a grid of 1e-6: where the program tests evaluate. */
export const pointPairs: fc.Arbitrary<number[][]> = fc.array(
  fc.array(
    fc.integer({ min: -1_500_000, max: 1_500_000 }).map((n) => n / 1e6),
    { minLength: 3, maxLength: 3 },
  ),
  { minLength: 2, maxLength: 2 },
);

/**
 * How many random programs a property tries: `usual` in `npm test`, or DUALTS_SOAK's number in a soak
 * (`npm run soak`, which runs the random-program tests with thousands of programs each).
 */
export function programRuns(usual: number): number {
  const soak = Number(process.env.DUALTS_SOAK);
  return Number.isInteger(soak) && soak > 0 ? soak : usual;
}
