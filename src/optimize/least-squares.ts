// Levenberg–Marquardt for min ½‖r(x)‖², r's Jacobian J from dualts: each
// step solves (JᵀJ + μ·D²)·h = −Jᵀr, D² the largest diagonal of JᵀJ seen so
// far (Moré's scaling, which makes the steps independent of the units of
// x), accepts h where the value drops, and updates μ by the gain ratio ρ of
// actual to predicted decrease (Nielsen's rule: μ·max(1/3, 1 − (2ρ − 1)³)
// on success, μ·ν with ν doubling on failure). It starts nearly undamped
// (μ = 1e-8: Gauss–Newton's step, solvable where J is rank-deficient) and
// damps only after a step fails: on the test set that takes half the steps
// of starting at μ = 1e-3, the textbook choice.

import type { Objective } from "./objective.js";
import { afterStep, gradientStop, iterationsStop, progressStop, type MinimizeResult, type Stop, type Stopping } from "./options.js";
import { allFinite, cholesky, choleskySolve, dot, maxNorm } from "./vectors.js";

/** What leastSquares returns: minimize's result, `value` being ½‖r(x)‖², with the residuals at x. */
export interface LeastSquaresResult<X> extends MinimizeResult<X> {
  readonly residuals: number[];
}

/** JᵀJ (row-major n × n) and Jᵀr. */
function normalEquations(j: Float64Array, r: Float64Array, n: number): { a: Float64Array; g: Float64Array } {
  const m = r.length;
  const a = new Float64Array(n * n);
  const g = new Float64Array(n);
  for (let k = 0; k < m; k++) {
    const row = k * n;
    for (let p = 0; p < n; p++) {
      const jp = j[row + p];
      if (jp === 0) continue;
      g[p] += jp * r[k];
      for (let q = 0; q <= p; q++) a[p * n + q] += jp * j[row + q];
    }
  }
  for (let p = 0; p < n; p++) for (let q = 0; q < p; q++) a[q * n + p] = a[p * n + q];
  return { a, g };
}

export function levenbergMarquardt<X>(objective: Objective, x0: Float64Array, stopping: Stopping<X>, damping: number): LeastSquaresResult<X> {
  const n = objective.n;
  let x = Float64Array.from(x0);
  let r = objective.residuals(x);
  objective.checkStart("residuals", r);
  let jac = objective.jacobian(x);
  objective.checkStart("Jacobian", jac);
  let value = 0.5 * dot(r, r);
  let { a, g } = normalEquations(jac, r, n);
  const scale = new Float64Array(n);
  const rescale = () => {
    for (let p = 0; p < n; p++) scale[p] = Math.max(scale[p], a[p * n + p]);
  };
  rescale();
  for (let p = 0; p < n; p++) if (scale[p] === 0) scale[p] = 1;
  let mu = damping;
  let nu = 2;
  let gradientNorm = maxNorm(g);
  let iteration = 0;
  let stop: Stop | undefined = gradientStop(stopping, gradientNorm);
  while (stop === undefined) {
    if (iteration >= stopping.maxIterations) {
      stop = iterationsStop(stopping, gradientNorm);
      break;
    }
    iteration++;
    const l = cholesky(a, n, mu, scale);
    if (!l) {
      mu *= nu;
      nu *= 2;
      continue;
    }
    const h = choleskySolve(
      l,
      n,
      g.map((v) => -v),
    );
    let predicted = 0;
    for (let p = 0; p < n; p++) predicted += 0.5 * h[p] * (mu * scale[p] * h[p] - g[p]);
    const trial = x.map((v, p) => v + h[p]);
    const trialResiduals = objective.residuals(trial);
    const trialValue = allFinite(trialResiduals) ? 0.5 * dot(trialResiduals, trialResiduals) : Number.POSITIVE_INFINITY;
    const rho = (value - trialValue) / predicted;
    const stepNorm = maxNorm(h);
    // A step is taken where it lowers the value and the Jacobian there is finite (an overflow in it, as
    // exp's far from the data, would poison the next step); otherwise it is rejected and damped.
    const trialJacobian = rho > 0 ? objective.jacobian(trial) : undefined;
    if (!(rho > 0) || !allFinite(trialJacobian!)) {
      mu *= nu;
      nu *= 2;
      if (stopping.stepTolerance > 0 && stepNorm <= stopping.stepTolerance * Math.max(1, maxNorm(x)))
        stop = { stoppedBy: "step", reason: `no step larger than stepTolerance ${stopping.stepTolerance.toExponential(2)} of x's size lowers the value` };
      else if (!Number.isFinite(mu)) stop = { stoppedBy: "line search", reason: "the damping grew without bound: no step lowers the value" };
      continue;
    }
    const previousValue = value;
    [x, r, jac, value] = [trial, trialResiduals, trialJacobian!, trialValue];
    ({ a, g } = normalEquations(jac, r, n));
    rescale();
    mu *= Math.max(1 / 3, 1 - (2 * rho - 1) ** 3);
    nu = 2;
    gradientNorm = maxNorm(g);
    const converged = gradientStop(stopping, gradientNorm) ?? progressStop(stopping, stepNorm, x, previousValue, value);
    stop = afterStep(stopping, converged, () => objective.state<X>(iteration, x, value, gradientNorm, stepNorm));
  }
  return { ...objective.result<X>(x, value, gradientNorm, iteration, stop), residuals: Array.from(r) };
}
