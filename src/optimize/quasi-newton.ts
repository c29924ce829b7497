// The directions of the two first-order line-search methods: gradient
// descent (−∇f, backtracking or a fixed step) and L-BFGS (the two-loop
// recursion over the last `history` steps, scaled by sᵀy / yᵀy, with a
// strong Wolfe line search).

import type { Direction } from "./descent.js";
import { dot, norm, steepestDescent } from "./vectors.js";

/**
 * Gradient descent: −∇f, by a fixed step or by backtracking. Backtracking starts from the step that
 * would repeat the last decrease, 2·(f(xₖ₋₁) − f(xₖ))/‖∇f(xₖ)‖² (Nocedal and Wright's 3.60), which on
 * a quadratic is close to the best step; the first starts from a step of length 1.
 */
export function gradientDescent(fixedStep: number | undefined): Direction {
  let lastValue = Number.NaN;
  return {
    search: fixedStep === undefined ? { kind: "armijo" } : { kind: "fixed", step: fixedStep },
    next(_x, value, g, d) {
      for (let i = 0; i < g.length; i++) d[i] = -g[i];
      const gg = dot(g, g);
      const repeat = (2.02 * (lastValue - value)) / gg;
      lastValue = value;
      return repeat > 0 && Number.isFinite(repeat) ? repeat : 1 / Math.max(1, Math.sqrt(gg));
    },
    reset() {
      const had = !Number.isNaN(lastValue);
      lastValue = Number.NaN;
      return had;
    },
  };
}

/** L-BFGS with `history` pairs. */
export function lbfgs(n: number, history: number): Direction {
  const steps: Float64Array[] = [];
  const changes: Float64Array[] = [];
  const rho: number[] = [];
  const alpha = new Float64Array(history);
  return {
    search: { kind: "wolfe", curvature: 0.9 },
    next(_x, _value, g, d) {
      const m = steps.length;
      if (m === 0) return steepestDescent(d, g);
      for (let i = 0; i < n; i++) d[i] = -g[i];
      // Two-loop recursion: d = −H·g, H the inverse Hessian's approximation.
      for (let k = m - 1; k >= 0; k--) {
        alpha[k] = rho[k] * dot(steps[k], d);
        axpy(d, -alpha[k], changes[k]);
      }
      const newest = changes[m - 1];
      const gamma = dot(steps[m - 1], newest) / dot(newest, newest);
      for (let i = 0; i < n; i++) d[i] *= gamma;
      for (let k = 0; k < m; k++) {
        const beta = rho[k] * dot(changes[k], d);
        axpy(d, alpha[k] - beta, steps[k]);
      }
      return 1;
    },
    accepted(s, y) {
      const sy = dot(s, y);
      // Only pairs with positive curvature keep H positive definite (a Wolfe step gives one; this guards rounding).
      if (!(sy > 1e-10 * norm(s) * norm(y))) return;
      if (steps.length === history) {
        steps.shift();
        changes.shift();
        rho.shift();
      }
      steps.push(Float64Array.from(s));
      changes.push(Float64Array.from(y));
      rho.push(1 / sy);
    },
    reset() {
      const had = steps.length > 0;
      steps.length = changes.length = rho.length = 0;
      return had;
    },
  };
}

/** d ← d + a·v. */
function axpy(d: Float64Array, a: number, v: Float64Array): void {
  for (let i = 0; i < d.length; i++) d[i] += a * v[i];
}
