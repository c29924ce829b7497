// The runtime's operations, generated from the rules table.
//
// Each operation accepts plain numbers, Duals and reverse-mode variables
// alike and dispatches on the newest kind among its arguments:
//
//   all numbers       → the rule's primal
//   a Dual of tag t   → a Dual of tag t: primal by recursion on the primals,
//                       tangent = Σ ∂op/∂argᵢ · tangentᵢ over the arguments
//                       that carry tag t (the others are constants for t)
//   a tape variable   → a new node on its tape with the rule's partials
//
// Tag order is nesting order, and tape variables sit below every Dual, so a
// Dual over tape variables is forward-over-reverse. Partials over plain
// numbers use the partials' functions of generated/operations.ts; anything deeper
// evaluates the rule against `realAlgebra`, i.e. these same operations.
// The common first-order cases of the fixed-arity operations take the fast
// paths of fast.ts, which compute the same results without the dispatch.

import type { Algebra } from "./rules/algebra.js";
import { compiledPartials } from "./generated/operations.js";
import { numericPartials } from "./rules/compile.js";
import { rules, type Rule, type RuleName } from "./rules/table.js";
import { Dual, type Real, type Tangent } from "./dual.js";
import { laneCount, laneTangent } from "./lanes.js";
import { Var } from "./reverse/tape.js";
import { isNanSafe } from "./nansafe.js";
import { fastBinary, fastBinaryKeepingIdentity, fastUnary } from "./fast.js";

/**
 * The plain number under any number of Dual and tape layers: the value of x, without its derivative.
 * Branch and compare on it (`primal(x) > 0`), since JavaScript's own operators throw on a Dual or a tape
 * variable. The same as noDerivative: inside a derivative the result counts as a constant.
 *
 * @param x a number, a Dual or a reverse-mode tape variable
 * @returns the number under it (a number is returned as it is)
 * @throws TypeError for anything else
 * @example
 *   primal(new Dual(1, 2.5, 1));                  // 2.5
 *   grad((x: Real) => mul(x, primal(x)))(3);      // 3: the second factor counts as a constant
 */
export function primal(x: Real): number {
  while (typeof x !== "number") {
    if (x instanceof Dual) x = x.primal;
    else if (x instanceof Var) x = x.value;
    else throw notReal("primal", 0, x);
  }
  return x;
}

/**
 * Outside an operation's domain (log of a negative number) the value is NaN,
 * and so is every derivative: log′(−1) = 1/x would be a number, and wrong.
 */
function outsideDomain(z: Real, args: readonly Real[]): boolean {
  return Number.isNaN(primal(z)) && !args.some((a) => Number.isNaN(primal(a)));
}

/**
 * The value without its derivative (JAX's stop_gradient, Swift's withoutDerivative(at:)): the plain
 * number under any Dual or tape layer, a constant for every derivative taken around it. In compiled
 * code the transform treats `noDerivative(…)` likewise, and it is the way to pass a differentiated
 * value to a function that has no derivative.
 *
 * @param x a number, a Dual or a reverse-mode tape variable
 * @returns the number under it, as primal(x)
 * @example
 *   grad((x: Real) => mul(x, noDerivative(x)))(3);   // 3 (not 6: the second factor counts as a constant)
 */
export function noDerivative(x: Real): number {
  return primal(x);
}

/** The argument that decides the result's kind: the Dual with the newest tag, else a tape variable. */
function newest(rule: Rule, args: readonly Real[]): Dual | Var | undefined {
  let top: Dual | Var | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (typeof a === "number") continue;
    if (!(a instanceof Dual || a instanceof Var)) throw notReal(rule.name, i, a);
    if (a instanceof Dual) {
      if (!(top instanceof Dual) || a.tag > top.tag) top = a;
    } else if (top === undefined) {
      top = a;
    } else if (top instanceof Var && top.tape !== a.tape) {
      throw new Error(
        "Values from two different reverse-mode tapes met in one operation: nested reverse mode is not supported. " + "Use forward mode for the outer derivative (hessian does this for you).",
      );
    }
  }
  return top;
}

/** The error for an argument that is not a number, a Dual or a tape variable: named, not a crash deeper in. */
function notReal(operation: string, index: number, arg: unknown): TypeError {
  const kind = arg === null ? "null" : Array.isArray(arg) || ArrayBuffer.isView(arg) ? "an array" : typeof arg === "object" ? "an object" : `a ${typeof arg}`;
  return new TypeError(
    `dualts' ${operation}: argument ${index + 1} is ${kind}${typeof arg === "string" ? ` (${JSON.stringify(arg)})` : ""}; ` +
      `the operations take numbers (and the Duals and tape variables derivatives pass through them)`,
  );
}

