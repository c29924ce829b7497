// Running the transform's generated code for the API: the JVP (one tangent,
// or one pass per selected input), the chunk-mode JVP (K lanes per pass), the
// gradient form (grad's one pass over a few numbers) and the record form
// (generated reverse mode, on a linear tape). The seeds go in
// and the derivatives come out in the selection's order; the rule that a NaN
// value makes every derivative NaN is applied here, as the runtime applies it
// per operation. engines.ts runs everything else (Duals, the runtime's tape).

import type { Real } from "../dual.js";
import type { DerivativeInfo } from "../registry.js";
import { withTape, type LinearTape } from "../reverse/linear.js";
import type { ForwardPass } from "./engines.js";
import { finiteNumbers } from "./plan.js";
import { gradientPoisoned, nanRowWhereValueIs, nanWhereValueIs } from "./results.js";
import type { Selection } from "./selection.js";

/** The arguments of a call of generated code, and where each differentiable parameter's derivative argument sits. */
interface Layout {
  readonly args: unknown[];
  /** The position in args of each parameter's tangent (seed lanes, nodes); -1 for a parameter outside wrt. */
  readonly at: readonly number[];
}

/**
 * The arguments, one value slot per declared parameter, each differentiable parameter followed by
 * what `derivativeFor` makes for it — except one the call omits, whose value and derivative slots
 * are both undefined (the generated code computes them from the parameter's default).
 */
function layout(info: DerivativeInfo, sel: Selection, derivativeFor: (arg: unknown, param: number) => unknown): Layout {
  const args: unknown[] = [];
  const declared = info.parameters.length;
  const at = new Array<number>(declared).fill(-1);
  for (let i = 0; i < declared; i++) {
    const arg = sel.args[i];
    args.push(arg);
    if (!info.wrt.includes(i)) continue;
    if (sel.omits(i)) {
      args.push(undefined);
      continue;
    }
    at[i] = args.length;
    args.push(derivativeFor(arg, i));
  }
  return { args, at };
}

/** A zero tangent shaped like the argument: 0, or an array of zeros. */
const zeroTangent = (arg: unknown) => (typeof arg === "number" ? 0 : new Array<number>((arg as ArrayLike<number>).length).fill(0));

/** Sets selected slot k's tangent in a layout of zero tangents. */
function setTangent({ args, at }: Layout, sel: Selection, k: number, tangent: number): void {
  const index = sel.slotIndices[k];
  if (index < 0) args[at[sel.slotParams[k]]] = tangent;
  else (args[at[sel.slotParams[k]]] as number[])[index] = tangent;
}

/** Calls the generated JVP: each differentiable parameter followed by its tangent (zeros where not selected). */
export function generatedPass(info: DerivativeInfo, sel: Selection, tangents: readonly Real[]): ForwardPass {
  const call = layout(info, sel, zeroTangent);
  for (let k = 0; k < sel.values.length; k++) setTangent(call, sel, k, tangents[k] as number);
  const [value, tangent] = info.jvp!(...call.args);
  return { value, tangent: nanWhereValueIs(value, tangent) };
}

/**
 * The generated JVP once per selected slot, along slot k in pass k: the
 * arguments and zero tangents laid out once, and between passes only the
 * seeded entry reset. (The transform refuses a function that writes into a
 * differentiated array, DUALTS1012, so neither the point nor the tangent
 * arrays change from pass to pass.) Returns the value
 * and, per slot, the derivative (a number, or an array for a vector result).
 */
export function generatedUnitPasses(info: DerivativeInfo, sel: Selection): { value: unknown; tangents: unknown[] } {
  const call = layout(info, sel, zeroTangent);
  const tangents = new Array<unknown>(sel.values.length);
  let value: unknown;
  for (let k = 0; k < sel.values.length; k++) {
    setTangent(call, sel, k, 1);
    const [result, tangent] = info.jvp!(...call.args);
    // Read before the seed is cleared: a function that returns its parameter returns its tangent array.
    tangents[k] = nanWhereValueIs(result, tangent);
    setTangent(call, sel, k, 0);
    if (k === 0) value = result;
  }
  return { value, tangents };
}

/**
 * Generated reverse mode: one run of a compiled function's record form, each
 * selected parameter an input node (one per element for an array), then one
 * backward sweep over the tape per output. Returns the value and, per output
 * (one for a number result), ∂output/∂slot for every selected slot; where an
 * output is NaN, so is each of its derivatives.
 */
export function recordedRows(info: DerivativeInfo, sel: Selection): { value: unknown; rows: number[][] } {
  return withTape((tape) => {
    const { value, outputs, slotAdjoints } = recordedRun(info, sel, tape);
    const values = typeof value === "number" ? [value] : Array.from(value as ArrayLike<number>);
    const rows = outputs.map((node, r) => nanRowWhereValueIs(values[r], slotAdjoints(tape.backward(node))));
    return { value, rows };
  });
}

