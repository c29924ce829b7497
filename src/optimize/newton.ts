// Newton's method with a line search. Up to NEWTON_DENSE_UP_TO variables
// (or with hessian: "dense") it forms ∇²f and solves (∇²f + τI)·d = −∇f,
// τ ≥ 0 the smallest of a doubling sequence that makes the matrix positive
// definite (Nocedal & Wright's Cholesky with added multiple of the
// identity); above (or with hessian: "products") it solves ∇²f·d = −∇f by
// conjugate gradients on Hessian-vector products, stopping at negative
// curvature or a residual of min(0.5, √‖∇f‖)·‖∇f‖ (Newton-CG).

import type { Direction } from "./descent.js";
import type { Objective } from "./objective.js";
import { cholesky, choleskySolve, dot, norm, steepestDescent } from "./vectors.js";

/** Dense Hessians up to this many variables, Hessian-vector products above. */
export const NEWTON_DENSE_UP_TO = 50;

export function newton(objective: Objective, hessian: "dense" | "products" | undefined): Direction {
  const dense = (hessian ?? (objective.n <= NEWTON_DENSE_UP_TO ? "dense" : "products")) === "dense";
  // After a failed line search, one step along −∇f (Newton has nothing to forget: its next direction would be the same).
  let steepest = false;
  return {
    search: { kind: "wolfe", curvature: 0.9 },
    next(x, _value, g, d) {
      if (!steepest) return dense ? denseStep(objective, x, g, d) : conjugateGradientStep(objective, x, g, d);
      steepest = false;
      return steepestDescent(d, g);
    },
    reset() {
      steepest = true;
      return true;
    },
  };
}

function denseStep(objective: Objective, x: Float64Array, g: Float64Array, d: Float64Array): number {
  const n = objective.n;
  const h = objective.hessian(x);
  let largest = 0;
  let smallestDiagonal = Number.POSITIVE_INFINITY;
  for (let i = 0; i < n * n; i++) largest = Math.max(largest, Math.abs(h[i]));
  for (let i = 0; i < n; i++) smallestDiagonal = Math.min(smallestDiagonal, h[i * n + i]);
  const beta = 1e-3 * Math.max(largest, 1e-10);
  let tau = smallestDiagonal > 0 ? 0 : beta - smallestDiagonal;
  for (let attempt = 0; attempt < 100; attempt++) {
    const l = cholesky(h, n, tau);
    if (l) {
      const minusG = g.map((v) => -v);
      d.set(choleskySolve(l, n, minusG));
      return 1;
    }
    tau = Math.max(2 * tau, beta);
  }
  // A Hessian no shift makes positive definite (NaN entries): steepest descent.
  return steepestDescent(d, g);
}

function conjugateGradientStep(objective: Objective, x: Float64Array, g: Float64Array, d: Float64Array): number {
  const n = objective.n;
  const gNorm = norm(g);
  const tolerance = Math.min(0.5, Math.sqrt(gNorm)) * gNorm;
  const z = new Float64Array(n);
  const r = Float64Array.from(g);
  const p = g.map((v) => -v);
  let rr = dot(r, r);
  for (let j = 0; j < 2 * n; j++) {
    const hp = objective.hessianTimes(x, p);
    const curvature = dot(p, hp);
    if (!(curvature > 0)) {
      // Negative curvature: the last iterate (−∇f on the first).
      if (j === 0) return steepestDescent(d, g);
      break;
    }
    const a = rr / curvature;
    for (let i = 0; i < n; i++) {
      z[i] += a * p[i];
      r[i] += a * hp[i];
    }
    const next = dot(r, r);
    if (Math.sqrt(next) <= tolerance) break;
    const beta = next / rr;
    rr = next;
    for (let i = 0; i < n; i++) p[i] = -r[i] + beta * p[i];
  }
  d.set(z);
  return 1;
}
