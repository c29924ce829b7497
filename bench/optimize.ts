// The optimisation bench (issue: dualts/optimize): on each problem of the
// standard set, dualts' L-BFGS against fmin's conjugate gradients fed the
// same dualts gradient (and dualts' Newton beside them), all stopping on the
// same gradient test; on each fit, dualts' Levenberg–Marquardt with exact
// Jacobians against ml-levenberg-marquardt's finite differences (and its
// exact-Jacobian option fed by dualts), all timed to the same value. Counts
// come from one run each (they are deterministic); times are medians of
// whole runs, the contenders interleaved round by round within a budget
// (bench/harness.ts's interleaved), and the ratios taken round by round.
// optimize-report.ts writes it up.

import { LEAST_SQUARES_DEFAULTS, minimize, leastSquares, type LeastSquaresResult, type MinimizeResult } from "dualts/optimize";
import { jacobian, valueAndGrad } from "dualts";
import { interleaved } from "./harness.js";
import { FMIN_GRADIENT_TOLERANCE, fminConjugateGradient, mlLevenbergMarquardt, norm2, type Outcome } from "./optimize-peers.js";

/** A problem of the set: f over x: number[], compiled by the transform. */
export interface MinimizeProblem {
  readonly name: string;
  readonly f: (x: number[]) => number;
  readonly x0: readonly number[];
  readonly minimum: number;
  readonly valueAtStart: number;
  /** Other local minima's values, which a method may reach from x0 instead. */
  readonly localMinima?: readonly number[];
}

/** A fit of the set: residuals over x: number[], compiled by the transform. */
export interface FitProblem {
  readonly name: string;
  readonly residuals: (x: number[]) => ArrayLike<number>;
  readonly x0: readonly number[];
  readonly minimum?: number;
}

/** The most iterations (steps) every contender is given: fmin's default is 20·n, ml-levenberg-marquardt's 100, dualts' 1000 (gd: 10,000). */
export const MAX_ITERATIONS = 1000;

/** The options every dualts minimize run gets, so that the report can state them: the gradient test, as fmin's allows, and the iteration limit. */
const minimizeOptions = (n: number) => ({ gradientTolerance: lbfgsTolerance(n), maxIterations: MAX_ITERATIONS });

/** leastSquares' options, its defaults given explicitly so that the report can state them (the iteration limit: every contender's). */
export const LEAST_SQUARES_OPTIONS = { damping: LEAST_SQUARES_DEFAULTS.damping, gradientTolerance: 1e-8, stepTolerance: LEAST_SQUARES_DEFAULTS.stepTolerance, maxIterations: MAX_ITERATIONS } as const;

/** dualts stops on max |∂f/∂xᵢ|; this bound on it implies fmin's ‖∇f‖₂ ≤ 1e-5, so dualts stops no earlier than fmin would. */
export const lbfgsTolerance = (n: number) => FMIN_GRADIENT_TOLERANCE / Math.sqrt(n);

/** The set's minima carry MGH's 6 significant digits: a value within 1e-5 of f* (relative), or 1e-12 where f* = 0, is f*. */
export const withinDigits = (value: number, minimum: number) => value - minimum <= 1e-5 * Math.abs(minimum) + 1e-12;

/**
 * Whether a run reached f*: Moré and Wild's convergence test, f(x) − f* ≤ τ·(f(x0) − f*) with τ = 1e-5
 * ("Benchmarking derivative-free optimization algorithms", SIAM J. Optim. 20, 2009), plus MGH's digits.
 */
export const atMinimum = (value: number, p: { readonly minimum: number; readonly valueAtStart: number }) => value - p.minimum <= 1e-5 * (p.valueAtStart - p.minimum) + 1e-5 * Math.abs(p.minimum);

