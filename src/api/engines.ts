// Running a function once in forward or reverse mode: seeding the selected
// scalars with Duals or tape variables (a function compiled by the transform
// runs its generated code instead: generated.ts). What the API functions do
// with the results (gradients, Jacobians, Hessians) is in derivatives.ts.

import { Dual, freshTag, type Real, type Tangent } from "../dual.js";
import { genericOperations } from "../ops.js";
import { label } from "../reverse/label.js";

/** What a compiled function's generic form calls: the rules' operations, primal, and label. */
const compiledOperations = { ...genericOperations, label: label as unknown as (...args: Real[]) => Real };
import { derivativeInfo } from "../registry.js";
import { Tape, Var } from "../reverse/tape.js";
import { lanesOf } from "../lanes.js";
import { generatedPass } from "./generated.js";
import { nanWhereValueIs, split } from "./results.js";
import { isReal, isRealArray, type Selection } from "./selection.js";
import { kindOf } from "./values.js";
import { factsOf, jvpRoute, lanesFor } from "./routes.js";

/**
 * f as a function over Reals: a compiled function's generic form, or f
 * itself. JavaScript operators applied to a Dual throw; for a function the
 * transform has not processed, the error says how to enable it.
 */
export function runnable(f: Function, sel: Selection): (...args: unknown[]) => unknown {
  const info = derivativeInfo(f);
  if (info) return (...args) => info.generic(compiledOperations, ...args);
  return (...args) => {
    try {
      return f(...args);
    } catch (error) {
      throw explained(error, sel.caller, sel.signature.name);
    }
  };
}

/**
 * The error a function over Reals threw, for the caller to throw: where it is a JavaScript operator
 * applied to a Dual or tape variable, a TypeError saying how to make the function differentiable.
 */
export function explained(error: unknown, caller: string, name: string): unknown {
  if (!(error instanceof TypeError && /JavaScript operator/.test(error.message))) return error;
  return new TypeError(
    `${caller}: ${name} applies JavaScript operators to its inputs and was not compiled by the dualts transform. ` +
      `Mark it /** @differentiable */ (or wrap it in differentiable(…)) and compile with the transform: ` +
      `the tspc plugin "dualts/transformer", the Vite plugin "dualts/vite", or \`dualts gen\`. ` +
      `Functions written with dualts' operations (mul, add, …) need no transform.`,
    { cause: error },
  );
}

/** The value and tangent of one forward pass: numbers for a scalar result, arrays for a vector one. */
export interface ForwardPass {
  readonly value: unknown;
  readonly tangent: unknown;
}

/** One forward pass along `tangents` (one per selected slot), by routes.ts's jvpRoute: the generated JVP, or Duals. */
export function forwardPass(f: Function, sel: Selection, tangents: readonly Real[]): ForwardPass {
  const info = derivativeInfo(f);
  if (jvpRoute(factsOf(info), sel) === "jvp") return generatedPass(info!, sel, tangents);
  return dualPass(f, sel, tangents);
}

/** One forward pass along `tangents` on Duals: f over the runtime's operations, or a compiled function's generic form. */
export function dualPass(f: Function, sel: Selection, tangents: readonly Real[]): ForwardPass {
  const { result, tag } = forwardRun(runnable(f, sel), sel, tangents);
  if (isReal(result)) {
    const [value, tangent] = split(result, tag);
    return { value, tangent: nanWhereValueIs(value, tangent) };
  }
  if (isRealArray(result)) {
    const outputs = result;
    const value = new Array<Real>(outputs.length);
    const tangent = new Array<Tangent>(outputs.length);
    for (let i = 0; i < outputs.length; i++) [value[i], tangent[i]] = split(outputs[i], tag);
    return { value, tangent: nanWhereValueIs(value, tangent) };
  }
  return { value: result, tangent: undefined };
}

