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

/**
 * A dual number for forward mode: a primal value and a tangent, its derivative along one direction.
 * dualts' operations (mul, sin, …) take Duals like numbers and carry the tangent by the chain rule;
 * derivative, jvp and grad seed Duals on f's inputs and read the tangents of its result. JavaScript's
 * own operators (`*`, `+`, `<`) throw on a Dual rather than drop its tangent: compare `primal(x)`.
 *
 * @example
 *   const y = mul(new Dual(1, 3, 1), new Dual(1, 3, 1));   // x² at x = 3, along dx = 1
 *   [y.primal, y.tangent];                                  // [9, 6]
 *   String(sin(new Dual(1, 0, 1)));                         // "Dual(0, 1)"
 */
export class Dual {
  // Assigned in the constructor, not declared as class fields: V8 defines a
  // class field first as undefined, and then optimizes the allocation of every
  // operation's result less well (measured: a Dual that does not escape its
  // operation was no longer optimized away, 4× the time).
  /**
   * Which derivative the tangent belongs to. An operation differentiates with respect to the newest
   * (largest) tag among its arguments and treats the others as constants, which is how derivatives
   * nest; every derivative call takes a fresh tag, larger than any it gave before. Duals made by hand
   * for one derivative share one tag (any number, 1 say).
   */
  declare readonly tag: number;
  /** The value: a number, or a Dual of an older tag or a tape variable where derivatives nest. */
  declare readonly primal: Real;
  /** The directional derivative: a Real, or in chunk mode a Float64Array of one tangent per lane. */
  declare readonly tangent: Tangent;

  /**
   * @param tag which derivative the tangent belongs to (see `tag`)
   * @param primal the value
   * @param tangent its derivative along the direction: 1 to differentiate with respect to this input
   */
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
