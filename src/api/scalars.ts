// The common cases of grad, valueAndGrad and jvp, called with no options,
// without the general machinery. The general path (selection.ts,
// derivatives.ts) selects, checks and shapes a call in about a microsecond,
// plus an object per array element — most of the time for a function like
// the lecture's polynomial, and 40× a JVP of a thousand numbers. Here:
//
//   grad, valueAndGrad   a compiled function of plain finite numbers (at most
//                        12 differentiated) or of one array of at most 12:
//                        one chunk-mode pass, seeds made once per function;
//                        grad takes the gradient form where there is one
//   jvp                  a compiled function at plain finite numbers and
//                        arrays of them: one call of the generated JVP
//   grad, valueAndGrad   a function over the runtime's operations of plain
//                        finite numbers and arrays of them: the general
//                        path's route (its tape, or one Dual per pass)
//
// Anything else — another argument kind, a non-finite input or tangent, a
// wrong count or shape, a call that omits a parameter or fills a rest
// parameter, a result that poison.ts's rule would run again — returns
// undefined, and the general path handles it (and reports any error). Each
// gives the general path's result bit for bit (chunk.test.ts).

import { Dual, freshTag, type Real } from "../dual.js";
import { Tape, Var } from "../reverse/tape.js";
import { isNanSafe } from "../nansafe.js";
import type { DerivativeInfo } from "../registry.js";
import { adjoints, explained, valueOf } from "./engines.js";
import { nanRowWhereValueIs, nanWhereValueIs } from "./results.js";
import { gradientPoisoned, poisoned, poisonedAlong } from "./poison.js";
import { shapeLike } from "./selection.js";
import { signatureOf } from "./signature.js";

/** Unit seeds of K = n lanes, one per differentiated parameter, made once per function. */
const seedsOf = new WeakMap<DerivativeInfo, number[][]>();

function seeds(info: DerivativeInfo): number[][] {
  let made = seedsOf.get(info);
  if (!made) {
    const n = info.wrt.length;
    // Plain arrays, as chunkedPasses seeds a number's lanes and as the generated code keeps its own:
    // a Float64Array here would make the chunk-mode JVP see two kinds of lanes.
    made = info.wrt.map((_, j) => {
      const seed = new Array<number>(n).fill(0);
      seed[j] = 1;
      return seed;
    });
    seedsOf.set(info, made);
  }
  return made;
}

/** Whether the chunk-mode path serves this function: at most 12 differentiated parameters, a number result. */
function servable(info: DerivativeInfo | undefined): info is DerivativeInfo {
  return info !== undefined && info.chunkJvp !== undefined && info.result === "scalar" && info.wrt.length > 0 && info.wrt.length <= 12;
}

/** A call that passes every declared parameter, and no rest parameter (the general path packs one). */
function passesEach(info: DerivativeInfo, args: readonly unknown[]): boolean {
  return args.length === info.parameters.length && info.rest !== true;
}

/** The direct paths' case: every parameter a number, and args one plain finite number for each. */
function numbersOnly(info: DerivativeInfo, args: readonly unknown[]): boolean {
  if (!passesEach(info, args) || info.kinds.some((kind) => kind !== "scalar")) return false;
  for (const arg of args) if (typeof arg !== "number" || !Number.isFinite(arg)) return false;
  return true;
}

/**
 * The generated code's arguments: each parameter, and after each
 * differentiated one what `derivative(j)` gives for it, j its place in wrt
 * (which follows the tag's order, not the parameters').
 */
function interleaved(info: DerivativeInfo, args: readonly unknown[], derivative: (j: number) => unknown): unknown[] {
  const slots: unknown[] = [];
  for (let i = 0; i < args.length; i++) {
    slots.push(args[i]);
    const j = info.wrt.indexOf(i);
    if (j >= 0) slots.push(derivative(j));
  }
  return slots;
}

/**
 * grad's gradient of a compiled function of plain finite numbers by its
 * gradient form, shaped as grad shapes it; null where the form defers to the
 * chunk-mode JVP (the value might not be finite), undefined where the call
 * is not this case.
 */
export function scalarGradientOnly(info: DerivativeInfo, args: readonly unknown[]): number | number[] | null | undefined {
  if (!info.gradient || !numbersOnly(info, args)) return undefined;
  const gradient = info.gradient(...args);
  if (!gradient) return null;
  // The form answers only where the value is finite (0 stands for it): a NaN entry is the general path's.
  if (gradientPoisoned(0, gradient)) return undefined;
  return gradient.length === 1 ? gradient[0] : gradient;
}

/**
 * jvp of a compiled function at plain finite inputs — numbers, and arrays of
 * them — with a tangent shaped like each differentiated parameter: one call
 * of the generated JVP, the tangent arrays passed as plain arrays (the
 * generated code copies a tangent before writing to it), the NaN rule applied as
 * generatedPass applies it; undefined where the call is not this case.
 */
