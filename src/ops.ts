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

/** The plain number under any number of Dual and tape layers. */
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
 * The value without its derivative (JAX's stop_gradient, Swift's
 * withoutDerivative(at:)): the plain number under any Dual or tape layer.
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

// Adding a constant 0 to, or multiplying by a constant 1, a Dual or a tape variable creates no tape
// node and no Dual: x + 0 is x itself (but for x = -0, where it is 0). Two numbers take the primal.
export const add = fastBinaryKeepingIdentity(rules.add, apply) as BinaryOperation;
export const mul = fastBinaryKeepingIdentity(rules.mul, apply) as BinaryOperation;
export const sub = operations.sub as BinaryOperation;
export const div = operations.div as BinaryOperation;
export const mod = operations.mod as BinaryOperation;
export const pow = operations.pow as BinaryOperation;
export const neg = operations.neg as UnaryOperation;
export const exp = operations.exp as UnaryOperation;
export const expm1 = operations.expm1 as UnaryOperation;
export const log = operations.log as UnaryOperation;
export const log1p = operations.log1p as UnaryOperation;
export const log2 = operations.log2 as UnaryOperation;
export const log10 = operations.log10 as UnaryOperation;
export const sqrt = operations.sqrt as UnaryOperation;
export const cbrt = operations.cbrt as UnaryOperation;
export const sin = operations.sin as UnaryOperation;
export const cos = operations.cos as UnaryOperation;
export const tan = operations.tan as UnaryOperation;
export const asin = operations.asin as UnaryOperation;
export const acos = operations.acos as UnaryOperation;
export const atan = operations.atan as UnaryOperation;
export const atan2 = operations.atan2 as BinaryOperation;
export const sinh = operations.sinh as UnaryOperation;
export const cosh = operations.cosh as UnaryOperation;
export const tanh = operations.tanh as UnaryOperation;
export const asinh = operations.asinh as UnaryOperation;
export const acosh = operations.acosh as UnaryOperation;
export const atanh = operations.atanh as UnaryOperation;
export const abs = operations.abs as UnaryOperation;
export const sign = operations.sign as UnaryOperation;
export const floor = operations.floor as UnaryOperation;
export const ceil = operations.ceil as UnaryOperation;
export const round = operations.round as UnaryOperation;
export const trunc = operations.trunc as UnaryOperation;
export const max = operations.max as VariadicOperation;
export const min = operations.min as VariadicOperation;
export const hypot = operations.hypot as VariadicOperation;

/** The operations generated generic code calls (ops.mul, ops.exp, ops.primal, …). */
export const genericOperations = { ...operations, add, mul, primal } as Record<string, (...args: Real[]) => Real> & { primal(x: Real): number };
