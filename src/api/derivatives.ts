// The public derivative functions: derivative, jvp, grad, valueAndGrad,
// jacobian and hessian. Each one selects its inputs (selection.ts), seeds
// them through an engine (engines.ts) and reads the results (results.ts);
// no derivative arithmetic happens here.
//
// Matrices (jacobian, hessian) have one column per selected scalar input, in
// order: parameters in `wrt` order, array parameters element by element.

import type { Real } from "../dual.js";
import { primal } from "../ops.js";
import { derivativeInfo, type DerivativeInfo } from "../registry.js";
import { isNanSafe } from "../nansafe.js";
import { arrayGradient, runtimeScalarGradient, scalarGradient, scalarGradientOnly, directJvp } from "./scalars.js";
import { adjoints, chunkSize, dualLanePasses, forwardPass, forwardRun, forwardSeed, onReleasedTape, runnable, unit, unitPasses, valueOf } from "./engines.js";
import { canRecord, chunkedPasses, generatedUnitPasses, gradientPass, tryRecordedGradient, tryRecordedRows } from "./generated.js";
import { asColumn, fromColumns, nanRowWhereValueIs, outputCount, scalarResult, split, vectorResult } from "./results.js";
import { isReal, select, type Selection, type WrtOptions } from "./selection.js";

import { checkMode, hessianByReverse, jacobianByReverse, reverseByDefault, RUNTIME_LANES_FROM, runtimeRoute, usesRecord, type Mode } from "./routes.js";

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
type AnyFunction = (...args: any[]) => unknown;

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
  const n = sel.values.length;
  const info = derivativeInfo(f);
  // Reverse mode: the record form, or — where it meets a callee without one — the generic form on the runtime's tape.
  const record = usesRecord(info, sel, mode, chunk);
  const reverse = mode === "reverse" || reverseByDefault(info, sel, mode, chunk);
  if (record) {
    const recorded = tryRecordedRows(info!, sel);
    if (recorded) return { value: scalarResult(sel, recorded.value), gradient: recorded.rows[0] };
  }
  const lanes = chunkSize(n, chunk, sel);
  if (!reverse && n > 0 && sel.plain && lanes > 1) {
    // Chunk mode: the generated chunk-mode JVP, or Duals with K tangent lanes for a function over the runtime.
    if (info?.chunkJvp) {
      const { value, tangents } = chunkedPasses(info, sel, lanes);
      return { value: scalarResult(sel, value), gradient: tangents as Real[] };
    }
    // Lanes are heap arrays here (ForwardDiff's are tuples on the stack): by default they pay off only
    // from RUNTIME_LANES_FROM inputs on (bench/RESULTS.md); below that, one tangent per pass is faster.
    if (!info && (chunk !== undefined || n >= RUNTIME_LANES_FROM)) {
      const { value, tangents } = dualLanePasses(f, sel, lanes);
      return { value: scalarResult(sel, value), gradient: tangents as Real[] };
    }
  }
  if (reverse) {
    return onReleasedTape(sel, (run) => {
      const output = scalarResult(sel, runnable(f, sel)(...sel.with(run.inputs)));
      return { value: valueOf(output), gradient: adjoints(run, output) };
    });
  }
  if (n === 0) return { value: scalarResult(sel, runnable(f, sel)(...sel.args)), gradient: [] };
  const { value, tangents } = info?.jvp && sel.plain ? generatedUnitPasses(info, sel) : unitPasses(f, sel);
  return { value: scalarResult(sel, value), gradient: tangents as Real[] };
}

/** A derivative takes numbers at the top level and Reals when nested inside another derivative. */
export interface ScalarDerivative {
  (x: number): number;
  (x: Real): Real;
}

/** d f / d x for f: ℝ → ℝ (or ℝ → ℝᵐ, giving an array). */
export function derivative<F extends AnyFunction>(f: F): ScalarDerivative {
  return ((x: Real) => {
    const sel = select("derivative", f, [x]);
    const pass = forwardPass(f, sel, [1]);
    if (Array.isArray(pass.value)) return pass.tangent;
    scalarResult(sel, pass.value, "derivative handles number and array results");
    return pass.tangent;
  }) as ScalarDerivative;
}

