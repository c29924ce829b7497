// The table's partials printed as source text over x, y and the result z.
//
// The runtime's hot path (a Dual or a tape variable over plain numbers) must
// not walk an algebra object and allocate arrays for every multiplication.
// So each fixed-arity rule's partials are printed with the source algebra —
// exactly the text the compiler transform inlines into generated code — and
// `npm run generate` writes them as functions of (x, y, z) into
// src/generated/operations.ts (compiledPartials), at build time rather than
// with `new Function` at load time. Variadic rules (max, min, hypot) are
// evaluated with the number algebra instead.
//
// For `Math.exp` this prints `z`; for `/` the pair `1 / y` and `-(z / y)`.

import { numberAlgebra, sourceAlgebra } from "./algebra.js";
import type { Rule } from "./table.js";

/** A partial derivative of a fixed-arity rule: (first argument, second argument, result) → number. */
export type PartialFunction = (x: number, y: number, z: number) => number;

const argumentNames = ["x", "y"];

/** The partials of a fixed-arity rule as source text over x, y and the result z. */
export function partialSources(rule: Rule): string[] {
  if (rule.arity === "variadic") throw new Error(`${rule.name} takes any number of arguments: it has no fixed partial source`);
  const args = argumentNames.slice(0, rule.arity).map((name) => sourceAlgebra.variable(name));
  return rule.partials(sourceAlgebra, args, sourceAlgebra.variable("z")).map((partial) => partial.text);
}

/** The partials of any rule at numeric arguments. */
export function numericPartials(rule: Rule, args: readonly number[], z: number): number[] {
  return rule.partials(numberAlgebra, args, z);
}
