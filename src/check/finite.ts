// Numerical derivatives: central differences refined by Richardson
// extrapolation (Ridders' method). The central difference
// D(h) = (f(x + h) − f(x − h)) / 2h has error c₂h² + c₄h⁴ + …; evaluating it
// at shrinking steps and extrapolating to h = 0 cancels those terms one by
// one, and the tableau's own differences estimate the remaining error.
// These run the function on plain numbers only: they are the independent
// oracle the automatic routes are checked against.

import type { Gradient } from "../api/derivatives.js";
import { checkFunction, checkNumberOption, checkOptionKeys, withinStack } from "../api/boundary.js";
import { scalarResult, vectorResult } from "../api/results.js";
import { select, type Wrt, type WrtOptions } from "../api/selection.js";
import { kindOf } from "../api/values.js";
import type { GradientOf, WithWrtOption } from "../api/types.js";

/** A derivative by finite differences, with the extrapolation's estimate of its error. */
export interface FiniteDifference {
  readonly derivative: number;
  /** Estimated absolute error of `derivative`. */
  readonly error: number;
}

export interface FiniteDifferenceOptions {
  /** First (largest) step; default 0.01 · max(1, |x|). The step shrinks by 1.4 per level. */
  readonly step?: number;
}

const SHRINK = 1.4;
const LEVELS = 10;

/**
 * The derivative g′(0) of g: ℝ → ℝ by central differences (g(h) − g(−h)) / 2h at shrinking steps,
 * refined by Richardson extrapolation (Ridders' method), with an estimate of its error. For f′(x),
 * pass g = (h) => f(x + h) and scale = |x|. g runs on plain numbers only.
 *
 * @param g a function of the offset h, returning a number
 * @param scale the size of the input, which only sets the default first step, 0.01 · max(1, |scale|) (default 1)
 * @param options `step`: the first (largest) step, a positive number; each level divides it by 1.4
 * @returns `{ derivative, error }`: the derivative, and the tableau's own estimate of its absolute
 *   error (near machine precision it can be optimistic by an order of magnitude or more)
 * @example
 *   centralDifference((h) => Math.exp(1 + h), 1)   // { derivative: ≈ e (2.71828182845…), error: ~1e-14 }
 *   centralDifference((h) => Math.sin(2 + h), 2)   // { derivative: ≈ cos 2 (−0.41614683654…), error: ~1e-14 }
 */
export function centralDifference(g: (t: number) => number, scale = 1, options?: FiniteDifferenceOptions): FiniteDifference {
  checkFunction("centralDifference", g, "a function g(h) of the step");
  const caller = `centralDifference(${g.name || "g"})`;
  if (typeof scale !== "number" || !Number.isFinite(scale)) throw new RangeError(`${caller}: scale must be a finite number, not ${kindOf(scale)}`);
  const checked = checkOptionKeys("centralDifference", g, options, ["step"]);
  checkNumberOption(caller, "step", checked.step, "positive");
  return withinStack("centralDifference", g, [0], () => ridders(g, checked.step ?? 0.01 * Math.max(1, Math.abs(scale))));
}

/** Ridders' extrapolation of central differences of g at 0, from the first step h. */
function ridders(g: (t: number) => number, h: number): FiniteDifference {
  const central = (step: number) => (g(step) - g(-step)) / (2 * step);
  // Step off the edge of the domain (log near 0, say) is NaN: shrink until it is not.
  // Then go ten times further in, where the Taylor series converges quickly.
  let first = central(h);
  if (!Number.isFinite(first)) {
    for (let tries = 0; !Number.isFinite(first) && tries < 40; tries++) first = central((h /= SHRINK));
    first = central((h /= 10));
  }

  let previous = [first];
  let best: FiniteDifference = { derivative: first, error: Infinity };
  for (let level = 1; level < LEVELS; level++) {
    h /= SHRINK;
    const row = [central(h)];
    let factor = SHRINK * SHRINK;
    for (let j = 1; j <= level; j++) {
      row[j] = (row[j - 1] * factor - previous[j - 1]) / (factor - 1);
      factor *= SHRINK * SHRINK;
      const error = Math.max(Math.abs(row[j] - row[j - 1]), Math.abs(row[j] - previous[j - 1]));
      if (error <= best.error) best = { derivative: row[j], error };
    }
    // Higher orders stopped helping: rounding error has taken over.
    if (Math.abs(row[level] - previous[level - 1]) >= 2 * best.error) break;
    previous = row;
  }
  return best;
}

type AnyFunction = (...args: any[]) => unknown;