/** What one run of a record form leaves: its value, its output node(s), and how to read each selected slot's adjoint. */
export interface RecordedRun {
  readonly value: unknown;
  /** The result's node: one for a number result, one per output for an array. */
  readonly outputs: number[];
  /** Every selected slot's adjoint, in the selection's order, from a sweep's adjoints. */
  readonly slotAdjoints: (adjoints: ArrayLike<number>) => number[];
}

/** Runs a compiled function's record form once on `tape`, each selected parameter an input node (one per element for an array). */
export function recordedRun(info: DerivativeInfo, sel: Selection, tape: LinearTape): RecordedRun {
  const call = layout(info, sel, inputNodes(tape));
  const [value, output] = info.record!(tape, ...call.args) as [unknown, number | ArrayLike<number>];
  const outputs = typeof output === "number" ? [output] : Array.from(output);
  return { value, outputs, slotAdjoints: (adjoints) => slotAdjoints(call, sel, adjoints) };
}

/**
 * grad in reverse mode by the record form's twin, which skips the work only
 * the value needs: ∂f/∂slot for every selected slot, from a tape recorded
 * exactly as the record form records it; undefined where the twin found that
 * the value might not be finite (then recordedRows must run, for the NaN rule).
 */
export function recordedGradient(info: DerivativeInfo, sel: Selection): number[] | undefined {
  return withTape((tape) => {
    const call = layout(info, sel, inputNodes(tape));
    const output = info.recordGradient!(tape, ...call.args);
    if (output === undefined) return undefined;
    return slotAdjoints(call, sel, tape.backward(output));
  });
}

/** A parameter's input node(s) on the tape: one for a number, one per element for an array. */
const inputNodes = (tape: LinearTape) => (arg: unknown) => (typeof arg === "number" ? tape.input() : tape.inputs((arg as ArrayLike<number>).length));

/** Every selected slot's adjoint, read through its parameter's input node(s). */
function slotAdjoints(call: Layout, sel: Selection, adjoints: ArrayLike<number>): number[] {
  const out = new Array<number>(sel.values.length);
  for (let k = 0; k < out.length; k++) {
    const nodes = call.args[call.at[sel.slotParams[k]]] as number | ArrayLike<number>;
    out[k] = adjoints[typeof nodes === "number" ? nodes : nodes[sel.slotIndices[k]]];
  }
  return out;
}

type Lanes = number[] | Float64Array;

/**
 * Seed arrays kept per compiled function from one call to the next, all
 * zeros between calls: making a Float64Array of more than 64 bytes costs V8
 * about a microsecond, as much as a small function's whole pass. `busy`
 * while a call uses them (a call inside that call makes its own).
 */
const keptSeeds = new WeakMap<DerivativeInfo, { readonly sizes: readonly number[]; readonly seeds: readonly Lanes[]; busy: boolean }>();

/** Zero seeds for the call's differentiable parameters, in order: a number's K lanes in a plain array (as lanes.ts keeps its own), an array's n·K in a Float64Array. */
function zeroSeeds(info: DerivativeInfo, sel: Selection, lanes: number): { seeds: readonly Lanes[]; release: () => void } {
  // A parameter the call omits has no seed (layout gives it none): size 0, an empty array.
  const sizes = info.wrt.map((i) => (sel.omits(i) ? 0 : typeof sel.args[i] === "number" ? -lanes : (sel.args[i] as ArrayLike<number>).length * lanes));
  const kept = keptSeeds.get(info);
  if (kept && !kept.busy && kept.sizes.length === sizes.length && kept.sizes.every((size, j) => size === sizes[j])) {
    kept.busy = true;
    return { seeds: kept.seeds, release: () => (kept.busy = false) };
  }
  const seeds = sizes.map((size) => (size < 0 ? new Array<number>(-size).fill(0) : new Float64Array(size)));
  if (kept?.busy) return { seeds, release: () => {} };
  const made = { sizes, seeds, busy: true };
  keptSeeds.set(info, made);
  return { seeds, release: () => (made.busy = false) };
}

/**
 * Forward passes of a compiled function's chunk-mode JVP, K seeds per pass:
 * ⌈n / K⌉ passes instead of n. Returns the value and, per selected slot, the
 * derivative of the result (a number, or an array for a vector result).
 * The generated code copies a tangent array before writing to it, so the
 * seeds are only read: each pass sets its K ones and clears them after.
 */
