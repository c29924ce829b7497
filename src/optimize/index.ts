// dualts/optimize: minimisers fed by dualts' exact derivatives. This file
// checks what the caller passed, picks the method and hands over; the
// methods live beside it (descent.ts and its directions, stochastic.ts,
// least-squares.ts), their options and results in options.ts.

import { checkOptionKeys } from "../api/boundary.js";
import { kindOf } from "../api/values.js";
import type { Real } from "../dual.js";
import { descend } from "./descent.js";
import { newton } from "./newton.js";
import { Objective } from "./objective.js";
import { LEAST_SQUARES, METHODS, SHARED_OPTIONS, stoppingOf, type Method, type MinimizeOptions, type MinimizeResult, type StoppingOptions } from "./options.js";
import { gradientDescent, lbfgs } from "./quasi-newton.js";
import { levenbergMarquardt, type LeastSquaresResult } from "./least-squares.js";
import { stochastic } from "./stochastic.js";
import { checkNumberOption } from "../api/boundary.js";

export type { Evaluations, IterationState, Method, MinimizeOptions, MinimizeResult, StopReason, StoppingOptions } from "./options.js";
export type { LeastSquaresResult } from "./least-squares.js";
export { NEWTON_DENSE_UP_TO } from "./newton.js";
export { LEAST_SQUARES as LEAST_SQUARES_DEFAULTS } from "./options.js";

/** The options each function takes, for checkOptionKeys. */
const MINIMIZE_OPTIONS = [...SHARED_OPTIONS, ...new Set(Object.values(METHODS).flatMap((m) => m.options))];
const LEAST_SQUARES_OPTIONS = [...SHARED_OPTIONS.filter((name) => name !== "method"), "damping"];

/** A vector of variables: what x0 may be, and what x comes back as. */
export type Vector = number[] | Float64Array;

/**
 * The options argument: optional where f takes x alone (or only optional parameters after it); where f
 * takes more, required, with `args` (or, for minimize, `batch`) — so that a forgotten `args` is a type
 * error, not a run-time one.
 */
export type OptionsArgument<O, A extends readonly unknown[], Batch extends boolean> = [] extends A
  ? [options?: O]
  : [options: O & ({ readonly args: NoInfer<A> } | (Batch extends true ? { readonly batch: (iteration: number) => NoInfer<A> } : never))];

/**
 * Minimises a scalar function of a vector, from x0, with exact derivatives from dualts (f compiled by
 * the transform, or written over dualts' operations).
 *
 * Methods (`method`):
 * - `"lbfgs"` (default): limited-memory BFGS (`history` pairs, default 10) with a Moré–Thuente line
 *   search satisfying the strong Wolfe conditions;
 * - `"newton"`: Newton's method with a line search; dense Hessians and a modified Cholesky step up to
 *   50 variables, Hessian-vector products and conjugate gradients (Newton-CG) above (`hessian`);
 * - `"gd"`: gradient descent with backtracking, or with a fixed `step` as in the lecture;
 * - `"adam"`, `"momentum"`: stochastic first-order steps (`learningRate`, …), `batch(k)` supplying
 *   f's data for step k.
 *
 * It stops when max |∂f/∂xᵢ| ≤ `gradientTolerance` (default 1e-8), or a step or value change is
 * within `stepTolerance` or `valueTolerance` (default off), or after `maxIterations` steps, or when
 * `onIteration` returns false. A non-finite value or gradient at x0 is an error; later, the line
 * search backs off from where f is not finite, and the result says why it stopped — x is never NaN.
 *
 * @param f a function of x (and of `args` after it, data) returning a number: compiled, or over dualts' operations (then x's entries are Reals); it reads x and keeps no reference to it (the array is refilled between evaluations)
 * @param x0 the starting point, a number[] or a Float64Array; the result's x has the same type
 * @param options the method, f's other arguments, stopping rules and the method's own options
 * @returns `{ x, value, gradientNorm, iterations, evaluations, converged, stoppedBy, reason }`
 * @example
 *   /** @differentiable *\/
 *   function rosenbrock(x: number[]): number {
 *     return (1 - x[0]) ** 2 + 100 * (x[1] - x[0] ** 2) ** 2;
 *   }
 *   minimize(rosenbrock, [-1.2, 1]).x;   // ≈ [1, 1], in 38 iterations
 */
