// Calls across modules for the generated reverse mode: the record form looks
// up the callee's at run time (recorded.ts's functions are compiled by the
// transform too, through the Vitest plugin).

import { guarded, squareRootSum } from "./recorded.js";

/** @differentiable */
export function viaRecorded(x: number[], y: number): number {
  return squareRootSum(x) * y;
}

/**
 * Calls a nansafe function, which has no record form: reverse mode falls back
 * to the generic form on the runtime's tape.
 * @differentiable
 */
export function viaGuarded(x: number, y: number): number {
  return guarded(x, y) * y;
}