/** Where a run ended: at one of the problem's other local minima (its value), at f*, or elsewhere. */
export function endedAt(value: number, p: { readonly minimum: number; readonly valueAtStart: number; readonly localMinima?: readonly number[] }): "minimum" | number | "elsewhere" {
  const local = p.localMinima?.find((v) => Math.abs(value - v) <= 1e-3 * Math.abs(v));
  if (local !== undefined) return local;
  return atMinimum(value, p) ? "minimum" : "elsewhere";
}

/** The value a fit is timed to: within 1e-6 (relative) of its best value, or 1e-12 where that is 0. */
export const fitTarget = (best: number) => best * (1 + 1e-6) + 1e-12;

export interface MinimizeRow {
  readonly name: string;
  readonly n: number;
  readonly minimum: number;
  readonly valueAtStart: number;
  readonly localMinima: readonly number[];
  readonly lbfgs: Outcome;
  readonly cg: Outcome;
  readonly newton: Outcome;
  /** L-BFGS to its default gradientTolerance, 1e-8 (max norm). */
  readonly lbfgsDefault: Outcome;
  /** L-BFGS's gradient evaluations when its value first passed atMinimum (NaN: never). */
  readonly lbfgsToMinimum: number;
  /** Median time of a whole run, ms (NaN: it did not converge, and was not timed). */
  readonly ms: { readonly lbfgs: number; readonly cg: number; readonly newton: number };
  /** fmin's time over L-BFGS's, round by round. */
  readonly cgOverLbfgs: number;
}

/** A least-squares contender's run, with the steps it took to reach the fit's target (NaN: never). */
export interface FitOutcome extends Outcome {
  readonly toTarget: number;
}

export interface FitRow {
  readonly name: string;
  readonly n: number;
  readonly m: number;
  /** The fit's best ½Σr² (bestOf) and the value its contenders are timed to (fitTarget). */
  readonly best: number;
  readonly target: number;
  readonly dualts: FitOutcome;
  readonly ml: FitOutcome;
  readonly mlExact: FitOutcome;
  /** Median time of a run to the target, ms (NaN: it never reached it, and was not timed). */
  readonly ms: { readonly dualts: number; readonly ml: number; readonly mlExact: number };
  /** ml-levenberg-marquardt's (finite differences) time over dualts', round by round. */
  readonly mlOverDualts: number;
}

export interface OptimizeRun {
  readonly minimize: readonly MinimizeRow[];
  readonly fits: readonly FitRow[];
  /** The timing budget per problem, ms. */
  readonly budgetMs: number;
}

/** ‖∇f(x)‖₂, for the tables (not timed). */
function gradientNorm2(f: (x: number[]) => number, x: number[]): number {
  return norm2((valueAndGrad(f, { wrt: [0] }) as unknown as (x: number[]) => [number, number[]])(x)[1]);
}

function fromDualts(f: ((x: number[]) => number) | undefined, r: MinimizeResult<number[]>): Outcome {
  const e = r.evaluations;
  return {
    x: r.x,
    value: r.value,
    gradientNorm2: f ? gradientNorm2(f, r.x) : Number.NaN,
    gradients: e.gradient,
    values: e.value,
    hessians: e.hessian + e.hessianVector,
    iterations: r.iterations,
    converged: r.converged,
    stoppedBy: r.stoppedBy,
  };
}

/** How long the timing of one problem may take, ms (0: no timing). */
export interface OptimizeOptions {
  readonly budgetMs: number;
}

/** Times the runs given (undefined: not timed, NaN), interleaved; ratio(slow, base) round by round. */
function timeRuns(runs: readonly ((() => unknown) | undefined)[], options: OptimizeOptions): { ms: number[]; ratio(slow: number, base: number): number } {
  const timed = runs.flatMap((run, i) => (run ? [i] : []));
  if (options.budgetMs <= 0 || timed.length === 0) return { ms: runs.map(() => Number.NaN), ratio: () => Number.NaN };
  const t = interleaved(
    timed.map((i) => runs[i]!),
    { budgetMs: options.budgetMs, minRounds: 3, maxRounds: 41 },
  );
  const at = (i: number) => timed.indexOf(i);
  return {
    ms: runs.map((_, i) => (at(i) >= 0 ? t.medians[at(i)] : Number.NaN)),
    ratio: (slow, base) => (at(slow) >= 0 && at(base) >= 0 ? t.ratio(at(slow), at(base)) : Number.NaN),
  };
}