/** The arguments with slot k holding Dual(tag, value, tangents[k]) for a fresh tag; a zero tangent seeds no Dual. */
export function forwardSeed(sel: Selection, tangents: readonly Real[], values: readonly Real[] = sel.values): { args: unknown[]; tag: number } {
  const tag = freshTag();
  const reals = values.map((v, k) => (tangents[k] === 0 ? v : new Dual(tag, v, tangents[k])));
  return { args: sel.with(reals), tag };
}

/** Runs f (a function over Reals) once on forwardSeed's arguments. */
export function forwardRun(f: Function, sel: Selection, tangents: readonly Real[], values: readonly Real[] = sel.values): { result: unknown; tag: number } {
  const { args, tag } = forwardSeed(sel, tangents, values);
  return { result: f(...args), tag };
}

/**
 * A gradient of a function over Reals by forward mode, one tangent per pass:
 * pass k seeds slot k with a Dual of a fresh tag and tangent 1. The arguments
 * are laid out once; between passes only the elements of array arguments
 * are put back (the function may have written to them), so a pass costs the
 * function's run rather than a fresh copy of every argument.
 */
export function unitPasses(f: Function, sel: Selection): { value: unknown; tangents: Real[] } {
  const g = runnable(f, sel);
  const args = sel.with(sel.values);
  const { slotParams, slotIndices } = sel;
  // Array elements as [array, index, value]: put back between passes where the function changed them.
  const inArrays: (readonly [Real[], number, Real])[] = [];
  for (let k = 0; k < slotIndices.length; k++) if (slotIndices[k] >= 0) inArrays.push([args[slotParams[k]] as Real[], slotIndices[k], sel.values[k]]);
  const tangents = new Array<Real>(sel.values.length);
  let value: unknown;
  for (let k = 0; k < sel.values.length; k++) {
    if (k > 0) {
      for (const [array, index, value] of inArrays) if (array[index] !== value) array[index] = value;
    }
    const tag = freshTag();
    sel.put(args, k, new Dual(tag, sel.values[k], 1));
    const result = g(...args);
    sel.put(args, k, sel.values[k]);
    if (!isReal(result)) return { value: result, tangents };
    const [primal, tangent] = split(result, tag);
    if (k === 0) value = primal;
    tangents[k] = tangent as Real;
  }
  return { value, tangents };
}

/** The k-th unit vector of length n. */
export function unit(n: number, k: number): number[] {
  const e = new Array<number>(n).fill(0);
  e[k] = 1;
  return e;
}

export interface ReverseRun {
  readonly tape: Tape;
  readonly inputs: Var[];
  readonly result: unknown;
}

/**
 * Every selected slot as a fresh input on a new tape; with `named`, each
 * labelled with its parameter's name (`x[3]`) for the graph (trace). A
 * derivative that only reads adjoints leaves them out: a name is a string
 * built per input.
 */
export function reverseInputs(sel: Selection, named = false): { tape: Tape; inputs: Var[] } {
  const tape = new Tape();
  const inputs = sel.values.map((value, k) => {
    if (typeof value !== "number") {
      throw new Error(
        `${sel.caller}: reverse mode was asked for inside another derivative (${sel.slotName(sel.slot(k))} is not a plain number). ` +
          `Nest forward mode instead: leave mode unset for the inner derivative.`,
      );
    }
    return tape.input(value, named ? sel.slotName(sel.slot(k)) : undefined);
  });
  return { tape, inputs };
}

/**
 * use(reverseInputs(sel)) for a derivative that reads only adjoints and
 * values, the tape released afterwards (Tape.release), its storage for the
 * next tape.
 */
export function onReleasedTape<T>(sel: Selection, use: (run: { tape: Tape; inputs: Var[] }) => T): T {
  const run = reverseInputs(sel);
  try {
    return use(run);
  } finally {
    run.tape.release();
  }
}

/** Runs f once with reverseInputs' variables, named, in the selected slots (for trace). */
export function reverseRun(f: Function, sel: Selection): ReverseRun {
  const { tape, inputs } = reverseInputs(sel, true);
  return { tape, inputs, result: f(...sel.with(inputs)) };
}

