// The loop every line-search method shares (gradient descent, L-BFGS,
// Newton): from x, a direction d (the method's), a step along it (a strong
// Wolfe line search, backtracking, or a fixed step), then the stopping
// rules in one order — gradient, step, value, onIteration, iteration limit.
// A line search that fails once makes the method forget what it learnt and
// try again along −∇f; failing along −∇f ends the run with the reason.

import type { Objective } from "./objective.js";
import { backtracking, moreThuente, type LineSearchResult } from "./line-search.js";
import { afterStep, gradientStop, iterationsStop, progressStop, type MinimizeResult, type Stop, type Stopping } from "./options.js";
import { difference, dot, maxNorm, steepestDescent, step } from "./vectors.js";
import { firstNonFinite } from "./objective.js";

/** A method's part of the loop. */
export interface Direction {
  /** How the step along d is found: a strong Wolfe search with this curvature constant, backtracking, or a fixed step. */
  readonly search: { readonly kind: "wolfe"; readonly curvature: number } | { readonly kind: "armijo" } | { readonly kind: "fixed"; readonly step: number };
  /** Writes the direction at x (where f is `value`) into d and returns the first step to try along it. */
  next(x: Float64Array, value: number, g: Float64Array, d: Float64Array, iteration: number): number;
  /** Learns from an accepted step s = xₖ₊₁ − xₖ, with y = ∇f(xₖ₊₁) − ∇f(xₖ). */
  accepted?(s: Float64Array, y: Float64Array, alpha: number): void;
  /** Forgets what it learnt after a failed line search; returns whether a retry along −∇f differs from what failed. */
  reset?(): boolean;
}

/** Runs a line-search method from x0 to a stop. */
export function descend<X>(objective: Objective, x0: Float64Array, stopping: Stopping<X>, method: Direction): MinimizeResult<X> {
  const n = objective.n;
  let x = Float64Array.from(x0);
  let g = new Float64Array(n);
  let trial = new Float64Array(n);
  let trialGradient = new Float64Array(n);
  const d = new Float64Array(n);
  const s = new Float64Array(n);
  const y = new Float64Array(n);
  let value = objective.valueAndGradient(x, g);
  objective.checkStart("value", value);
  objective.checkStart("gradient", g);
  let gradientNorm = maxNorm(g);
  let iteration = 0;
  let stop: Stop | undefined = gradientStop(stopping, gradientNorm);
  let retried = false;
  let flat = 0;
  let leastValue = value;
  let leastGradientNorm = gradientNorm;
  while (stop === undefined) {
    if (iteration >= stopping.maxIterations) {
      stop = iterationsStop(stopping, gradientNorm);
      break;
    }
    let first = method.next(x, value, g, d, iteration);
    let slope = dot(g, d);
    if (!(slope < 0)) {
      // Not downhill (an indefinite model, rounding): steepest descent instead.
      method.reset?.();
      first = steepestDescent(d, g);
      slope = -dot(g, g);
    }
    const found = lineSearch(objective, method, x, value, d, slope, first, trial, trialGradient);
    // A step that lowers the value is taken even where the search's conditions were not all met.
    if (!found.ok && !(found.step > 0 && found.value < value)) {
      if (!retried && method.reset?.()) {
        retried = true;
        continue;
      }
      stop = { stoppedBy: "line search", reason: `the line search found no acceptable step along the direction (${found.reason}); the gradient's norm is ${gradientNorm.toExponential(2)}` };
      break;
    }
    retried = false;
    const nextValue = found.value;
    const nonFinite = Number.isFinite(nextValue) ? firstNonFinite("∇f", trialGradient) : `f is ${nextValue}`;
    if (nonFinite !== undefined) {
      stop = { stoppedBy: "not finite", reason: `at the next step ${nonFinite}; x is the last point where the value and gradient were finite` };
      break;
    }
    iteration++;
    difference(s, trial, x);
    difference(y, trialGradient, g);
    const previousValue = value;
    [x, trial] = [trial, x];
    [g, trialGradient] = [trialGradient, g];
    value = nextValue;
    gradientNorm = maxNorm(g);
    // A step is progress if it lowers the value or the gradient's norm below any before (a step within the
    // value's rounding, ROUNDING, may do either); FLAT_STEPS in a row that lower neither end the run.
    flat = value < leastValue || gradientNorm < leastGradientNorm ? 0 : flat + 1;
    leastValue = Math.min(leastValue, value);
    leastGradientNorm = Math.min(leastGradientNorm, gradientNorm);
    method.accepted?.(s, y, found.step);
    const stepNorm = maxNorm(s);
    const converged = gradientStop(stopping, gradientNorm) ?? progressStop(stopping, stepNorm, x, previousValue, value) ?? flatStop(flat, gradientNorm);
    stop = afterStep(stopping, converged, () => objective.state<X>(iteration, x, value, gradientNorm, stepNorm));
  }
  return objective.result<X>(x, value, gradientNorm, iteration, stop);
}

/**
 * How far above f(x), relative to max(1, |f(x)|), a step's value may be and still count as no higher:
 * the line searches compare values against f(x) plus this allowance. Far from a minimum it changes
 * nothing; near one, where the decreases left are below f's rounding, the searches then decide on
 * slopes (a Wolfe search's curvature condition: Hager and Zhang's approximate Wolfe conditions) rather
 * than on the rounding of values, and the gradient test can be met.
 */
export const ROUNDING = 1e-12;

/** How many steps in a row may lower neither the value nor the least gradient norm yet before the run stops. */
export const FLAT_STEPS = 20;

/** The stop after FLAT_STEPS steps of no progress: f is at the limit of its rounding (or, where f is not smooth, of its line searches). */
function flatStop(flat: number, gradientNorm: number): Stop | undefined {
  if (flat < FLAT_STEPS) return undefined;
  return {
    stoppedBy: "line search",
    reason: `${FLAT_STEPS} steps in a row lowered neither the least value nor the least gradient norm: no step can, to the value's rounding; the gradient's norm is ${gradientNorm.toExponential(2)}`,
  };
}

/** The step along d by the method's search; the accepted point is left in trial, its gradient in trialGradient. */
function lineSearch(
  objective: Objective,
  method: Direction,
  x: Float64Array,
  value: number,
  d: Float64Array,
  slope: number,
  first: number,
  trial: Float64Array,
  trialGradient: Float64Array,
): LineSearchResult {
  const search = method.search;
  if (search.kind === "fixed") {
    step(trial, x, search.step, d);
    const trialValue = objective.valueAndGradient(trial, trialGradient);
    return { ok: true, step: search.step, value: trialValue, slope: dot(trialGradient, d), evaluations: 1 };
  }
  const allowance = ROUNDING * Math.max(1, Math.abs(value));
  if (search.kind === "armijo") {
    return backtracking(
      (alpha) => objective.value(step(trial, x, alpha, d)),
      (alpha) => {
        objective.valueAndGradient(step(trial, x, alpha, d), trialGradient);
        return dot(trialGradient, d);
      },
      value,
      slope,
      first,
      { allowance },
    );
  }
  return moreThuente(
    (alpha) => {
      const trialValue = objective.valueAndGradient(step(trial, x, alpha, d), trialGradient);
      return { value: trialValue, slope: dot(trialGradient, d) };
    },
    value + allowance,
    slope,
    first,
    { curvature: search.curvature },
  );
}
