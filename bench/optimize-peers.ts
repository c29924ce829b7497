// The optimisation bench's peers, each fed by dualts' exact derivatives where
// it takes derivatives at all:
//
// - fmin 0.0.4's conjugateGradient (Polak–Ribière+, a Wolfe line search with
//   c1 = 1e-6, c2 = 0.1, bisection zoom), given valueAndGrad(f, { wrt: [0] }).
//   It stops when ‖∇f‖₂ ≤ 1e-5 (hard-coded) or after maxIterations line
//   searches, and returns only { x, fx, fxprime }: this file counts its
//   evaluations and (with its `history`) its iterations.
// - ml-levenberg-marquardt 5.x's levenbergMarquardt, with its forward-difference
//   Jacobian or, for comparison, dualts' exact one (its jacobianFunction). It
//   fits a model y ≈ m(p)(x); a residual function r(p) becomes the model
//   m(p)(i) = −rᵢ(p) on data xᵢ = i, yᵢ = 0 (evaluated once per p), so that
//   y − m = r. It never rejects a step, returns the best point seen, and
//   stops only when Σr² ≤ errorTolerance or after maxIterations.

import { jacobian, valueAndGrad } from "dualts";
import { levenbergMarquardt, type LevenbergMarquardtOptions } from "ml-levenberg-marquardt";
// fmin's package.json says "type": "module" but its main file is a UMD bundle: imported, its namespace
// is empty and the bundle sets globalThis.fmin instead (fmin 0.0.4). Its ES source imports without
// file extensions, which Node does not resolve, so the side effect is the way in.
import "fmin";

/** The part of fmin this bench uses. */
interface Fmin {
  conjugateGradient(f: (x: number[], gradient: number[]) => number, initial: number[], params?: { maxIterations?: number; history?: unknown[] }): { x: number[]; fx: number; fxprime: number[] };
}

const fmin = (globalThis as { fmin?: Fmin }).fmin;
if (typeof fmin?.conjugateGradient !== "function") throw new Error("fmin did not load: globalThis.fmin.conjugateGradient is missing");

/** fmin's stopping rule: ‖∇f‖₂ at most this. */
export const FMIN_GRADIENT_TOLERANCE = 1e-5;

/** What one run of a minimiser reports, in the same terms for every contender. */
export interface Outcome {
  readonly x: number[];
  readonly value: number;
  /** ‖∇f(x)‖₂. */
  readonly gradientNorm2: number;
  /** Evaluations of f with its gradient (for least squares: of the Jacobian, exact or by differences). */
  readonly gradients: number;
  /** Evaluations of f alone (least squares: of the residuals, finite-difference ones included). */
  readonly values: number;
  readonly hessians: number;
  readonly iterations: number;
  /** Whether the minimiser's own stopping rule said it converged. */
  readonly converged: boolean;
  /** Why it stopped, in its own terms. */
  readonly stoppedBy: string;
}

type Objective = (x: number[]) => number;
type Residuals = (x: number[]) => ArrayLike<number>;

export const norm2 = (v: ArrayLike<number>) => Math.sqrt(Array.from(v).reduce((s, x) => s + x * x, 0));

/** fmin's conjugate gradients on f from x0, fed by valueAndGrad(f, { wrt: [0] }) (planned once per run). */
export function fminConjugateGradient(f: Objective, x0: readonly number[], maxIterations: number, countIterations = false): Outcome {
  const valueAndGradient = valueAndGrad(f, { wrt: [0] }) as unknown as (x: number[]) => [number, number[]];
  let gradients = 0;
  const history: unknown[] | undefined = countIterations ? [] : undefined;
  const result = fmin!.conjugateGradient(
    (x, g) => {
      gradients++;
      const [value, gradient] = valueAndGradient(x);
      for (let i = 0; i < g.length; i++) g[i] = gradient[i];
      return value;
    },
    Array.from(x0),
    { maxIterations, history },
  );
  const gradientNorm2 = norm2(result.fxprime);
  const converged = gradientNorm2 <= FMIN_GRADIENT_TOLERANCE;
  return {
    x: result.x,
    value: result.fx,
    gradientNorm2,
    gradients,
    values: 0,
    hessians: 0,
    // history holds one entry per line search and one more at the end.
    iterations: history ? history.length - 1 : Number.NaN,
    converged,
    stoppedBy: converged ? "‖∇f‖₂ ≤ 1e-5" : "maxIterations",
  };
}

/** The options this bench gives ml-levenberg-marquardt (besides initialValues), and why: see optimize-report.ts. */
export function mlOptions(x0: readonly number[], maxIterations: number): Omit<LevenbergMarquardtOptions, "initialValues"> {
  return {
    damping: 1e-2,
    maxIterations,
    // Σr² ≤ 2e-12, i.e. ½Σr² ≤ 1e-12: the fits' target where their minimum is 0.
    errorTolerance: 2e-12,
    // Forward differences with the textbook step √ε·max(1, |x0ᵢ|), fixed for the run (the library's default, 0.1, is far too coarse).
    gradientDifference: x0.map((v) => Math.sqrt(Number.EPSILON) * Math.max(1, Math.abs(v))),
    centralDifference: false,
  };
}

/**
 * ml-levenberg-marquardt on ½‖r(p)‖² from x0, with its finite differences or (exact) dualts' jacobian(r).
 * `maxIterations` is the most steps: the library stops early only where Σr² ≤ errorTolerance.
 */
export function mlLevenbergMarquardt(residuals: Residuals, x0: readonly number[], maxIterations: number, exact: boolean): Outcome {
  let values = 0;
  let gradients = 0;
  const m = residuals(Array.from(x0)).length;
  const data = { x: Array.from({ length: m }, (_, i) => i), y: new Array<number>(m).fill(0) };
  const model = (p: number[]) => {
    values++;
    const r = residuals(p);
    return (i: number) => -r[i];
  };
  const jac = exact ? (jacobian(residuals, { wrt: [0] }) as unknown as (p: number[]) => number[][]) : undefined;
  const jacobianFunction = jac
    ? (p: number[]) => {
        gradients++;
        const rows = jac(p);
        return (i: number) => rows[i].map((v) => -v);
      }
    : undefined;
  let result: { parameterValues: number[]; parameterError: number; iterations: number };
  try {
    result = levenbergMarquardt(data, model, { initialValues: Array.from(x0), ...mlOptions(x0, maxIterations), jacobianFunction });
  } catch (error) {
    // ml-matrix's Cholesky refuses a JᵀJ + λI that rounding left unsymmetric ("Matrix is not symmetric").
    const message = error instanceof Error ? error.message : String(error);
    return { x: Array.from(x0), value: Number.NaN, gradientNorm2: Number.NaN, gradients, values, hessians: 0, iterations: Number.NaN, converged: false, stoppedBy: `threw "${message}"` };
  }
  const value = 0.5 * result.parameterError;
  const converged = result.parameterError <= 2e-12;
  return {
    x: result.parameterValues,
    value,
    gradientNorm2: Number.NaN,
    // Forward differences: n residual evaluations per Jacobian; counted among `values`, one Jacobian per step.
    gradients: exact ? gradients : result.iterations,
    values,
    hessians: 0,
    iterations: result.iterations,
    converged,
    stoppedBy: converged ? "Σr² ≤ errorTolerance" : "maxIterations",
  };
}
