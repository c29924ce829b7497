// Issue 4's features in plain TypeScript: custom derivative rules, stop-gradient,
// noDerivative parameters, and derivatives taken inside differentiable functions.

import { defineJvp, derivative, grad, noDerivative } from "../../src/index.js";

/** A numerically stable softplus log(1 + eˣ), with its derivative σ(x) supplied by hand. */
export const softplus = defineJvp(
  (x: number) => (x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x))),
  (x: number, dx: number): [number, number] => [x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x)), dx / (1 + Math.exp(-x))],
  "softplus",
);

/** log Σ exp(xᵢ), stable, with the softmax as its derivative. */
export const logSumExp = defineJvp(
  (xs: number[]) => {
    const m = Math.max(...xs);
    return m + Math.log(xs.reduce((s, x) => s + Math.exp(x - m), 0));
  },
  (xs: number[], dxs: number[]): [number, number] => {
    const m = Math.max(...xs);
    const weights = xs.map((x) => Math.exp(x - m));
    const total = weights.reduce((s, w) => s + w, 0);
    return [m + Math.log(total), weights.reduce((s, w, i) => s + (w / total) * dxs[i], 0)];
  },
  "logSumExp",
);

/** @differentiable */
export function softplusLoss(w: number, b: number): number {
  return softplus(w * 3 + b) + 0.5 * logSumExp([w, b, w * b]);
}

/** @differentiable */
export function scaledByStoppedNorm(x: number, y: number): number {
  // The norm is treated as a constant: its derivative is stopped.
  const norm = noDerivative(Math.sqrt(x * x + y * y));
  return (x * y) / norm;
}

/** @differentiable noDerivative(n) */
export function repeated(x: number, n: number): number {
  let y = 1;
  for (let i = 0; i < n; i++) y = y * x;
  return y;
}

/** @differentiable */
export function plus(x: number, y: number): number {
  return x + y;
}

/** @differentiable */
export function square(y: number): number {
  return y * y;
}

/** x · d/dy (x + y) at y = 1: the inner derivative must not see x's perturbation (it is 1, so f′ = 1, not 2). */
/** @differentiable */
export function timesInnerDerivative(x: number): number {
  return x * grad(plus, { wrt: "y" })(x, 1);
}

/** x · d/dy y² at y = x = 2x²: f′ = 4x. */
/** @differentiable */
export function timesDerivativeOfSquare(x: number): number {
  return x * derivative(square)(x);
}

/** √x + x·y: at x = 0 the partial ∂/∂x is infinite. */
/** @differentiable */
export function rootPlus(x: number, y: number): number {
  return Math.sqrt(x) + x * y;
}

/** The same function, compiled NaN-safe. */
/** @differentiable nansafe */
export function rootPlusNanSafe(x: number, y: number): number {
  return Math.sqrt(x) + x * y;
}
