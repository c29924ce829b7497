// The public derivative functions of one direction or one output:
// derivative, jvp, grad and valueAndGrad (jacobian and hessian are in
// matrices.ts). Each one checks f and its options at its boundary
// (boundary.ts), selects its inputs (selection.ts), seeds them through an
// engine (engines.ts, generated.ts) and reads the results (results.ts); its
// forward routes go through poison.ts's rule. No derivative arithmetic
// happens here.

import type { Real } from "../dual.js";
import { derivativeInfo } from "../registry.js";
import { isNanSafe } from "../nansafe.js";
import { arrayGradient, runtimeScalarGradient, scalarGradient, scalarGradientOnly, directJvp } from "./scalars.js";
import { adjoints, chunkSize, dualLanePasses, forwardPass, onReleasedTape, runnable, unitPasses, valueOf } from "./engines.js";
import { chunkedPasses, generatedUnitPasses, gradientPass, tryRecordedGradient, tryRecordedRows } from "./generated.js";
import { nanRowWhereValueIs, scalarResult } from "./results.js";
import { isReal, select, type Selection, type Wrt, type WrtOptions } from "./selection.js";
import { callerOf, checkDerivativeOptions, checkFunction, explainedOverflow } from "./boundary.js";
import { checkedPass, checkedUnitPasses, poisoned } from "./poison.js";
import { kindOf } from "./values.js";
import { signatureOf } from "./signature.js";
import { flatTangents } from "./tangents.js";
import { checkMode, reverseByDefault, RUNTIME_LANES_FROM, runtimeRoute, usesRecord, type Mode } from "./routes.js";
import type { GradientFunction, JvpOf, TangentsOf, ValueAndGradientFunction, VectorDerivative, WithWrtOption } from "./types.js";

export type { Mode } from "./routes.js";

export interface DerivativeOptions extends WrtOptions {
  /**
   * "forward": one pass per input scalar (or per chunk of them); "reverse": one pass and one backward
   * sweep per output. Default: forward, except that a gradient runs in reverse mode from 13 input
   * scalars on for a compiled function (its generated reverse mode) and from 4 for a function over
   * the runtime's operations (the runtime's tape); a Jacobian from 2 inputs where f has at most n
   * outputs (compiled) or 2n (runtime), counted by running f once; a Hessian forward over reverse.
   */
  readonly mode?: Mode;
  /**
   * Forward mode: tangents carried per pass (default: ≤ 12, balanced; a function over the runtime's
   * operations takes one per pass below 16 inputs). 1 runs the plain JVP, or one Dual, once per input.
   * Giving a chunk keeps a gradient in forward mode.
   */
  readonly chunk?: number;
}

/** A gradient: one parameter → its shape; several → one entry per parameter. */
export type Gradient = number | number[] | (number | number[])[];
export type Matrix = number[][];

// Arguments may be Duals or tape variables when derivatives nest; the public
// types describe the common, top-level use with plain numbers.
export type AnyFunction = (...args: any[]) => unknown;

/** The options grad, valueAndGrad and jacobian take. */
export const DERIVATIVE_OPTIONS = ["wrt", "mode", "chunk"] as const;

/**
 * Value and flat gradient of a scalar function over the selected slots (for
 * checkGradient too). Where the value is NaN, so is every derivative, on
 * every route (the generated ones apply the rule themselves).
 */
export function flatGradient(f: AnyFunction, sel: Selection, mode: Mode | undefined, chunk?: number): { value: Real; gradient: Real[] } {
  const { value, gradient } = gradientPasses(f, sel, mode, chunk);
  return { value, gradient: nanRowWhereValueIs(value, gradient) };
}

/**
 * flatGradient's passes. Without a mode: forward mode, except where reverseByDefault chooses
 * reverse mode: a compiled function's generated one, else the runtime's tape.
 */