/**
 * Value and directional derivative of f at args along tangents: one entry
 * per selected parameter, each shaped like it (a number, or an array).
 */
export function jvp<F extends AnyFunction>(f: F, args: Parameters<F>, tangents: readonly (number | ArrayLike<number>)[], options: WrtOptions = {}): [number | number[], number | number[]] {
  const direct = options.wrt === undefined ? directJvp(derivativeInfo(f), args, tangents) : undefined;
  if (direct) return direct as [number | number[], number | number[]];
  const sel = select("jvp", f, args, options);
  if (!Array.isArray(tangents) || tangents.length !== sel.params.length) {
    throw new RangeError(`${sel.caller}: expected ${sel.params.length} tangent(s), one per selected parameter, but got ${Array.isArray(tangents) ? tangents.length : typeof tangents}`);
  }
  // The tangents flattened slot by slot, in loops (Array.from and flatMap cost more than the JVP itself for long arrays).
  const flat: number[] = [];
  sel.params.forEach((param, i) => {
    const t = tangents[i];
    const argument = sel.args[param];
    const expected = isReal(argument) ? -1 : (argument as ArrayLike<Real>).length;
    const given = typeof t === "number" ? -1 : t?.length;
    if (given !== expected) {
      const name = sel.signature.parameters[param] ?? `argument ${param}`;
      const shape = (n: number | undefined) => (n === -1 ? "a number" : `an array of ${n}`);
      throw new TypeError(`${sel.caller}: the tangent for ${name} must be ${shape(expected)}, like ${name} itself, but is ${shape(given)}`);
    }
    if (typeof t === "number") flat.push(t);
    else for (let j = 0; j < t.length; j++) flat.push(t[j]);
  });
  const pass = forwardPass(f, sel, flat);
  if (!Array.isArray(pass.value) && !(pass.value instanceof Float64Array)) scalarResult(sel, pass.value, "jvp handles number and array results");
  return [pass.value, pass.tangent] as [number | number[], number | number[]];
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
 * finite; everything else is valueAndGrad's passes without the value.
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
  const gradient = !sel.plain ? undefined
    : info.gradient && mode !== "reverse" ? gradientPass(info, sel)
    : info.recordGradient && usesRecord(info, sel, mode, options.chunk) ? tryRecordedGradient(info, sel)
    : undefined;
  return sel.shape(gradient ?? flatGradient(f, sel, mode, options.chunk).gradient) as Gradient;
}

/** The gradient of a scalar function with respect to its differentiable parameters. */
export function grad<F extends AnyFunction>(f: F, options: DerivativeOptions = {}): (...args: Parameters<F>) => Gradient {
  return (...args) => gradientOf(f, options, args);
}

/** [f(args), gradient] from the same passes. */
export function valueAndGrad<F extends AnyFunction>(f: F, options: DerivativeOptions = {}): (...args: Parameters<F>) => [number, Gradient] {
  return (...args) => gradientCall("valueAndGrad", f, options, args);
}

/** The Jacobian's columns by forward mode, one pass per selected slot: the generated JVP where it can run, else Duals. */
function forwardColumns(f: AnyFunction, sel: Selection): Real[][] {
  const info = derivativeInfo(f);
  if (info?.jvp && sel.plain) {
    const { value, tangents } = generatedUnitPasses(info, sel);
    if (sel.values.length > 0) vectorResult(sel, value);
    return tangents.map(asColumn);
  }
  return sel.values.map((_, k) => {
    const pass = forwardPass(f, sel, unit(sel.values.length, k));
    vectorResult(sel, pass.value);
    return asColumn(pass.tangent);
  });
}

/**
 * The Jacobian of a vector-valued function: rows are outputs, columns the selected input scalars.
 * Reverse mode with mode "reverse", and by default where routes.ts's jacobianByReverse finds few
 * enough outputs; else forward mode, in chunk mode as grad's.
 */