export function apply(rule: Rule, args: readonly Real[]): Real {
  const top = newest(rule, args);
  if (top === undefined) return rule.primal(...(args as number[]));
  if (top instanceof Var) return record(rule, args, top);
  const tag = top.tag;
  const carries = args.map((a) => a instanceof Dual && a.tag === tag);
  const primals = args.map((a, i) => (carries[i] ? (a as Dual).primal : a));
  const z = operate(rule, primals);
  return new Dual(tag, z, tangent(rule, primals, z, args, carries));
}

/**
 * The rule applied to Reals one layer down (the primals of a Dual, a partial's arguments): through the
 * operation's own fast paths where it has a fixed arity — a tape variable then records directly — else apply.
 */
function operate(rule: Rule, args: readonly Real[]): Real {
  if (rule.arity === 1) return operations[rule.name as RuleName](args[0]);
  if (rule.arity === 2) return operations[rule.name as RuleName](args[0], args[1]);
  return apply(rule, args);
}

/** Σ ∂op/∂argᵢ · tangentᵢ over the arguments that carry the tag. */
function tangent(rule: Rule, primals: readonly Real[], z: Real, args: readonly Real[], carries: readonly boolean[]): Tangent {
  const lanes = laneCount(args, carries);
  if (lanes > 0) return laneTangent(rule, primals, z, args, carries, lanes);
  if (outsideDomain(z, primals)) return NaN;
  const compiled = compiledPartials[rule.name as RuleName];
  const overNumbers = typeof z === "number" && primals.every((p) => typeof p === "number");
  if (compiled && overNumbers) {
    const [x, y] = primals as number[];
    let sum = 0;
    let sumIsNumber = true;
    let deep: Real = 0;
    for (let i = 0; i < args.length; i++) {
      if (!carries[i]) continue;
      const d = (args[i] as Dual).tangent as Real;
      if (d === 0 && isNanSafe()) continue;
      const p = compiled[i](x, y, z);
      if (typeof d === "number" && sumIsNumber) sum += p * d;
      else {
        sumIsNumber = false;
        deep = add(deep, mul(p, d));
      }
    }
    return sumIsNumber ? sum : add(deep, sum);
  }
  const partials = rule.partials(realAlgebra, primals, z);
  let sum: Real = 0;
  for (let i = 0; i < args.length; i++) {
    const d = (args[i] as Dual).tangent as Real;
    if (carries[i] && !(d === 0 && isNanSafe())) sum = add(sum, mul(partials[i], d));
  }
  return sum;
}

/** A new tape node: all Dual layers are gone by now, so every argument is a number or a variable. */
function record(rule: Rule, args: readonly Real[], top: Var): Var {
  const values = args.map((a) => (typeof a === "number" ? a : (a as Var).value));
  const z = rule.primal(...values);
  const compiled = compiledPartials[rule.name as RuleName];
  const partials = outsideDomain(z, values)
    ? args.map(() => NaN)
    : compiled
      ? args.map((a, i) => (typeof a === "number" ? 0 : compiled[i](values[0], values[1], z)))
      : numericPartials(rule, values, z).map((p, i) => (typeof args[i] === "number" ? 0 : p));
  return top.tape.record(rule.name, z, args as (Var | number)[], partials);
}

/** The rules' algebra over Reals: how partials are evaluated for nested Duals and forward-over-reverse. */
export const realAlgebra: Algebra<Real, boolean> = {
  constant: (value) => value,
  mathConstant: (name) => Math[name],
  add: (a, b) => add(a, b),
  sub: (a, b) => sub(a, b),
  mul: (a, b) => mul(a, b),
  div: (a, b) => div(a, b),
  neg: (a) => neg(a),
  call: (fn, ...args) => operate(rules[fn], args),
  eq: (a, b) => primal(a) === primal(b),
  lt: (a, b) => primal(a) < primal(b),
  gt: (a, b) => primal(a) > primal(b),
  and: (a, b) => a && b,
  select: (condition, whenTrue, whenFalse) => (condition ? whenTrue : whenFalse),
};

/** An operation on one number stays a number; on a Dual or variable it is a Real. */
export interface UnaryOperation {
  (x: number): number;
  (x: Real): Real;
}
export interface BinaryOperation {
  (x: number, y: number): number;
  (x: Real, y: Real): Real;
}
export interface VariadicOperation {
  (...xs: number[]): number;
  (...xs: Real[]): Real;
}

const unary = (rule: Rule) => fastUnary(rule, apply) as UnaryOperation;
const binary = (rule: Rule) => fastBinary(rule, apply) as BinaryOperation;
const variadic = (rule: Rule) => ((...xs: Real[]) => apply(rule, xs)) as VariadicOperation;

/** Every rule as a runtime operation, by rule name (for code that iterates the table): add and mul without their 0/1 shortcuts. */
export const operations: Record<RuleName, (...args: Real[]) => Real> = Object.fromEntries(
  Object.entries(rules).map(([name, rule]) => [name, rule.arity === 1 ? unary(rule) : rule.arity === 2 ? binary(rule) : variadic(rule)]),
) as Record<RuleName, (...args: Real[]) => Real>;

