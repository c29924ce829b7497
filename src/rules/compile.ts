// Turns the table's partials into plain number functions, once, at load time.
//
// The runtime's hot path (a Dual or a tape variable over plain numbers) must
// not walk an algebra object and allocate arrays for every multiplication.
// So each fixed-arity rule's partials are printed with the source algebra —
// exactly the text the compiler transform inlines into generated code — and
// compiled into a function of (x, y, z). Variadic rules (max, min, hypot)
// are evaluated with the number algebra instead.
//
// For `Math.exp` this produces `(x, z) => z`; for `/` the pair
// `(x, y, z) => 1 / y` and `(x, y, z) => -(z / y)`.

import { numberAlgebra, sourceAlgebra } from "./algebra.js";
import { rules, type Rule, type RuleName } from "./table.js";

/** A partial derivative of a fixed-arity rule: (first argument, second argument, result) → number. */
export type PartialFunction = (x: number, y: number, z: number) => number;

const argumentNames = ["x", "y"];

/** The partials of a fixed-arity rule as source text over x, y and the result z. */
export function partialSources(rule: Rule): string[] {
  if (rule.arity === "variadic") throw new Error(`${rule.name} takes any number of arguments: it has no fixed partial source`);
  const args = argumentNames.slice(0, rule.arity).map((name) => sourceAlgebra.variable(name));
  return rule.partials(sourceAlgebra, args, sourceAlgebra.variable("z")).map((partial) => partial.text);
}

function compile(rule: Rule): PartialFunction[] {
  return partialSources(rule).map(
    (text) => new Function("x", "y", "z", `"use strict"; return ${text};`) as PartialFunction,
  );
}

export const compiledPartials = Object.fromEntries(
  Object.entries(rules)
    .filter(([, rule]) => rule.arity !== "variadic")
    .map(([name, rule]) => [name, compile(rule)]),
) as Partial<Record<RuleName, PartialFunction[]>>;

/** The partials of any rule at numeric arguments. */
export function numericPartials(rule: Rule, args: readonly number[], z: number): number[] {
  return rule.partials(numberAlgebra, args, z);
}