function gradientPasses(f: AnyFunction, sel: Selection, mode: Mode | undefined, chunk?: number): { value: Real; gradient: Real[] } {
  const info = derivativeInfo(f);
  // Reverse mode: the record form, or — where it meets a callee without one — the generic form on the runtime's tape.
  if (usesRecord(info, sel, mode, chunk)) {
    const recorded = tryRecordedRows(info!, sel);
    if (recorded) return { value: scalarResult(sel, recorded.value), gradient: recorded.rows[0] };
  }
  if (mode === "reverse" || reverseByDefault(info, sel, mode, chunk)) {
    return onReleasedTape(sel, (run) => {
      const output = scalarResult(sel, runnable(f, sel)(...sel.with(run.inputs)));
      return { value: valueOf(output), gradient: adjoints(run, output) };
    });
  }
  if (sel.values.length === 0) return { value: scalarResult(sel, runnable(f, sel)(...sel.args)), gradient: [] };
  const { value, tangents } = checkedUnitPasses(f, sel, forwardGradientPasses(f, sel, chunk));
  return { value: scalarResult(sel, value), gradient: tangents as Real[] };
}

/**
 * A gradient's forward passes: chunk mode — the generated chunk-mode JVP, or Duals with K tangent
 * lanes for a function over the runtime — or one tangent per pass.
 */
function forwardGradientPasses(f: AnyFunction, sel: Selection, chunk: number | undefined): { value: unknown; tangents: unknown[] } {
  const n = sel.values.length;
  const info = derivativeInfo(f);
  const lanes = chunkSize(n, chunk, sel);
  if (sel.plain && lanes > 1) {
    if (info?.chunkJvp) return chunkedPasses(info, sel, lanes);
    // Lanes are heap arrays here (ForwardDiff's are tuples on the stack): by default they pay off only
    // from RUNTIME_LANES_FROM inputs on (bench/RESULTS.md); below that, one tangent per pass is faster.
    if (!info && (chunk !== undefined || n >= RUNTIME_LANES_FROM)) return dualLanePasses(f, sel, lanes);
  }
  return info?.jvp && sel.plain ? generatedUnitPasses(info, sel) : unitPasses(f, sel);
}

/** A derivative takes numbers at the top level and Reals when nested inside another derivative. */
export interface ScalarDerivative {
  (x: number): number;
  (x: Real): Real;
}

/**
 * The derivative of a function of one number, f: ℝ → ℝ, or of each output of f: ℝ → ℝᵐ.
 *
 * @param f a function of one number, compiled by the transform or written over dualts' operations
 * @returns a function of x giving f′(x): a number, or for f returning an array of numbers (or of
 *   Reals) a plain array with each output's derivative. Given a Real that may be a Dual (inside
 *   another derivative), it gives Reals.
 * @example
 *   derivative((x: Real) => mul(x, sin(x)))(1)              // sin 1 + cos 1
 *   derivative((t: Real) => [mul(t, t), sin(t)])(1)         // [2, cos 1]: number[]
 */
export function derivative<F extends (x: any) => readonly Real[]>(f: F): VectorDerivative;
export function derivative<F extends AnyFunction>(f: F, ...extra: unknown[]): ScalarDerivative;
export function derivative<F extends AnyFunction>(f: F, ...extra: unknown[]): ScalarDerivative | VectorDerivative {
  checkFunction("derivative", f);
  if (extra.length > 0) throw new TypeError(`${callerOf("derivative", f)}: derivative takes only the function (it has no options); for wrt or a mode, use grad(f, options)`);
  return ((...args: Real[]) => {
    if (args.length !== 1) {
      throw new RangeError(`${callerOf("derivative", f)}: the derivative of a function of one number takes one number, x, but ${args.length} were given; for a function of several numbers, use grad(f) or jacobian(f)`);
    }
    const x = args[0];
    try {
      return derivativeAt(f, x);
    } catch (error) {
      throw explainedOverflow("derivative", f, [x], error);
    }
  }) as ScalarDerivative;
}