function minimizeRow(p: MinimizeProblem, options: OptimizeOptions): MinimizeRow {
  const x0 = Array.from(p.x0);
  const settings = minimizeOptions(x0.length);
  const runLbfgs = () => minimize(p.f, x0, settings);
  const runNewton = () => minimize(p.f, x0, { method: "newton", ...settings });
  const runCg = () => fminConjugateGradient(p.f, x0, MAX_ITERATIONS);
  const lbfgs = fromDualts(p.f, runLbfgs());
  const newton = fromDualts(p.f, runNewton());
  const lbfgsDefault = fromDualts(p.f, minimize(p.f, x0, { maxIterations: MAX_ITERATIONS }));
  const cg = fminConjugateGradient(p.f, x0, MAX_ITERATIONS, true);
  let lbfgsToMinimum = atMinimum(p.valueAtStart, p) ? 1 : Number.NaN;
  minimize(p.f, x0, {
    ...settings,
    onIteration: (s) => {
      if (!atMinimum(s.value, p)) return true;
      lbfgsToMinimum = s.evaluations.gradient;
      return false;
    },
  });
  // onIteration does not see the step that stops the run.
  if (Number.isNaN(lbfgsToMinimum) && atMinimum(lbfgs.value, p)) lbfgsToMinimum = lbfgs.gradients;
  // Time to converge: a run that did not converge is not timed.
  const t = timeRuns([lbfgs.converged ? runLbfgs : undefined, cg.converged ? runCg : undefined, newton.converged ? runNewton : undefined], options);
  return {
    name: p.name,
    n: x0.length,
    minimum: p.minimum,
    valueAtStart: p.valueAtStart,
    localMinima: p.localMinima ?? [],
    lbfgs,
    cg,
    newton,
    lbfgsDefault,
    lbfgsToMinimum,
    ms: { lbfgs: t.ms[0], cg: t.ms[1], newton: t.ms[2] },
    cgOverLbfgs: t.ratio(1, 0),
  };
}

/** ‖J(x)ᵀr(x)‖₂: the gradient of ½Σr² at x, its 2-norm (not timed). */
function fitGradientNorm2(residuals: (x: number[]) => ArrayLike<number>, x: number[]): number {
  const r = residuals(x);
  const j = (jacobian(residuals, { wrt: [0] }) as unknown as (x: number[]) => number[][])(x);
  return norm2(x.map((_, p) => j.reduce((s, row, k) => s + row[p] * r[k], 0)));
}

