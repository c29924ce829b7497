// Forward mode's one rule against poisoning, for every forward route.
//
// In forward mode a tangent is Σ ∂op/∂argᵢ · tangentᵢ. Where a partial is
// infinite or NaN (√x at 0, ∂/∂y of xʸ at x < 0) and its tangent is 0 — the
// argument does not depend on the direction at all — IEEE arithmetic gives
// 0 · ∞ = NaN, and that NaN reaches directions the partial has nothing to do
// with: the generated JVP of x ** p + 3 * z at (−2, 2, 1) gives NaN for ∂/∂z.
// Reverse mode only follows paths from each input, and gives [−4, NaN, 3].
//
// Poisoning only ever makes NaN. So every forward route checks its result,
// and where a derivative entry is NaN while its value is not, runs the call
// again on the function's generic form over Duals (f itself where it is
// written over the runtime's operations) with NaN-safe mode on for that run
// (nansafe.ts: a zero tangent stays zero through any partial), one direction
// per pass. A NaN that is the derivative's own (xʸ's ∂/∂y at x < 0) comes
// out of that run again. The common case pays one comparison per entry.

import { withNanSafeMode } from "../nansafe.js";
import type { Real } from "../dual.js";
import { dualPass, unit, type ForwardPass } from "./engines.js";
import type { Selection } from "./selection.js";

/** Whether x is NaN, or an array (of arrays) holding a NaN. */
function holdsNaN(x: unknown): boolean {
  if (typeof x === "number") return x !== x;
  if (Array.isArray(x) || x instanceof Float64Array) {
    for (let i = 0; i < x.length; i++) if (holdsNaN(x[i])) return true;
  }
  return false;
}

/**
 * Whether forward-mode derivatives may be poisoned: one per direction, each the derivative of
 * `value` along it. For a number value, any NaN in them where the value is not NaN (a value known
 * to be finite without being at hand, the gradient form's, is given as 0); for a vector value,
 * entry i NaN where output i is not. Values that are not plain numbers (Duals, inside another
 * derivative) are not checked: the outermost call checks its own result.
 */
export function poisoned(value: unknown, perDirection: readonly unknown[]): boolean {
  if (typeof value === "number") {
    if (value !== value) return false;
    // A gradient: numbers, compared in the loop (the common case: one comparison per entry, no call).
    for (let k = 0; k < perDirection.length; k++) {
      const d = perDirection[k];
      if (typeof d === "number" ? d !== d : holdsNaN(d)) return true;
    }
    return false;
  }
  for (let k = 0; k < perDirection.length; k++) if (poisonedAlong(value, perDirection[k])) return true;
  return false;
}

/** poisoned for one direction's derivative. */
export function poisonedAlong(value: unknown, derivative: unknown): boolean {
  if (typeof value === "number") return value === value && holdsNaN(derivative);
  if (!Array.isArray(value) && !(value instanceof Float64Array)) return false;
  if (derivative === undefined || derivative === null || typeof derivative !== "object") return false;
  const entries = derivative as ArrayLike<unknown>;
  for (let i = 0; i < value.length; i++) {
    const v = value[i];
    const d = entries[i];
    if (typeof v === "number" && v === v && typeof d === "number" && d !== d) return true;
  }
  return false;
}

/** body() with NaN-safe mode on, the previous setting restored afterwards, also when body throws. */
export function nanSafely<T>(body: () => T): T {
  return withNanSafeMode(true, body);
}

/** One forward pass, checked: where poisoned, the same direction again on Duals, NaN-safely. */
export function checkedPass(f: Function, sel: Selection, tangents: readonly Real[], pass: ForwardPass): ForwardPass {
  return poisonedAlong(pass.value, pass.tangent) ? nanSafely(() => dualPass(f, sel, tangents)) : pass;
}

/**
 * Forward passes along every selected slot (a gradient's entries, a Jacobian's columns), checked:
 * where poisoned, one pass per slot on Duals, NaN-safely. Each derivative is a number for a number
 * result and an array for a vector one, NaN where the value is.
 */
export function checkedUnitPasses(f: Function, sel: Selection, passes: { value: unknown; tangents: unknown[] }): { value: unknown; tangents: unknown[] } {
  // Checked before the rerun's closure is made: the common case allocates nothing here.
  if (!poisoned(passes.value, passes.tangents)) return passes;
  return nanSafely(() => {
    const n = sel.values.length;
    const tangents = new Array<unknown>(n);
    let value: unknown;
    for (let k = 0; k < n; k++) {
      const pass = dualPass(f, sel, unit(n, k));
      if (k === 0) value = pass.value;
      tangents[k] = pass.tangent;
    }
    return { value, tangents };
  });
}