function derivativeAt(f: AnyFunction, x: Real): unknown {
  if (!isReal(x)) {
    const name = signatureOf(f).parameters[0] ?? "x";
    throw new TypeError(`${callerOf("derivative", f)}: ${name} must be a number (derivative takes f: ℝ → ℝ; grad and jacobian take arrays), not ${kindOf(x)}`);
  }
  const sel = select("derivative", f, [x]);
  const pass = checkedPass(f, sel, [1], forwardPass(f, sel, [1]));
  if (Array.isArray(pass.value)) return pass.tangent;
  scalarResult(sel, pass.value, "derivative handles number and array results");
  return pass.tangent;
}

/**
 * The value of f at args and its directional derivative along tangents (forward mode, one pass).
 *
 * @param f a function returning a number or an array of numbers
 * @param args f's arguments
 * @param tangents one per selected parameter, shaped like it: a number for a number parameter, an
 *   array (or Float64Array) of as many numbers for an array parameter. Typed as a list whose
 *   entries are what the selectable parameters take, so tangents computed at run time type-check
 * @param options `wrt`: the parameters the tangents are for, by index or name, or a list of them
 *   (default: every argument that is a number, an array of numbers or a Float64Array)
 * @returns [value, directional derivative]: numbers for a number result; for an array result, f's
 *   own value (a Float64Array stays one) and a number[]
 * @example
 *   jvp((x: Real, y: Real) => mul(x, y), [2, 3], [1, 0])   // [6, 3]
 */
export function jvp<F extends AnyFunction, A extends Parameters<F>, const W extends Wrt | undefined = undefined>(
  f: F, args: [...A], tangents: TangentsOf<F, A, W>, options?: WithWrtOption<WrtOptions, W>,
): JvpOf<ReturnType<F>, A>;
export function jvp<F extends AnyFunction>(f: F, args: Parameters<F>, tangents: readonly (number | ArrayLike<number>)[], options?: WrtOptions): [number | number[], number | number[]] {
  checkFunction("jvp", f);
  const checked = checkDerivativeOptions("jvp", f, options, ["wrt"]);
  if (!Array.isArray(args)) throw new TypeError(`${callerOf("jvp", f)}: args must be an array of ${signatureOf(f).name}'s arguments, not ${kindOf(args)}`);
  try {
    const direct = checked.wrt === undefined ? directJvp(derivativeInfo(f), args, tangents) : undefined;
    if (direct) return direct as [number | number[], number | number[]];
    const sel = select("jvp", f, args, checked);
    const flat = flatTangents(sel, tangents);
    const pass = checkedPass(f, sel, flat, forwardPass(f, sel, flat));
    if (!Array.isArray(pass.value) && !(pass.value instanceof Float64Array)) scalarResult(sel, pass.value, "jvp handles number and array results");
    return [pass.value, pass.tangent] as [number | number[], number | number[]];
  } catch (error) {
    throw explainedOverflow("jvp", f, args, error);
  }
}

function gradientCall(api: string, f: AnyFunction, options: DerivativeOptions, args: unknown[]): [number, Gradient] {
  if (options.wrt === undefined && options.mode === undefined && options.chunk === undefined) {
    const info = derivativeInfo(f);
    const direct = info ? scalarGradient(info, args) ?? arrayGradient(info, args) : runtimeScalarGradient(api, f, args, runtimeRoute);
    if (direct) return direct;
  }
  const sel = select(api, f, args, options);
  const { value, gradient } = flatGradient(f, sel, checkMode(sel, options.mode), options.chunk);
  return [value as number, sel.shape(gradient) as Gradient];
}

/**
 * grad. Where a compiled function has a form that skips the value's own work
 * and the call leaves the passes to grad, that form: in forward mode the
 * gradient form (one pass), in reverse mode the record form's twin. Each
 * gives what the form it stands in for gives (the chunk-mode JVP, the record
 * form), bit for bit, and defers to it wherever the value might not be
 * finite; everything else is valueAndGrad's passes without the value. The
 * gradient form answers only where the value is finite, so a NaN in its
 * gradient is poison.ts's case: the passes run again as for valueAndGrad.
 */
