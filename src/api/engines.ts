// Running a function once in forward or reverse mode: seeding the selected
// scalars with Duals or tape variables. What the API functions do with the
// results (gradients, Jacobians, Hessians) is in derivatives.ts.

import { Dual, freshTag, type Real } from "../dual.js";
import { Tape, Var } from "../reverse/tape.js";
import type { Selection } from "./selection.js";

/** The arguments with slot k holding Dual(tag, value, tangents[k]) for a fresh tag; a zero tangent seeds no Dual. */
export function forwardSeed(sel: Selection, tangents: readonly Real[], values: readonly Real[] = sel.values): { args: unknown[]; tag: number } {
  const tag = freshTag();
  const reals = values.map((v, k) => (tangents[k] === 0 ? v : new Dual(tag, v, tangents[k])));
  return { args: sel.with(reals), tag };
}

/** Runs f once on forwardSeed's arguments. */
export function forwardRun(f: Function, sel: Selection, tangents: readonly Real[], values: readonly Real[] = sel.values): { result: unknown; tag: number } {
  const { args, tag } = forwardSeed(sel, tangents, values);
  return { result: f(...args), tag };
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

/** Every selected slot as a fresh input on a new tape. */
export function reverseInputs(sel: Selection): { tape: Tape; inputs: Var[] } {
  const tape = new Tape();
  const inputs = sel.values.map((value, k) => {
    if (typeof value !== "number") {
      throw new Error(
        `${sel.caller}: reverse mode was asked for inside another derivative (${sel.slotName(sel.slots[k])} is not a plain number). ` +
          `Nest forward mode instead: leave mode unset for the inner derivative.`,
      );
    }
    return tape.input(value, sel.slotName(sel.slots[k]));
  });
  return { tape, inputs };
}

/** Runs f once with reverseInputs' variables in the selected slots. */
export function reverseRun(f: Function, sel: Selection): ReverseRun {
  const { tape, inputs } = reverseInputs(sel);
  return { tape, inputs, result: f(...sel.with(inputs)) };
}

/** ∂output/∂input for every input: one backward sweep (zeros when output does not depend on the tape). */
export function adjoints(run: { tape: Tape; inputs: Var[] }, output: Real): number[] {
  if (!(output instanceof Var) || output.tape !== run.tape) return run.inputs.map(() => 0);
  run.tape.backward(output);
  return run.inputs.map((input) => input.adjoint);
}
