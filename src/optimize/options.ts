// What minimize and leastSquares take and give: their options (checked at
// the call, with each method's defaults in one table), the state an
// onIteration callback sees, the result, and the stopping rules every
// method applies in the same order after each accepted step.

import { checkNumberOption } from "../api/boundary.js";
import { kindOf } from "../api/values.js";
import { maxNorm } from "./vectors.js";

/** The minimisers `minimize` runs. */
export type Method = "lbfgs" | "newton" | "gd" | "adam" | "momentum";

/** Why a run stopped: the first three are convergence; the others are not. */
export type StopReason = "gradient" | "step" | "value" | "iterations" | "callback" | "line search" | "not finite";

/** How many times f was evaluated, by what was asked of it. */
export interface Evaluations {
  /** f's value alone (line-search trials, Levenberg–Marquardt's residuals). */
  value: number;
  /** f's value and gradient together (for leastSquares: the residuals' Jacobian). */
  gradient: number;
  /** Dense Hessians (Newton for small n). */
  hessian: number;
  /** Hessian-vector products (Newton-CG for large n). */
  hessianVector: number;
}

/** What a minimiser returns. `x` has x0's type: a number[] for a number[], a Float64Array for a Float64Array. */
export interface MinimizeResult<X> {
  readonly x: X;
  /** f(x). */
  readonly value: number;
  /** max |∂f/∂xᵢ| at x: the infinity norm, as gradientTolerance reads it. */
  readonly gradientNorm: number;
  /** Steps taken (accepted steps; for leastSquares, trial steps too). */
  readonly iterations: number;
  readonly evaluations: Evaluations;
  /** Whether a convergence test (gradient, step or value) stopped the run. */
  readonly converged: boolean;
  readonly stoppedBy: StopReason;
  /** Why the run stopped, in a sentence with the numbers. */
  readonly reason: string;
}

/** What onIteration sees after each step. `x` is a copy in x0's type. */
export interface IterationState<X> {
  readonly iteration: number;
  readonly x: X;
  readonly value: number;
  readonly gradientNorm: number;
  /** max |xₖ₊₁ − xₖ|: the size of the step just taken. */
  readonly stepNorm: number;
  readonly evaluations: Readonly<Evaluations>;
}

/** The options every method reads. */
export interface StoppingOptions<X> {
  /** Most steps: default 1000 (10,000 for gd; for leastSquares, trial steps count too). */
  readonly maxIterations?: number;
  /** Converged when max |∂f/∂xᵢ| ≤ this: default 1e-8. */
  readonly gradientTolerance?: number;
  /** Converged when max |xₖ₊₁ − xₖ| ≤ this · max(1, max |xₖ₊₁|): default 0 (off); leastSquares: 1e-12. */
  readonly stepTolerance?: number;
  /** Converged when |f(xₖ) − f(xₖ₊₁)| ≤ this · max(1, |f(xₖ₊₁)|): default 0 (off). */
  readonly valueTolerance?: number;
  /** Called after each step, the last included (not for x0; for leastSquares, each accepted step); returning false (exactly) stops the run (stoppedBy "callback"). */
  readonly onIteration?: (state: IterationState<X>) => unknown;
}

/** Options of minimize: the method, f's other arguments, the stopping rules and each method's own. */
export interface MinimizeOptions<A extends readonly unknown[] | [], X> extends StoppingOptions<X> {
  /** Default "lbfgs". */
  readonly method?: Method;
  /** f's arguments after x (data: f is differentiated with respect to x only). */
  readonly args?: NoInfer<A>;
  /** lbfgs: how many (step, gradient change) pairs it remembers; default 10. */
  readonly history?: number;
  /** gd: a fixed step size (x ← x − step·∇f, no line search, as in the lecture); omitted, gd backtracks. */
  readonly step?: number;
  /** newton: "dense" Hessians with a modified Cholesky step, or Hessian-vector "products" with conjugate gradients (Newton-CG); default dense up to 50 variables. */
  readonly hessian?: "dense" | "products";
  /** adam and momentum: the step size; default 0.001 for adam, 0.01 for momentum. */
  readonly learningRate?: number;
  /** adam: the decay rates of the moment estimates (defaults 0.9 and 0.999) and the denominator's ε (1e-8). */
  readonly beta1?: number;
  readonly beta2?: number;
  readonly epsilon?: number;
  /** momentum: the heavy ball's coefficient, default 0.9. */
  readonly momentum?: number;
  /** adam and momentum: f's arguments after x for each step (a minibatch), replacing `args`. */
  readonly batch?: (iteration: number) => NoInfer<A>;
}