function gradientOf(f: AnyFunction, options: DerivativeOptions, args: unknown[]): Gradient {
  const info = derivativeInfo(f);
  const skipping = info !== undefined && (info.gradient !== undefined || info.recordGradient !== undefined) && options.chunk === undefined && !isNanSafe();
  if (!skipping) return gradientCall("grad", f, options, args)[1];
  if (options.wrt === undefined && options.mode === undefined) {
    const direct = scalarGradientOnly(info, args) ?? arrayGradient(info, args)?.[1];
    if (direct !== undefined && direct !== null) return direct;
  }
  const sel = select("grad", f, args, options);
  const mode = checkMode(sel, options.mode);
  let gradient = !sel.plain ? undefined
    : info.gradient && mode !== "reverse" ? gradientPass(info, sel)
    : info.recordGradient && usesRecord(info, sel, mode, options.chunk) ? tryRecordedGradient(info, sel)
    : undefined;
  // The gradient form's value is finite wherever it answers: 0 stands for it.
  if (gradient && mode !== "reverse" && poisoned(0, gradient)) gradient = undefined;
  return sel.shape(gradient ?? flatGradient(f, sel, mode, options.chunk).gradient) as Gradient;
}

/**
 * The gradient of a function that returns one number, with respect to its differentiable parameters.
 *
 * @param f compiled by the transform (marked `@differentiable`) or written over dualts' operations
 * @param options `wrt`: the parameters to differentiate, by index or name, or a list of them
 *   (default: every argument that is a number, an array of numbers or a Float64Array; others are
 *   data); `mode`: "forward" or "reverse"; `chunk`: tangents per forward pass
 * @returns a function of f's arguments giving the gradient in their shapes: one selected parameter
 *   → its shape (a number; a number[] for a number[] or a Float64Array); several → a tuple, one entry
 *   each. The type follows the call's arguments: `wrt` by index narrows it to those parameters, by
 *   name to the shapes of the parameters it could name; Reals that may be Duals give Reals.
 * @example
 *   grad((v: Real[]) => mul(v[0], v[1]))([2, 3])              // [3, 2]: number[]
 *   grad((x: Real, y: Real) => mul(x, y))(2, 3)               // [3, 2]: [number, number]
 *   grad((w: Real[], b: Real) => mul(w[0], b))([2], 3)        // [[3], 2]: [number[], number]
 */
export function grad<F extends AnyFunction, const W extends Wrt | undefined = undefined>(f: F, options?: WithWrtOption<DerivativeOptions, W>): GradientFunction<F, W> {
  checkFunction("grad", f);
  const checked = checkDerivativeOptions("grad", f, options, DERIVATIVE_OPTIONS);
  return ((...args: unknown[]) => gradientAtBoundary(f, checked, args)) as GradientFunction<F, W>;
}

/** grad's call, a stack overflow in it explained (a function of its own: the closure grad returns stays small enough to inline). */
function gradientAtBoundary(f: AnyFunction, options: DerivativeOptions, args: unknown[]): Gradient {
  try {
    return gradientOf(f, options, args);
  } catch (error) {
    throw explainedOverflow("grad", f, args, error);
  }
}

/**
 * f's value and its gradient, from the same passes.
 *
 * @param f a function returning one number, as for grad
 * @param options as for grad: `wrt`, `mode`, `chunk`
 * @returns a function of f's arguments giving [value, gradient], the gradient as grad gives it
 * @example
 *   valueAndGrad((x: Real, y: Real) => mul(x, y), { wrt: "y" })(2, 3)   // [6, 2]: [number, number]
 */
export function valueAndGrad<F extends AnyFunction, const W extends Wrt | undefined = undefined>(f: F, options?: WithWrtOption<DerivativeOptions, W>): ValueAndGradientFunction<F, W> {
  checkFunction("valueAndGrad", f);
  const checked = checkDerivativeOptions("valueAndGrad", f, options, DERIVATIVE_OPTIONS);
  return ((...args: unknown[]) => {
    try {
      return gradientCall("valueAndGrad", f, checked, args);
    } catch (error) {
      throw explainedOverflow("valueAndGrad", f, args, error);
    }
  }) as ValueAndGradientFunction<F, W>;
}