export function chunkedPasses(info: DerivativeInfo, sel: Selection, lanes: number): { value: unknown; tangents: unknown[] } {
  const n = sel.values.length;
  const tangents = new Array<unknown>(n);
  const { seeds, release } = zeroSeeds(info, sel, lanes);
  const call = layout(info, sel, (_, param) => seeds[info.wrt.indexOf(param)]);
  /** Sets slot k's entry in its pass's seeds (the pass starting at slot `start`): its one, or back to zero. */
  const seat = (k: number, start: number, one: number) => {
    const index = sel.slotIndices[k];
    (call.args[call.at[sel.slotParams[k]]] as Lanes)[(index < 0 ? 0 : index * lanes) + k - start] = one;
  };
  let value: unknown;
  try {
    for (let start = 0; start < n; start += lanes) {
      const end = Math.min(start + lanes, n);
      for (let k = start; k < end; k++) seat(k, start, 1);
      try {
        const [result, tangent] = info.chunkJvp!(lanes, ...call.args) as [unknown, ArrayLike<number>];
        value = result;
        // Read before the seeds are cleared: a function that returns its parameter returns its seed.
        for (let k = start; k < end; k++) {
          const lane = k - start;
          tangents[k] = typeof result === "number" ? (result !== result ? NaN : tangent[lane]) : column(result as ArrayLike<number>, tangent, lanes, lane);
        }
      } finally {
        for (let k = start; k < end; k++) seat(k, start, 0);
      }
    }
  } finally {
    release();
  }
  return { value, tangents };
}

/** A vector result's derivatives along one lane: output j's entry of that lane, NaN where output j is. */
function column(result: ArrayLike<number>, tangent: ArrayLike<number>, lanes: number, lane: number): number[] {
  const out = new Array<number>(result.length);
  for (let j = 0; j < result.length; j++) out[j] = result[j] !== result[j] ? NaN : tangent[j * lanes + lane];
  return out;
}

/**
 * The gradient form: ∂f/∂slot for every selected slot from one pass that
 * skips the work only the value needs; undefined where the function has no
 * gradient form, or where the form found that the value might not be finite
 * and the chunk-mode JVP must run (then the NaN rule applies there). Each
 * entry is the chunk-mode JVP's, bit for bit (transformer/emit/gradient.ts).
 */
export function gradientPass(info: DerivativeInfo, sel: Selection): number[] | undefined {
  const gradient = info.gradient?.(...sel.args);
  return gradient && sel.slotParams.map((param) => gradient[info.wrt.indexOf(param)]);
}

/** Compiled functions whose record form met a callee without one (__dualtsRecord): their reverse mode runs on the runtime's tape. */
const recordless = new WeakSet<DerivativeInfo>();

/** Whether a compiled function's reverse mode can run its record form. */
export function canRecord(info: DerivativeInfo): boolean {
  return info.record !== undefined && !recordless.has(info);
}

/**
 * recordedRows, or undefined where the record form called a function of
 * another module that has none (remembered, so that later calls go to the
 * runtime's tape directly).
 */
export function tryRecordedRows(info: DerivativeInfo, sel: Selection): { value: unknown; rows: number[][] } | undefined {
  return unlessRecordless(info, () => recordedRows(info, sel));
}

/** recordedRun, or undefined where the record form called a function of another module that has none (as tryRecordedRows). */
export function tryRecordedRun(info: DerivativeInfo, sel: Selection, tape: LinearTape): RecordedRun | undefined {
  return unlessRecordless(info, () => recordedRun(info, sel, tape));
}

/** recordedGradient, or undefined where it defers or where the twin called a function of another module that has no record form. */
export function tryRecordedGradient(info: DerivativeInfo, sel: Selection): number[] | undefined {
  return unlessRecordless(info, () => recordedGradient(info, sel));
}

function unlessRecordless<T>(info: DerivativeInfo, run: () => T): T | undefined {
  try {
    return run();
  } catch (error) {
    if (!(error instanceof Error && (error as Error & { dualtsNoRecord?: boolean }).dualtsNoRecord)) throw error;
    recordless.add(info);
    return undefined;
  }
}

/**
 * A plan's one-pass gradient of a compiled scalar function (plan.ts): its
 * gradient form, or its chunk-mode JVP with every selected input in one pass
 * (n ≤ lanes) — the call laid out once per plan, the unit seeds made once
 * (the generated code copies a tangent before writing to it, so they are
 * only read), each call writing its arguments into their slots. Returns
 * [value, flat gradient] (the value undefined for the gradient form), or
 * undefined where the form defers or a NaN entry is poison.ts's case: the
 * plan's general route then answers.
 */
