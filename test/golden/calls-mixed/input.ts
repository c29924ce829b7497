// One function calling three kinds of differentiable function: one of the
// same file, a recursive one, and one imported (looked up at run time).

import { softplus } from "./activations.js";

/** @differentiable */
export function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

/** @differentiable wrt(x) */
export function power(x: number, n: number): number {
  return n === 0 ? 1 : x * power(x, n - 1);
}

/** @differentiable */
export function model(w: number, x: number): number {
  return sigmoid(w * x) + softplus(w) + power(w, 3);
}