function asNumber(caller: string, value: unknown): number {
  if (typeof value !== "number") throw new TypeError(`${caller}: the function must return plain numbers when called with plain numbers, got ${kindOf(value)}`);
  return value;
}

/** The options numericalGradient and numericalJacobian take (checkGradient takes these and more). */
export const FINITE_DIFFERENCE_OPTIONS = ["wrt", "step"] as const;

/**
 * Per selected scalar input, the numerical derivative of each output (a number result is a vector of one).
 * `scalar`: the function must return a number (numericalGradient), and anything else is an error, as in grad.
 */
export function differencesPerInput(api: string, f: AnyFunction, args: unknown[], options: WrtOptions & FiniteDifferenceOptions, scalar = false) {
  const sel = select(api, f, args, options);
  checkNumberOption(sel.caller, "step", options.step, "positive");
  const values = sel.values as number[];
  const differences = values.map((x, k) => {
    const at = (t: number) => {
      const shifted = [...values];
      shifted[k] = x + t;
      // f itself, called with its arguments as it takes them (a rest parameter's spread again).
      const out = f(...sel.spread(sel.with(shifted)));
      if (scalar) return [asNumber(sel.caller, scalarResult(sel, out, "use numericalJacobian for a function that returns an array"))];
      return vectorResult(sel, out).map((o) => asNumber(sel.caller, o));
    };
    const outputs = at(0).length;
    const first = options.step ?? 0.01 * Math.max(1, Math.abs(x));
    return Array.from({ length: outputs }, (_, i) => ridders((t) => at(t)[i], first));
  });
  return { sel, differences };
}

/**
 * The gradient by finite differences (Ridders' extrapolation, as centralDifference, once per selected
 * input scalar) of a function of plain numbers: compiled or not, f itself runs.
 *
 * @param f a function returning one number
 * @param args f's arguments
 * @param options `wrt`, as for grad; `step`, the first step of the extrapolation (default 0.01 · max(1, |x|) for each input x)
 * @returns the gradient shaped, and typed, as grad's result for the same arguments and `wrt`
 * @example
 *   numericalGradient((x: number, y: number) => x * x * y, [3, 2])   // ≈ [12, 9]: [number, number]
 *   numericalGradient((v: number[]) => v[0] * v[1], [[2, 3]])         // ≈ [3, 2]: number[]
 */
export function numericalGradient<F extends AnyFunction, A extends Parameters<F>, const W extends Wrt | undefined = undefined>(
  f: F,
  args: [...A],
  options?: WithWrtOption<FiniteDifferenceOptions, W>,
): GradientOf<F, A, W>;
export function numericalGradient<F extends AnyFunction>(f: F, args: Parameters<F>, options?: WrtOptions & FiniteDifferenceOptions): Gradient {
  checkFunction("numericalGradient", f);
  const checked = checkOptionKeys("numericalGradient", f, options, FINITE_DIFFERENCE_OPTIONS);
  return withinStack("numericalGradient", f, args, () => {
    const { sel, differences } = differencesPerInput("numericalGradient", f, args, checked, true);
    return sel.shape(differences.map((d) => d[0].derivative)) as Gradient;
  });
}

/**
 * The Jacobian by finite differences (Ridders' extrapolation, one column per selected input scalar)
 * of a function of plain numbers.
 *
 * @param f a function returning a number or an array of numbers (or a Float64Array)
 * @param args f's arguments, as an array
 * @param options `wrt`, as for grad; `step`, the first step of the extrapolation
 * @returns the m × n matrix as a number[][], laid out as jacobian's: row i is output i's gradient,
 *   its columns the selected input scalars in order (parameters in `wrt` order, arrays element by
 *   element); a number result is one row
 * @example
 *   numericalJacobian((r: number, t: number) => [r * Math.cos(t), r * Math.sin(t)], [1, 0])   // ≈ [[1, 0], [0, 1]]
 *   numericalJacobian((x: number, y: number) => [x * y, x + y], [2, 3], { wrt: "y" })        // ≈ [[2], [1]]
 */
export function numericalJacobian<F extends AnyFunction>(f: F, args: Parameters<F>, options?: WrtOptions & FiniteDifferenceOptions): number[][] {
  checkFunction("numericalJacobian", f);
  const checked = checkOptionKeys("numericalJacobian", f, options, FINITE_DIFFERENCE_OPTIONS);
  return withinStack("numericalJacobian", f, args, () => {
    const { differences } = differencesPerInput("numericalJacobian", f, args, checked);
    const rows = differences[0]?.length ?? 0;
    return Array.from({ length: rows }, (_, i) => differences.map((column) => column[i].derivative));
  });
}
