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
// Each rule gets code of its own, written by specialize.ts: source text with
// the rule's primal (`x * y`, `Math.exp(x)`) and its printed partials
// written in, compiled here with `new Function`. Closures of one function
// literal would share V8's type feedback, so every call inside them would
// see every rule and nothing would inline; specialized code keeps each
// operation's feedback its own.

import { Dual, type Real } from "./dual.js";
import { newLanes } from "./lanes.js";
import { isNanSafe } from "./nansafe.js";
import { Var } from "./reverse/tape.js";
import type { Rule } from "./rules/table.js";
import { binarySource, contextNames, unarySource } from "./specialize.js";

type General = (rule: Rule, args: readonly Real[]) => Real;

/** Compiles specialize.ts's source, a function body over the context's names, and returns what it returns. */
function compile<F>(rule: Rule, general: General, source: string): F {
  const context: Record<(typeof contextNames)[number], unknown> = {
    Dual, Var, isNanSafe, newLanes, general, rule, name: rule.name, primal: rule.primal,
  };
  return new Function(...contextNames, source)(...contextNames.map((name) => context[name])) as F;
}

/** A one-argument operation: numbers, a first-order Dual, or a tape variable directly; the rest through `general`. */
export function fastUnary(rule: Rule, general: General): (x: Real) => Real {
  return compile(rule, general, unarySource(rule));
}

/**
 * A two-argument operation: numbers, first-order Duals of one tag, or variables of one tape directly.
 * With an `identity` (0 for add, 1 for mul), a constant equal to that number returns the other
 * argument itself where it is a Dual or a tape variable the operation would give back unchanged
 * (not a -0 for add), as ops.ts's add and mul do: no Dual, no tape node.
 */
export function fastBinary(rule: Rule, general: General, identity?: number): (x: Real, y: Real) => Real {
  return compile(rule, general, binarySource(rule, identity));
}