export function minimize<X extends Vector, A extends readonly unknown[] | [] = []>(
  f: (x: X, ...args: A) => Real,
  x0: X,
  ...[options]: OptionsArgument<MinimizeOptions<A, X>, A, true>
): MinimizeResult<X> {
  const objective = new Objective("minimize", f, x0);
  const given = checkOptionKeys("minimize", f, options, MINIMIZE_OPTIONS) as MinimizeOptions<A, X>;
  const method = given.method ?? "lbfgs";
  if (!Object.hasOwn(METHODS, method)) throw new RangeError(`${objective.caller}: method must be one of ${Object.keys(METHODS).join(", ")}, not ${kindOf(method)}`);
  for (const key in given) {
    const owner = (Object.keys(METHODS) as Method[]).find((m) => METHODS[m].options.includes(key));
    if (owner !== undefined && !METHODS[method].options.includes(key)) {
      throw new TypeError(`${objective.caller}: option '${key}' belongs to method ${owner === "adam" || owner === "momentum" ? '"adam" and "momentum"' : `"${owner}"`}, not "${method}"`);
    }
  }
  if (given.batch === undefined) objective.setArguments(argumentsOf(objective.caller, given.args), "args");
  const start = objective.start;
  const stopping = stoppingOf<X>(objective.caller, given, METHODS[method].maxIterations);
  switch (method) {
    case "lbfgs": {
      const history = given.history ?? 10;
      if (!(Number.isInteger(history) && history >= 1)) throw new RangeError(`${objective.caller}: history must be a whole number of at least 1, not ${kindOf(history)}`);
      return descend(objective, start, stopping, lbfgs(objective.n, history));
    }
    case "newton":
      if (given.hessian !== undefined && given.hessian !== "dense" && given.hessian !== "products")
        throw new RangeError(`${objective.caller}: hessian must be "dense" or "products", not ${kindOf(given.hessian)}`);
      return descend(objective, start, stopping, newton(objective, given.hessian));
    case "gd":
      checkNumberOption(objective.caller, "step", given.step, "positive");
      return descend(objective, start, stopping, gradientDescent(given.step));
    default: {
      for (const name of ["learningRate", "epsilon"] as const) checkNumberOption(objective.caller, name, given[name], "positive");
      for (const name of ["beta1", "beta2", "momentum"] as const) {
        const v = given[name];
        if (v !== undefined && !(typeof v === "number" && v >= 0 && v < 1)) throw new RangeError(`${objective.caller}: ${name} must be a number in [0, 1), not ${kindOf(v)}`);
      }
      if (given.batch !== undefined && typeof given.batch !== "function")
        throw new TypeError(`${objective.caller}: batch must be a function of the step number returning f's arguments after x, not ${kindOf(given.batch)}`);
      if (given.batch !== undefined && given.args !== undefined)
        throw new TypeError(`${objective.caller}: give args or batch, not both: batch(k) returns f's arguments after x for step k, in place of args`);
      return stochastic(objective, start, stopping, {
        method,
        learningRate: given.learningRate ?? (method === "adam" ? 0.001 : 0.01),
        beta1: given.beta1 ?? 0.9,
        beta2: given.beta2 ?? 0.999,
        epsilon: given.epsilon ?? 1e-8,
        momentum: given.momentum ?? 0.9,
        batch: given.batch,
      });
    }
  }
}

/** Options of leastSquares: the stopping rules, f's other arguments and the initial damping. */
export interface LeastSquaresOptions<A extends readonly unknown[] | [], X> extends StoppingOptions<X> {
  /** The residual function's arguments after x (data). */
  readonly args?: NoInfer<A>;
  /** The first damping μ, relative to JᵀJ's scaled diagonal: default 1e-8, so the first step is nearly Gauss–Newton's; a step that fails damps the next. */
  readonly damping?: number;
}

/**
 * Fits x to minimise ½‖r(x)‖² by Levenberg–Marquardt, with r's exact Jacobian from dualts (forward or
 * reverse mode, as `jacobian` chooses) and Moré's scaling. Defaults: gradientTolerance 1e-8 (on
 * Jᵀr), stepTolerance 1e-12, maxIterations 1000 (trial steps count).
 *
 * @param residuals a function of x (and of `args` after it) returning the residuals, an array of numbers
 * @param x0 the starting point, a number[] or a Float64Array; the result's x has the same type
 * @returns minimize's result with `value` = ½‖r(x)‖², and `residuals` at x
 * @example
 *   /** @differentiable wrt(p) *\/
 *   function misfit(p: number[], t: number[], y: number[]): number[] {
 *     const r: number[] = [];
 *     for (let i = 0; i < t.length; i++) r.push(p[0] * Math.exp(-p[1] * t[i]) - y[i]);
 *     return r;
 *   }
 *   leastSquares(misfit, [1, 1], { args: [t, y] }).x;   // the fitted amplitude and rate
 */
export function leastSquares<X extends Vector, A extends readonly unknown[] | [] = []>(
  residuals: (x: X, ...args: A) => ArrayLike<Real>,
  x0: X,
  ...[options]: OptionsArgument<LeastSquaresOptions<A, X>, A, false>
): LeastSquaresResult<X> {
  const objective = new Objective("leastSquares", residuals, x0);
  const given = checkOptionKeys("leastSquares", residuals, options, LEAST_SQUARES_OPTIONS) as LeastSquaresOptions<A, X>;
  objective.setArguments(argumentsOf(objective.caller, given.args), "args");
  checkNumberOption(objective.caller, "damping", given.damping, "positive");
  const start = objective.start;
  return levenbergMarquardt(objective, start, stoppingOf<X>(objective.caller, given, LEAST_SQUARES.maxIterations, LEAST_SQUARES.stepTolerance), given.damping ?? LEAST_SQUARES.damping);
}

function argumentsOf(caller: string, args: unknown): readonly unknown[] {
  if (args === undefined) return [];
  if (!Array.isArray(args)) throw new TypeError(`${caller}: args must be an array of f's arguments after x, not ${kindOf(args)}`);
  return args;
}
