// The lecture's functions as a user writes them: plain TypeScript, marked.

import { label } from "../../src/index.js";

/** @differentiable wrt(w0, w1) */
export function loss(w0: number, w1: number, xs: Float64Array, ys: Float64Array): number {
  let total = 0;
  for (let i = 0; i < xs.length; i++) {
    const z = w0 + w1 * xs[i];
    const p = 1 / (1 + Math.exp(-z));
    total += ys[i] * Math.log(p) + (1 - ys[i]) * Math.log(1 - p);
  }
  return -total / xs.length;
}

/** @differentiable */
export function polynomial(w0: number, w1: number, w2: number): number {
  return w0 + 3 * w1 ** 2 + 5 * w2 ** 3;
}

/** The lecture's term y·log(1/(1 + exp(−w0 − w1·x))) at x = 2, y = 1, its nodes named for the graph. */
/** @differentiable */
export function term(w0: number, w1: number): number {
  const a = label(-w0 - w1 * 2, "a");
  const b = label(Math.exp(a), "b");
  const c = label(1 / (1 + b), "c");
  return label(1 * Math.log(c), "d");
}