export function onePassGradient(info: DerivativeInfo, sel: Selection, form: "gradient" | "chunk"): (args: readonly unknown[]) => [number | undefined, number[]] | undefined {
  const n = sel.values.length;
  if (form === "gradient") {
    // The form's entries are in wrt's order; the selection's slots may be fewer, or in another order.
    const order = sel.slotParams.map((param) => info.wrt.indexOf(param));
    const inOrder = order.length === info.wrt.length && order.every((j, k) => j === k);
    const gradientForm = info.gradient!;
    return (args) => {
      const gradient = gradientForm(...args);
      if (!gradient) return undefined;
      const picked = inOrder ? gradient : order.map((j) => gradient[j]);
      return gradientPoisoned(0, picked) ? undefined : [undefined, picked];
    };
  }
  // Slot k is lane k: a number's seed is K lanes (a plain array, as lanes.ts keeps its own), an array's n·K in a Float64Array.
  const call = layout(info, sel, (arg) => (typeof arg === "number" ? new Array<number>(n).fill(0) : new Float64Array((arg as ArrayLike<number>).length * n)));
  for (let k = 0; k < n; k++) {
    const index = sel.slotIndices[k];
    (call.args[call.at[sel.slotParams[k]]] as Lanes)[(index < 0 ? 0 : index * n) + k] = 1;
  }
  // Each declared parameter's value slot: its derivative's follows it where it is differentiated.
  const valueSlots: number[] = [];
  for (let i = 0, slot = 0; i < info.parameters.length; i++, slot++) {
    valueSlots.push(slot);
    if (info.wrt.includes(i)) slot++;
  }
  const slots = call.args;
  const chunkJvp = info.chunkJvp!;
  return (args) => {
    for (let i = 0; i < valueSlots.length; i++) slots[valueSlots[i]] = args[i];
    const [value, tangent] = chunkJvp(n, ...slots) as [unknown, ArrayLike<number>];
    for (let i = 0; i < valueSlots.length; i++) slots[valueSlots[i]] = undefined;
    if (typeof value !== "number") return undefined;
    const gradient = new Array<number>(n);
    for (let k = 0; k < n; k++) gradient[k] = value !== value ? NaN : tangent[k];
    return gradientPoisoned(value, gradient) ? undefined : [value, gradient];
  };
}

/**
 * A plan's one-call JVP of a compiled function (plan.ts), where the selection is its wrt in order:
 * the tangents checked to be shaped like their parameters and finite (else undefined: the general
 * path checks and reports them), passed as plain arrays (a Float64Array too, so that the generated
 * code sees one kind of array), one call of the generated JVP, the NaN rule applied as
 * generatedPass applies it. Returns [value, tangent], or undefined where the result is not a number
 * or an array of them.
 */
export function onePassJvp(info: DerivativeInfo, sel: Selection): ((args: readonly unknown[], tangents: unknown) => [unknown, unknown] | undefined) | undefined {
  const wrt = info.wrt;
  const inOrder = sel.params.length === wrt.length && sel.params.every((param, j) => param === wrt[j]);
  if (!info.jvp || sel.packed || !sel.plain || !inOrder) return undefined;
  const jvpForm = info.jvp;
  // Per parameter, its place in wrt (-1: not differentiated).
  const wrtIndex = info.parameters.map((_, i) => wrt.indexOf(i));
  return (args, tangents) => {
    if (!Array.isArray(tangents) || tangents.length !== wrt.length) return undefined;
    for (let j = 0; j < wrt.length; j++) if (!sameShape(args[wrt[j]], tangents[j])) return undefined;
    // Each parameter, and after a differentiated one its tangent: tangents come in wrt's order, which may not be the parameters'.
    const slots: unknown[] = [];
    for (let i = 0; i < wrtIndex.length; i++) {
      slots.push(args[i]);
      if (wrtIndex[i] >= 0) slots.push(plainArray(tangents[wrtIndex[i]]));
    }
    const [value, tangent] = jvpForm(...slots) as [unknown, unknown];
    const result = typeof value === "number" || Array.isArray(value) || value instanceof Float64Array;
    return result ? [value, nanWhereValueIs(value, tangent)] : undefined;
  };
}

/** A Float64Array's numbers in a plain array; anything else as it is. */
function plainArray(x: unknown): unknown {
  if (!(x instanceof Float64Array)) return x;
  const out = new Array<number>(x.length);
  for (let i = 0; i < x.length; i++) out[i] = x[i];
  return out;
}

/** A finite number tangent for a number, or a tangent array of as many finite numbers for an array. */
function sameShape(arg: unknown, tangent: unknown): boolean {
  if (typeof arg === "number") return typeof tangent === "number" && tangent - tangent === 0;
  return (Array.isArray(tangent) || tangent instanceof Float64Array) && tangent.length === (arg as ArrayLike<number>).length && finiteNumbers(tangent);
}