export function jacobian<F extends AnyFunction>(f: F, options: DerivativeOptions = {}): (...args: Parameters<F>) => Matrix {
  return (...args) => {
    const sel = select("jacobian", f, args, options);
    const n = sel.values.length;
    const info = derivativeInfo(f);
    // The outputs counted by one run on plain numbers: a compiled function's own code, the primal.
    const outputs = () => outputCount(sel, (info ? f : runnable(f, sel))(...sel.args));
    if (jacobianByReverse(info, sel, checkMode(sel, options.mode), options.chunk, outputs)) return reverseRows(f, info, sel);
    // Chunk mode as for grad: a compiled function's chunk-mode JVP, or Duals with lanes (from RUNTIME_LANES_FROM inputs, or a chunk given).
    const lanes = chunkSize(n, options.chunk, sel);
    const runtimeLanes = !info && (options.chunk !== undefined || n >= RUNTIME_LANES_FROM);
    if (n > 0 && sel.plain && lanes > 1 && (info?.chunkJvp || runtimeLanes)) {
      const { value, tangents } = info?.chunkJvp ? chunkedPasses(info, sel, lanes) : dualLanePasses(f, sel, lanes);
      const rows = vectorResult(sel, value).length;
      return fromColumns(tangents.map(asColumn), rows) as Matrix;
    }
    const columns = forwardColumns(f, sel);
    const rows = n === 0 ? vectorResult(sel, runnable(f, sel)(...sel.args)).length : columns[0].length;
    return fromColumns(columns, rows) as Matrix;
  };
}

/** The Jacobian by reverse mode: one run on a tape — the record form's, or the runtime's — and one sweep per output. */
function reverseRows(f: AnyFunction, info: DerivativeInfo | undefined, sel: Selection): Matrix {
  const recorded = info && canRecord(info) && sel.plain ? tryRecordedRows(info, sel) : undefined;
  if (recorded) {
    vectorResult(sel, recorded.value);
    return recorded.rows;
  }
  return onReleasedTape(sel, (run) => {
    const outputs = vectorResult(sel, runnable(f, sel)(...sel.with(run.inputs)));
    // As on every route: where an output is NaN, so is each of its derivatives.
    return outputs.map((output) => nanRowWhereValueIs(primal(output), adjoints(run, output))) as Matrix;
  });
}

/**
 * The Hessian of a scalar function over the selected input scalars.
 * mode "reverse" (the default, as JAX's hessian): forward over reverse, one
 * tape and one sweep per column, n passes; "forward": forward over forward,
 * nested Duals, n² passes — and the default inside another derivative or in
 * NaN-safe mode, where reverse mode does not run.
 */
export function hessian<F extends AnyFunction>(f: F, options: DerivativeOptions = {}): (...args: Parameters<F>) => Matrix {
  return (...args) => {
    const sel = select("hessian", f, args, options);
    const n = sel.values.length;
    const mode = checkMode(sel, options.mode);
    const reverse = hessianByReverse(sel, mode);
    const g = runnable(f, sel);
    return sel.values.map((_, j) => {
      if (reverse) {
        return onReleasedTape(sel, (run) => {
          const { result, tag } = forwardRun(g, sel, unit(n, j), run.inputs);
          return adjoints(run, split(scalarResult(sel, result), tag)[1] as Real);
        });
      }
      const { gradient, tag } = gradientAlong(g, sel, j);
      return gradient.map((g) => split(g, tag)[1]);
    }) as Matrix;
  };
}

/** The gradient evaluated with slot j perturbed along a fresh outer tag: column j of the Hessian. */
function gradientAlong(f: AnyFunction, sel: Selection, j: number): { gradient: Real[]; tag: number } {
  const { args, tag } = forwardSeed(sel, unit(sel.values.length, j));
  const inner = select("hessian", f, args, { wrt: [...sel.params] }, sel.signature);
  return { gradient: flatGradient(f, inner, "forward").gradient, tag };
}
