// A reverse-mode recording kept for vjp's pullback. f runs once on a tape —
// a compiled function's record form on a linear tape (generated.ts) where it
// can run, else f (or a compiled function's generic form) on the runtime's
// tape — and the tape is kept, where the other derivatives release theirs as
// they return (engines.ts's onReleasedTape, linear.ts's withTape): each call
// of the pullback is then one backward sweep seeded with its cotangent
// (Tape.backwardFrom, LinearTape.backwardFrom), and f does not run again.
//
// Lifetime: the tape belongs to the recording and the recording to the
// pullback, so the tape lives exactly as long as the pullback is reachable
// and is garbage-collected with it. It is never given to the tape pools for
// reuse (a pullback may be called at any time, any number of times), so a
// vjp pays for a fresh tape's storage, as trace's tape does.

import { Dual, type Real } from "../dual.js";
import { derivativeInfo } from "../registry.js";
import { LinearTape } from "../reverse/linear.js";
import { Var, type Tape } from "../reverse/tape.js";
import { reverseInputs, runnable, valueOf } from "./engines.js";
import { tryRecordedRun } from "./generated.js";
import { factsOf, reverseRoute } from "./routes.js";
import { split, vectorResult } from "./results.js";
import { isReal, type Selection } from "./selection.js";

/** f run once on a tape that is kept: its value, and the backward sweep from any seeds on its outputs. */
export interface Recording {
  /** f's value: a number, or an array for an array result (Duals where f closes over an outer derivative's variable). */
  readonly value: Real | Real[];
  /** The result's length; undefined for a number result. */
  readonly outputs: number | undefined;
  /**
   * Σᵣ seeds[r] · ∂outputᵣ/∂slot for every selected slot, in the selection's order: one backward
   * sweep (one per outer derivative's tag as well, where f closes over such a variable). Where an
   * output is NaN and its seed is not 0, every entry is NaN: the rule of every route.
   */
  pull(seeds: readonly number[]): Real[];
}

/** Runs f once in reverse mode at the selection's point and keeps the tape: the record form where it can run, else the runtime's tape. */
export function record(f: Function, sel: Selection): Recording {
  const nested = sel.values.findIndex((value) => typeof value !== "number");
  if (nested >= 0) {
    throw new TypeError(
      `${sel.caller}: ${sel.slotName(sel.slot(nested))} is not a plain number: vjp runs reverse mode, which cannot run inside another derivative. ` +
        `Take the inner derivative with jvp or grad (forward mode nests), or move vjp outside.`,
    );
  }
  const info = derivativeInfo(f);
  if (reverseRoute(factsOf(info), sel) === "record") {
    const tape = new LinearTape();
    const run = tryRecordedRun(info!, sel, tape);
    if (run) {
      const scalar = typeof run.value === "number";
      const values: number[] = scalar ? [run.value as number] : Array.from(run.value as ArrayLike<number>);
      return {
        value: scalar ? values[0] : values,
        outputs: scalar ? undefined : values.length,
        pull: (seeds) => nanWhereSeededValueIs(values, seeds, run.slotAdjoints(tape.backwardFrom(run.outputs, seeds))),
      };
    }
  }
  return runtimeRecording(f, sel);
}

/** f, or a compiled function's generic form, run once on a new runtime tape that the recording keeps. */
function runtimeRecording(f: Function, sel: Selection): Recording {
  const run = reverseInputs(sel);
  const result = runnable(f, sel)(...sel.with(run.inputs));
  const scalar = isReal(result);
  const outputs = vectorResult(sel, result);
  const values = outputs.map(valueOf);
  return {
    value: scalar ? values[0] : values,
    outputs: scalar ? undefined : outputs.length,
    pull: (seeds) => nanWhereSeededValueIs(values, seeds, pulledBack(sel.caller, run, outputs, seeds)),
  };
}

/**
 * Σᵣ seeds[r] · ∂outputs[r]/∂input for every input of the run. Outputs that are Duals of an outer
 * derivative (f closed over its variable) give Duals of it, as engines.ts's adjoints does: the
 * sweep from their primal parts plus ε times the sweep from their tangent parts, the newest tag
 * first (it is the outermost layer of every Dual that carries it).
 */
function pulledBack(caller: string, run: { tape: Tape; inputs: Var[] }, outputs: readonly Real[], seeds: readonly number[]): Real[] {
  let newest: Dual | undefined;
  for (const output of outputs) if (output instanceof Dual && (newest === undefined || output.tag > newest.tag)) newest = output;
  if (newest !== undefined) {
    const tag = newest.tag;
    if (newest.tangent instanceof Float64Array) {
      throw new TypeError(`${caller}: the result carries chunk-mode tangents of an outer derivative whose variable the function closes over; give that derivative chunk: 1`);
    }
    const parts = outputs.map((output) => split(output, tag));
    const primals = pulledBack(
      caller,
      run,
      parts.map(([primal]) => primal),
      seeds,
    );
    const tangents = pulledBack(
      caller,
      run,
      parts.map(([, tangent]) => tangent as Real),
      seeds,
    );
    return primals.map((primal, i) => new Dual(tag, primal, tangents[i]));
  }
  // A variable of another tape is a constant here, as for adjoints.
  const own = outputs.map((output) => (output instanceof Var && output.tape === run.tape ? output : 0));
  run.tape.backwardFrom(own, seeds);
  return run.inputs.map((input) => input.adjoint);
}

/** The pulled-back entries, or NaN for every one where an output with a seed other than 0 is NaN. */
function nanWhereSeededValueIs(values: readonly Real[], seeds: readonly number[], pulled: Real[]): Real[] {
  for (let r = 0; r < values.length; r++) {
    const value = values[r];
    if (typeof value === "number" && value !== value && seeds[r] !== 0) return pulled.map(() => NaN);
  }
  return pulled;
}
