// label(x, "a"): names a tape variable so the graph drawing can say
// "a = −w0 − w1·x". Any other value passes through unchanged, so the same
// code runs in every mode (and compiled code keeps it as written).

import type { Real } from "../dual.js";
import { Var } from "./tape.js";

/**
 * Names a tape variable for graph drawings (toDot, toMermaid: `a = −`); any other value — a number, a
 * Dual — passes through unchanged, so the same code runs in every mode, compiled code included.
 *
 * @param x the value to name: in trace(f, args), an intermediate of f
 * @param name the name the drawing shows
 * @returns x itself
 * @example
 *   const t = trace((w0: Real, w1: Real) => label(sub(neg(w0), mul(w1, 2)), "a"), [0.5, -0.4]);
 *   t.output.label;     // "a"
 *   label(3, "a");      // 3
 */
export function label<T extends Real>(x: T, name: string): T {
  if (x instanceof Var) x.label = name;
  return x;
}
