// Functions for the generated reverse mode (the record form): plain
// TypeScript, compiled by the transform through the Vitest plugin.

import { polynomial } from "./lecture.js";

/** @differentiable wrt(w, b) */
export function logistic(w: Float64Array, b: number, xs: Float64Array, ys: Float64Array): number {
  let total = 0;
  for (let i = 0; i < ys.length; i++) {
    let z = b;
    for (let j = 0; j < w.length; j++) z += w[j] * xs[i * w.length + j];
    const p = 1 / (1 + Math.exp(-z));
    total += ys[i] * Math.log(p) + (1 - ys[i]) * Math.log(1 - p);
  }
  return -total / ys.length;
}

/** @differentiable */
export function squareRootSum(x: number[]): number {
  let total = 0;
  for (let i = 0; i < x.length; i++) total += Math.sqrt(x[i]);
  return total;
}

/**
 * A sum wider than one tape node (six arguments): the node is chained.
 * @differentiable
 */
export function wide(a: number, b: number, c: number, d: number, e: number, f: number): number {
  return a * Math.sin(b) + b * c + Math.exp(c) * d + d / e + e * f + Math.cos(f) * a;
}

/** @differentiable nansafe */
export function guarded(x: number, y: number): number {
  return Math.sqrt(x * y) + x;
}

/**
 * Calls a differentiable function of another module: its record form cannot,
 * so reverse mode runs the generic form.
 * @differentiable
 */
export function viaImport(x: number, y: number): number {
  return polynomial(x, y, x) * y;
}