// The operations by name, for code written over them: each takes numbers, Duals and tape variables,
// returns a number for numbers, and carries the derivative of the rule of its name (rules/table.ts).
// Adding a constant 0 to, or multiplying by a constant 1, a Dual or a tape variable creates no tape
// node and no Dual: x + 0 is x itself (but for x = -0, where it is 0). Two numbers take the primal.
/** x + y. */
export const add = fastBinaryKeepingIdentity(rules.add, apply) as BinaryOperation;
/** x · y. */
export const mul = fastBinaryKeepingIdentity(rules.mul, apply) as BinaryOperation;
/** x − y. */
export const sub = operations.sub as BinaryOperation;
/** x / y. */
export const div = operations.div as BinaryOperation;
/** x % y, as JavaScript's (the sign of x); ∂/∂x = 1, ∂/∂y = −trunc(x / y), also at the jumps. */
export const mod = operations.mod as BinaryOperation;
/** x ** y (also Math.pow); x⁰ has ∂/∂x = 0, also at x = 0; at x = 0 with y > 0, ∂/∂y = 0; for x < 0, ∂/∂y is NaN. */
export const pow = operations.pow as BinaryOperation;
/** −x. */
export const neg = operations.neg as UnaryOperation;
/** Math.exp(x): eˣ. */
export const exp = operations.exp as UnaryOperation;
/** Math.expm1(x): eˣ − 1, accurate near 0. */
export const expm1 = operations.expm1 as UnaryOperation;
/** Math.log(x): the natural logarithm; at 0 the derivative is +Infinity, below it value and derivative are NaN. */
export const log = operations.log as UnaryOperation;
/** Math.log1p(x): log(1 + x), accurate near 0. */
export const log1p = operations.log1p as UnaryOperation;
/** Math.log2(x). */
export const log2 = operations.log2 as UnaryOperation;
/** Math.log10(x). */
export const log10 = operations.log10 as UnaryOperation;
/** Math.sqrt(x); at 0 the derivative is +Infinity (the one-sided limit). */
export const sqrt = operations.sqrt as UnaryOperation;
/** Math.cbrt(x); at 0 the derivative is +Infinity. */
export const cbrt = operations.cbrt as UnaryOperation;
/** Math.sin(x). */
export const sin = operations.sin as UnaryOperation;
/** Math.cos(x). */
export const cos = operations.cos as UnaryOperation;
/** Math.tan(x). */
export const tan = operations.tan as UnaryOperation;
/** Math.asin(x); at ±1 the derivative is +Infinity. */
export const asin = operations.asin as UnaryOperation;
/** Math.acos(x); at ±1 the derivative is −Infinity. */
export const acos = operations.acos as UnaryOperation;
/** Math.atan(x). */
export const atan = operations.atan as UnaryOperation;
/** Math.atan2(y, x): the angle of the point (x, y); its derivatives are NaN at the origin. */
export const atan2 = operations.atan2 as BinaryOperation;
/** Math.sinh(x). */
export const sinh = operations.sinh as UnaryOperation;
/** Math.cosh(x). */
export const cosh = operations.cosh as UnaryOperation;
/** Math.tanh(x). */
export const tanh = operations.tanh as UnaryOperation;
/** Math.asinh(x). */
export const asinh = operations.asinh as UnaryOperation;
/** Math.acosh(x); at 1 the derivative is +Infinity. */
export const acosh = operations.acosh as UnaryOperation;
/** Math.atanh(x); at ±1 the derivative is +Infinity. */
export const atanh = operations.atanh as UnaryOperation;
/** Math.abs(x); at 0 the derivative is 0 (a subgradient). */
export const abs = operations.abs as UnaryOperation;
/** Math.sign(x); derivative 0 everywhere, including at 0. */
export const sign = operations.sign as UnaryOperation;
/** Math.floor(x); derivative 0 everywhere, including at the jumps. */
export const floor = operations.floor as UnaryOperation;
/** Math.ceil(x); derivative 0 everywhere, including at the jumps. */
export const ceil = operations.ceil as UnaryOperation;
/** Math.round(x); derivative 0 everywhere, including at the jumps. */
export const round = operations.round as UnaryOperation;
/** Math.trunc(x); derivative 0 everywhere, including at the jumps. */
export const trunc = operations.trunc as UnaryOperation;
/** Math.max(…xs); each of k tied maxima gets 1/k of the derivative (max(x, x) has derivative 1). */
export const max = operations.max as VariadicOperation;
/** Math.min(…xs); each of k tied minima gets 1/k of the derivative. */
export const min = operations.min as VariadicOperation;
/** Math.hypot(…xs): √(Σ x²); at the origin every partial is 0 (a subgradient). */
export const hypot = operations.hypot as VariadicOperation;

/** The operations generated generic code calls (ops.mul, ops.exp, ops.primal, …). */
export const genericOperations = { ...operations, add, mul, primal } as Record<string, (...args: Real[]) => Real> & { primal(x: Real): number };