export function directJvp(info: DerivativeInfo | undefined, args: readonly unknown[], tangents: readonly unknown[]): [unknown, unknown] | undefined {
  if (!info?.jvp || !passesEach(info, args) || !Array.isArray(tangents) || tangents.length !== info.wrt.length) return undefined;
  for (let j = 0; j < info.wrt.length; j++) if (!sameShape(args[info.wrt[j]], tangents[j])) return undefined;
  // Tangent arrays go in as plain arrays, as the general path and the gradient's passes give them: a
  // Float64Array here as well would make the generated code see two kinds of array, and slow it everywhere.
  const [value, tangent] = info.jvp(...interleaved(info, args, (j) => plainArray(tangents[j]))) as [unknown, unknown];
  const result = typeof value === "number" || Array.isArray(value) || value instanceof Float64Array;
  if (!result) return undefined;
  const checked = nanWhereValueIs(value, tangent);
  return poisonedAlong(value, checked) ? undefined : [value, checked];
}

/** A Float64Array's numbers in a plain array; anything else as it is. */
function plainArray(x: unknown): unknown {
  if (!(x instanceof Float64Array)) return x;
  const out = new Array<number>(x.length);
  for (let i = 0; i < x.length; i++) out[i] = x[i];
  return out;
}

/** A finite number and a finite number tangent, or an array of finite numbers and a tangent array of as many finite numbers. */
function sameShape(arg: unknown, tangent: unknown): boolean {
  if (typeof arg === "number") return Number.isFinite(arg) && typeof tangent === "number" && Number.isFinite(tangent);
  if (!finiteNumbers(arg) || !finiteNumbers(tangent) || tangent.length !== arg.length) return false;
  return true;
}

/** A number[] or Float64Array of finite numbers only. */
function finiteNumbers(x: unknown): x is ArrayLike<number> {
  if (!(x instanceof Float64Array || Array.isArray(x))) return false;
  for (let i = 0; i < x.length; i++) {
    const v: unknown = x[i];
    if (typeof v !== "number" || !Number.isFinite(v)) return false;
  }
  return true;
}

/**
 * [value, gradient] of a compiled scalar function at plain finite numbers, in
 * one chunk-mode pass (the generated code copies a tangent before writing to
 * it, so the seeds can be shared); undefined when the call is not that case.
 * The gradient is shaped as grad shapes it: a number for one parameter.
 */
export function scalarGradient(info: DerivativeInfo | undefined, args: readonly unknown[]): [number, number | number[]] | undefined {
  if (!servable(info) || !numbersOnly(info, args) || isNanSafe()) return undefined;
  const unit = seeds(info);
  const n = info.wrt.length;
  const [value, lanes] = info.chunkJvp!(n, ...interleaved(info, args, (j) => unit[j])) as [unknown, ArrayLike<number>];
  if (typeof value !== "number") return undefined;
  const gradient = passGradient(value, lanes, n);
  if (gradientPoisoned(value, gradient)) return undefined;
  return [value, n === 1 ? gradient[0] : gradient];
}

/** The first n lanes of one chunk-mode pass as a gradient; as everywhere, all NaN where the value is. */
function passGradient(value: number, lanes: ArrayLike<number>, n: number): number[] {
  const gradient = new Array<number>(n);
  for (let j = 0; j < n; j++) gradient[j] = lanes[j];
  return nanRowWhereValueIs(value, gradient) as number[];
}

/** Unit seeds for one array parameter of n elements, n lanes each (element i's lane i), made once per function and n. */
const arraySeedsOf = new WeakMap<DerivativeInfo, Float64Array[]>();

function arraySeed(info: DerivativeInfo, n: number): Float64Array {
  let made = arraySeedsOf.get(info);
  if (!made) arraySeedsOf.set(info, (made = []));
  if (!made[n]) {
    made[n] = new Float64Array(n * n);
    for (let i = 0; i < n; i++) made[n][i * n + i] = 1;
  }
  return made[n];
}

/**
 * [value, gradient] of a compiled scalar function whose one differentiated
 * parameter is an array of 1–12 plain finite numbers (a number[] or a
 * Float64Array), in one chunk-mode pass of n lanes as the general path's
 * chunkedPasses runs it; undefined when the call is not that case.
 */
