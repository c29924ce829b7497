// Dual numbers for forward mode, with tags against perturbation confusion.
//
// A Dual carries a primal value and a tangent. Either may itself be a Dual of
// an older tag (or a reverse-mode tape variable), which is how derivatives
// nest: every call of derivative/jvp/grad takes a fresh tag, and an operation
// on arguments with different tags differentiates only with respect to the
// newest one, treating the others as constants (ForwardDiff.jl's design).
// The operations themselves live in ops.ts, generated from the rules table.

import type { Var } from "./reverse/tape.js";

/** A value the runtime's operations accept: a plain number, a Dual, or a reverse-mode variable. */
export type Real = number | Dual | Var;

/**
 * A Dual's tangent: a Real, or — in chunk mode — K tangents at once, one per
 * lane (a Float64Array), for K directional derivatives in one pass.
 */
export type Tangent = Real | Float64Array;

let newestTag = 0;

/** A tag no Dual has carried before; later tags nest outside earlier ones. */
export function freshTag(): number {
  return ++newestTag;
}

export class Dual {
  // Assigned in the constructor, not declared as class fields: V8 defines a
  // class field first as undefined, and then optimizes the allocation of every
  // operation's result less well (measured: a Dual that does not escape its
  // operation was no longer optimized away, 4× the time).
  declare readonly tag: number;
  declare readonly primal: Real;
  declare readonly tangent: Tangent;

  constructor(tag: number, primal: Real, tangent: Tangent) {
    this.tag = tag;
    this.primal = primal;
    this.tangent = tangent;
  }

  toString(): string {
    return `Dual(${String(this.primal)}, ${String(this.tangent)})`;
  }

  /**
   * JavaScript's own operators would silently drop the tangent, so using a
   * Dual with `*`, `+` or `<` is an error rather than a wrong derivative.
   */
  [Symbol.toPrimitive](hint: string): string {
    if (hint === "string") return this.toString();
    throw new TypeError(operatorMisuse("a Dual number"));
  }
}

export function operatorMisuse(what: string): string {
  return (
    `${what} was used with a JavaScript operator (such as *, +, < or ===), which would lose its derivative. ` +
    `Use dualts' operations (mul, add, …) on it, compare primal(x) instead of x, ` +
    `or mark the function @differentiable and compile it with the dualts transform.`
  );
}