/** The fewest ml-levenberg-marquardt steps to the target: its result (the best point seen) only improves with more steps. */
function mlStepsTo(target: number, p: FitProblem, exact: boolean): number {
  const x0 = Array.from(p.x0);
  const reached = (k: number) => mlLevenbergMarquardt(p.residuals, x0, k, exact).value <= target;
  if (!reached(MAX_ITERATIONS)) return Number.NaN;
  let [lo, hi] = [0, MAX_ITERATIONS];
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (reached(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** dualts' steps to the target: onIteration sees each accepted step, though not the one that stops the run. */
function ownStepsTo(target: number, p: FitProblem, own: LeastSquaresResult<number[]>): number {
  const x0 = Array.from(p.x0);
  if (0.5 * norm2(p.residuals(x0)) ** 2 <= target) return 0;
  let steps = own.value <= target ? own.iterations : Number.NaN;
  leastSquares(p.residuals, x0, {
    ...LEAST_SQUARES_OPTIONS,
    onIteration: (s) => {
      if (s.value > target) return true;
      steps = s.iteration;
      return false;
    },
  });
  return steps;
}

/**
 * The fit's best ½Σr²: the lowest any contender found where that is the set's minimum (whose 6 digits
 * it refines) or the set gives none; the set's minimum where no contender reached it.
 */
function bestOf(p: FitProblem, found: number[]): number {
  const lowest = Math.min(...found.filter((v) => Number.isFinite(v)));
  if (p.minimum === undefined) return lowest;
  return withinDigits(lowest, p.minimum) ? lowest : p.minimum;
}

function fitRow(p: FitProblem, options: OptimizeOptions): FitRow {
  const x0 = Array.from(p.x0);
  const own = leastSquares(p.residuals, x0, LEAST_SQUARES_OPTIONS);
  const ml = mlLevenbergMarquardt(p.residuals, x0, MAX_ITERATIONS, false);
  const mlExact = mlLevenbergMarquardt(p.residuals, x0, MAX_ITERATIONS, true);
  const best = bestOf(p, [own.value, ml.value, mlExact.value]);
  const target = fitTarget(best);
  const ownTo = ownStepsTo(target, p, own);
  const mlTo = mlStepsTo(target, p, false);
  const mlExactTo = mlStepsTo(target, p, true);
  // Time to the target: each run stopped at the step that first reaches it; a run that never does is not timed.
  const t = timeRuns(
    [
      Number.isNaN(ownTo) ? undefined : () => leastSquares(p.residuals, x0, { ...LEAST_SQUARES_OPTIONS, maxIterations: ownTo }),
      Number.isNaN(mlTo) ? undefined : () => mlLevenbergMarquardt(p.residuals, x0, mlTo, false),
      Number.isNaN(mlExactTo) ? undefined : () => mlLevenbergMarquardt(p.residuals, x0, mlExactTo, true),
    ],
    options,
  );
  const withNorm = (o: Outcome, toTarget: number): FitOutcome => ({ ...o, gradientNorm2: Number.isFinite(o.value) ? fitGradientNorm2(p.residuals, o.x) : Number.NaN, toTarget });
  return {
    name: p.name,
    n: x0.length,
    m: p.residuals(x0).length,
    best,
    target,
    dualts: withNorm(fromDualts(undefined, own), ownTo),
    ml: withNorm(ml, mlTo),
    mlExact: withNorm(mlExact, mlExactTo),
    ms: { dualts: t.ms[0], ml: t.ms[1], mlExact: t.ms[2] },
    mlOverDualts: t.ratio(1, 0),
  };
}

/** Runs the optimisation bench over the problems and the fits, printing a line per problem unless `quiet`. */
export function runOptimize(problems: readonly MinimizeProblem[], fits: readonly FitProblem[], options: OptimizeOptions & { readonly quiet?: boolean }): OptimizeRun {
  const log = (line: string) => options.quiet || console.log(`  ${line}`);
  const ms = (t: number) => (Number.isNaN(t) ? "—" : `${(t * 1000).toFixed(0)} µs`);
  const rows: MinimizeRow[] = [];
  for (const p of problems) {
    const r = minimizeRow(p, options);
    rows.push(r);
    log(`${p.name}: gradient evaluations L-BFGS ${r.lbfgs.gradients}, fmin CG ${r.cg.gradients}, Newton ${r.newton.gradients}; time L-BFGS ${ms(r.ms.lbfgs)}, fmin CG ${ms(r.ms.cg)}`);
  }
  const fitRows: FitRow[] = [];
  for (const p of fits) {
    const r = fitRow(p, options);
    fitRows.push(r);
    log(`${p.name}: steps to ½Σr² ≤ ${r.target.toExponential(3)}: dualts ${r.dualts.toTarget}, ml-levenberg-marquardt ${r.ml.toTarget} (exact J: ${r.mlExact.toTarget})`);
  }
  return { minimize: rows, fits: fitRows, budgetMs: options.budgetMs };
}