/**
 * ∂output/∂input for every input: one backward sweep (zeros when output does
 * not depend on the tape). An output that is a Dual over this tape's
 * variables — the function closed over an outer derivative's variable, so
 * its result carries that derivative's tag — gives Duals of that tag: the
 * sweep from its primal plus ε times the sweep from its tangent.
 */
export function adjoints(run: { tape: Tape; inputs: Var[] }, output: Real): Real[] {
  if (output instanceof Dual && !(output.tangent instanceof Float64Array)) {
    const primals = adjoints(run, output.primal);
    const tangents = adjoints(run, output.tangent);
    return primals.map((p, i) => new Dual(output.tag, p, tangents[i]));
  }
  if (!(output instanceof Var) || output.tape !== run.tape) return run.inputs.map(() => 0);
  run.tape.backward(output);
  return run.inputs.map((input) => input.adjoint);
}

/** A reverse run's value: a variable's number, and a Dual over variables as a Dual over their numbers. */
export function valueOf(output: Real): Real {
  if (output instanceof Var) return output.value;
  if (output instanceof Dual && !(output.tangent instanceof Float64Array)) return new Dual(output.tag, valueOf(output.primal), valueOf(output.tangent));
  return output;
}

/** The lanes per pass (routes.ts's lanesFor), a requested chunk checked first: a whole number of at least 1. */
export function chunkSize(n: number, requested: number | undefined, caller: string | { readonly caller: string }): number {
  if (requested !== undefined) {
    if (!Number.isInteger(requested) || requested < 1) {
      // A Selection names its caller only here, for the message.
      const given = typeof requested === "number" ? String(requested) : kindOf(requested);
      throw new RangeError(`${typeof caller === "string" ? caller : caller.caller}: chunk must be a whole number of at least 1, not ${given}`);
    }
  }
  return lanesFor(n, requested);
}

/**
 * Forward passes of a function over the runtime's operations in chunk mode:
 * Duals whose tangents are K lanes, K seeds per pass (see src/lanes.ts).
 * Returns the value and, per selected slot, the derivative of the result: a
 * number for a number result, and for an array one entry per output (NaN
 * where that output is NaN, the rule on every route).
 */
export function dualLanePasses(f: Function, sel: Selection, lanes: number): { value: unknown; tangents: unknown[] } {
  const g = runnable(f, sel);
  const n = sel.values.length;
  const tangents = new Array<unknown>(n);
  let value: unknown;
  for (let start = 0; start < n; start += lanes) {
    const tag = freshTag();
    const reals = sel.values.map((v, k) => {
      if (k < start || k >= start + lanes) return v;
      const seed = new Float64Array(lanes);
      seed[k - start] = 1;
      return new Dual(tag, v, seed);
    });
    const result = g(...sel.with(reals));
    if (isRealArray(result)) {
      value = laneColumns(result, tag, lanes, tangents, start);
      continue;
    }
    if (!isReal(result)) return { value: result, tangents };
    const [primal, tangent] = split(result, tag);
    value = primal;
    const laneValues = lanesOf(tangent, lanes);
    for (let lane = 0; lane < lanes && start + lane < n; lane++) tangents[start + lane] = laneValues[lane];
  }
  return { value, tangents };
}

/** One chunk-mode pass's Jacobian columns start … start + K − 1, from the outputs' lanes, into `columns`; returns the outputs' values. */
function laneColumns(outputs: ArrayLike<Real>, tag: number, lanes: number, columns: unknown[], start: number): Real[] {
  const values = new Array<Real>(outputs.length);
  const count = Math.min(lanes, columns.length - start);
  for (let lane = 0; lane < count; lane++) columns[start + lane] = new Array<Real>(outputs.length);
  for (let i = 0; i < outputs.length; i++) {
    const [value, tangent] = split(outputs[i], tag);
    values[i] = value;
    const laneValues = lanesOf(tangent, lanes);
    for (let lane = 0; lane < count; lane++) (columns[start + lane] as Real[])[i] = value !== value ? NaN : laneValues[lane];
  }
  return values;
}