export function arrayGradient(info: DerivativeInfo | undefined, args: readonly unknown[]): [number, number[]] | undefined {
  if (info?.chunkJvp === undefined || info.result !== "scalar" || info.wrt.length !== 1 || !passesEach(info, args) || isNanSafe()) return undefined;
  const x = args[info.wrt[0]];
  if (!finiteNumbers(x) || x.length === 0 || x.length > 12) return undefined;
  const n = x.length;
  const seed = arraySeed(info, n);
  const [value, lanes] = info.chunkJvp(n, ...interleaved(info, args, () => seed)) as [unknown, ArrayLike<number>];
  if (typeof value !== "number") return undefined;
  const gradient = passGradient(value, lanes, n);
  return gradientPoisoned(value, gradient) ? undefined : [value, gradient];
}

/**
 * [value, gradient] of a function over the runtime's operations whose every
 * argument is a plain finite number or an array of them (the default
 * selection then takes them all), by the route the general path would take
 * for that many input scalars — the runtime's tape (one run, one sweep), or
 * one Dual of a fresh tag per pass — every derivative NaN where the value is,
 * shaped as grad shapes it. Undefined where the call is not this case (no
 * route: lanes; a wrong count of arguments) or f returns anything but a
 * number or a variable of this tape (a Dual of this pass): the general path
 * then runs the call and reports.
 */
export function runtimeScalarGradient(
  api: string, f: Function, args: readonly unknown[], routeFor: (inputs: number) => "tape" | "duals" | undefined,
): [number, number | number[] | (number | number[])[]] | undefined {
  const signature = signatureOf(f);
  if (args.length === 0 || args.length < signature.required || (!signature.variadic && args.length > signature.parameters.length)) return undefined;
  const inputs = flatInputs(args);
  const route = inputs && inputs.length > 0 ? routeFor(inputs.length) : undefined;
  if (!inputs || route === undefined) return undefined;
  const call = (values: readonly Real[]): unknown => {
    try {
      return f(...rebuilt(args, values));
    } catch (error) {
      throw explained(error, `${api}(${signature.name})`, signature.name);
    }
  };
  const result = route === "tape" ? onTape(call, inputs) : dualPasses(call, inputs);
  // Forward mode's result where poison.ts's rule would run it again: the general path's.
  if (!result || (route === "duals" && poisoned(result[0], result[1]))) return undefined;
  const value = result[0];
  // As on every route: where the value is NaN, so is every derivative.
  return [value, shapeLike(args, args.map((_, i) => i), nanRowWhereValueIs(value, result[1]) as number[])];
}

/** The arguments' numbers in order, arrays element by element; undefined unless each is a finite number or an array of them. */
function flatInputs(args: readonly unknown[]): number[] | undefined {
  const inputs: number[] = [];
  for (const arg of args) {
    if (typeof arg === "number") {
      if (!Number.isFinite(arg)) return undefined;
      inputs.push(arg);
    } else if (finiteNumbers(arg)) {
      for (let i = 0; i < arg.length; i++) inputs.push(arg[i]);
    } else return undefined;
  }
  return inputs;
}

/** The arguments with flatInputs' numbers replaced by `values`: an array becomes a new plain array (a Float64Array cannot hold Duals). */
function rebuilt(args: readonly unknown[], values: readonly Real[]): unknown[] {
  const out = new Array<unknown>(args.length);
  let k = 0;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (typeof arg === "number") out[i] = values[k++];
    else {
      const array = new Array<Real>((arg as ArrayLike<number>).length);
      for (let j = 0; j < array.length; j++) array[j] = values[k++];
      out[i] = array;
    }
  }
  return out;
}

/** One run on a new tape and one backward sweep (engines.ts's reverseInputs and adjoints, without a selection). */
function onTape(call: (values: readonly Real[]) => unknown, inputs: readonly number[]): [number, number[]] | undefined {
  const tape = new Tape();
  try {
    const variables = inputs.map((value) => tape.input(value));
    const result = call(variables);
    if (typeof result !== "number" && !(result instanceof Var && result.tape === tape)) return undefined;
    return [valueOf(result) as number, adjoints({ tape, inputs: variables }, result) as number[]];
  } finally {
    tape.release();
  }
}

/** Pass k with input k a Dual of a fresh tag and tangent 1 (engines.ts's unitPasses, without a selection). */
function dualPasses(call: (values: readonly Real[]) => unknown, inputs: readonly number[]): [number, number[]] | undefined {
  const values: Real[] = inputs.slice();
  const gradient = new Array<number>(inputs.length);
  let value = 0;
  for (let k = 0; k < inputs.length; k++) {
    const tag = freshTag();
    values[k] = new Dual(tag, inputs[k], 1);
    let result = call(values);
    values[k] = inputs[k];
    if (typeof result === "number") gradient[k] = 0;
    else if (result instanceof Dual && result.tag === tag && typeof result.primal === "number" && typeof result.tangent === "number") {
      gradient[k] = result.tangent;
      result = result.primal;
    } else return undefined;
    if (k === 0) value = result as number;
  }
  return [value, gradient];
}
