// The lecture's logistic regression: binary cross-entropy of σ(w0 + w1·x),
// written as plain TypeScript with a loop, Math.log and an imported helper
// (the `!` after an element lets it compile under noUncheckedIndexedAccess,
// which `tsc --init` turns on).

import { sigmoid } from "./sigmoid.js";

/** @differentiable wrt(w0, w1) */
export function loss(w0: number, w1: number, xs: Float64Array, ys: Float64Array): number {
  let total = 0;
  for (let i = 0; i < xs.length; i++) {
    const p = sigmoid(w0 + w1 * xs[i]!);
    total += ys[i]! * Math.log(p) + (1 - ys[i]!) * Math.log(1 - p);
  }
  return -total / xs.length;
}

/**
 * The same loss with σ written in place.
 * @differentiable wrt(w0, w1)
 */
export function lossInline(w0: number, w1: number, xs: Float64Array, ys: Float64Array): number {
  let total = 0;
  for (let i = 0; i < xs.length; i++) {
    const p = 1 / (1 + Math.exp(-(w0 + w1 * xs[i]!)));
    total += ys[i]! * Math.log(p) + (1 - ys[i]!) * Math.log(1 - p);
  }
  return -total / xs.length;
}
