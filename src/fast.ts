// Fast paths for the runtime's fixed-arity operations (see ops.ts).
//
// Almost every operation a program performs meets one of three cases:
//
//   plain numbers                        → the rule's primal
//   first-order Duals of one tag, and    → a Dual: the primal, and the tangent
//   numbers (primal and tangent numbers)   Σ ∂op/∂argᵢ · tangentᵢ
//   tape variables of one tape, and      → one tape node holding the partials
//   numbers
//
// These paths compute exactly what ops.ts's general `apply` computes — the
// same primal, the same partials of the rules table, the sum taken in the
// same order from 0, NaN derivatives outside a domain, NaN-safe mode —
// without building argument arrays, spreading calls or searching for the
// newest tag. A first-order Dual whose tangent has lanes (chunk mode) gets
// its lanes as lanes.ts's laneTangent computes them. Anything else (nested
// Duals, Duals over tape variables, mixed tags, two tapes) goes to
// `general`, which is ops.ts's apply.
//
// Each rule has code of its own, written by specialize.ts's templates with
// the rule's primal (`x * y`, `Math.exp(x)`) and its printed partials, and
// generated at build time into generated/operations.ts (`npm run generate`):
// nothing is compiled from strings at run time. Closures of one function
// literal would share V8's type feedback, so every call inside them would
// see every rule and nothing would inline; code of its own keeps each
// operation's feedback its own. Here each operation receives its context.

import { Dual, type Real } from "./dual.js";
import { binaryOperations, identityOperations, unaryOperations } from "./generated/operations.js";
import { newLanes } from "./lanes.js";
import { isNanSafe } from "./nansafe.js";
import { Var } from "./reverse/tape.js";
import type { Rule } from "./rules/table.js";

type General = (rule: Rule, args: readonly Real[]) => Real;

/** An operation of one argument, as generated. */
export type UnaryFunction = (x: Real) => Real;
/** An operation of two arguments, as generated. */
export type BinaryFunction = (x: Real, y: Real) => Real;

/** What the generated code of an operation receives (specialize.ts's contextNames). */
export interface OperationContext {
  readonly Dual: typeof Dual;
  readonly Var: typeof Var;
  readonly isNanSafe: typeof isNanSafe;
  readonly newLanes: typeof newLanes;
  readonly general: General;
  readonly rule: Rule;
  readonly name: string;
  readonly primal: (...args: number[]) => number;
}

function contextOf(rule: Rule, general: General): OperationContext {
  return { Dual, Var, isNanSafe, newLanes, general, rule, name: rule.name, primal: rule.primal };
}

function generated<F>(table: Partial<Record<string, (context: OperationContext) => F>>, rule: Rule, what: string): (context: OperationContext) => F {
  const make = table[rule.name];
  if (!make) {
    throw new Error(`dualts has no generated ${what} for the rule ${rule.name}: src/generated/operations.ts is older than the rules table; run \`npm run generate\``);
  }
  return make;
}

/** A one-argument operation: numbers, a first-order Dual, or a tape variable directly; the rest through `general`. */
export function fastUnary(rule: Rule, general: General): UnaryFunction {
  return generated(unaryOperations, rule, "one-argument operation")(contextOf(rule, general));
}

/** A two-argument operation: numbers, first-order Duals of one tag, or variables of one tape directly. */
export function fastBinary(rule: Rule, general: General): BinaryFunction {
  return generated(binaryOperations, rule, "two-argument operation")(contextOf(rule, general));
}

/**
 * A two-argument operation with an identity constant (specialize.ts's identities: 0 for add, 1 for
 * mul): a constant equal to that number returns the other argument itself where it is a Dual or a
 * tape variable the operation would give back unchanged (not a -0 for add), as ops.ts's add and mul
 * do: no Dual, no tape node.
 */
export function fastBinaryKeepingIdentity(rule: Rule, general: General): BinaryFunction {
  return generated(identityOperations, rule, "two-argument operation with an identity")(contextOf(rule, general));
}