/** Each method's options beyond the shared ones, and its default iteration limit. */
export const METHODS: Readonly<Record<Method, { readonly options: readonly string[]; readonly maxIterations: number }>> = {
  lbfgs: { options: ["history"], maxIterations: 1000 },
  newton: { options: ["hessian"], maxIterations: 1000 },
  gd: { options: ["step"], maxIterations: 10_000 },
  adam: { options: ["learningRate", "beta1", "beta2", "epsilon", "batch"], maxIterations: 1000 },
  momentum: { options: ["learningRate", "momentum", "batch"], maxIterations: 1000 },
};

/** leastSquares' defaults (exported as LEAST_SQUARES_DEFAULTS): its iteration limit, step test and first damping. */
export const LEAST_SQUARES = { maxIterations: 1000, stepTolerance: 1e-12, damping: 1e-8 } as const;

export const SHARED_OPTIONS = ["method", "args", "maxIterations", "gradientTolerance", "stepTolerance", "valueTolerance", "onIteration"] as const;

/** The stopping rules with their defaults filled in. */
export interface Stopping<X> {
  readonly maxIterations: number;
  readonly gradientTolerance: number;
  readonly stepTolerance: number;
  readonly valueTolerance: number;
  readonly onIteration?: StoppingOptions<X>["onIteration"];
}

/** Checks the shared options' values and fills in defaults. */
export function stoppingOf<X>(caller: string, options: StoppingOptions<X>, maxIterations: number, stepTolerance = 0): Stopping<X> {
  if (options.maxIterations !== undefined && !(Number.isInteger(options.maxIterations) && options.maxIterations >= 0)) {
    throw new RangeError(`${caller}: maxIterations must be a whole number of at least 0, not ${kindOf(options.maxIterations)}`);
  }
  checkNumberOption(caller, "gradientTolerance", options.gradientTolerance, "atLeastZero");
  checkNumberOption(caller, "stepTolerance", options.stepTolerance, "atLeastZero");
  checkNumberOption(caller, "valueTolerance", options.valueTolerance, "atLeastZero");
  if (options.onIteration !== undefined && typeof options.onIteration !== "function") {
    throw new TypeError(`${caller}: onIteration must be a function, not ${kindOf(options.onIteration)}`);
  }
  return {
    maxIterations: options.maxIterations ?? maxIterations,
    gradientTolerance: options.gradientTolerance ?? 1e-8,
    stepTolerance: options.stepTolerance ?? stepTolerance,
    valueTolerance: options.valueTolerance ?? 0,
    onIteration: options.onIteration,
  };
}

/** A stop: its reason code and sentence. */
export interface Stop {
  readonly stoppedBy: StopReason;
  readonly reason: string;
}

const e = (x: number) => x.toExponential(2);

/** The gradient test, before any step and after each. */
export function gradientStop(stopping: Stopping<never>, gradientNorm: number): Stop | undefined {
  if (gradientNorm <= stopping.gradientTolerance) return { stoppedBy: "gradient", reason: `the gradient's norm ${e(gradientNorm)} is within gradientTolerance ${e(stopping.gradientTolerance)}` };
  return undefined;
}

/** The step and value tests after a step from (previous x, previous value) to (x, value). */
export function progressStop(stopping: Stopping<never>, stepNorm: number, x: Float64Array, previousValue: number, value: number): Stop | undefined {
  // A tolerance of 0 turns its test off (a step that changes nothing is rounding, not convergence).
  if (stopping.stepTolerance > 0 && stepNorm <= stopping.stepTolerance * Math.max(1, maxNorm(x)))
    return { stoppedBy: "step", reason: `the step ${e(stepNorm)} is within stepTolerance ${e(stopping.stepTolerance)} of x's size` };
  const change = Math.abs(previousValue - value);
  if (stopping.valueTolerance > 0 && change <= stopping.valueTolerance * Math.max(1, Math.abs(value))) {
    return { stoppedBy: "value", reason: `the value changed by ${e(change)}, within valueTolerance ${e(stopping.valueTolerance)}` };
  }
  return undefined;
}

/** Whether a stop is convergence. */
export function isConvergence(stop: Stop): boolean {
  return stop.stoppedBy === "gradient" || stop.stoppedBy === "step" || stop.stoppedBy === "value";
}

/** The iteration limit's stop. */
export function iterationsStop(stopping: Stopping<never>, gradientNorm: number): Stop {
  return { stoppedBy: "iterations", reason: `maxIterations (${stopping.maxIterations}) reached with the gradient's norm at ${e(gradientNorm)}` };
}

const callbackStop: Stop = { stoppedBy: "callback", reason: "onIteration returned false" };

/**
 * After a step: onIteration sees it (every step, the one that converges included), then the stop if any
 * — a convergence test's (`converged`) before the callback's.
 */
export function afterStep<X>(stopping: Stopping<X>, converged: Stop | undefined, state: () => IterationState<X>): Stop | undefined {
  const goOn = stopping.onIteration === undefined || stopping.onIteration(state()) !== false;
  return converged ?? (goOn ? undefined : callbackStop);
}
