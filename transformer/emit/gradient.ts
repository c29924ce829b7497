// Stage 4d: the gradient form — grad's fast path for a function whose
// differentiated parameters are a few numbers. It is the chunk-mode JVP with
// two changes:
//
//   - one lane per differentiated parameter, unrolled into variables
//     (lanes.ts): `dz_dw1` is ∂z/∂w1, seeded from `dw1_dw1 = 1` and
//     `dw0_dw1 = 0`, so the whole gradient comes from one pass in registers;
//   - the value is not computed where only the value needs it
//     (value-only.ts): a bound on its size stands in, and where the bound is
//     not finite the form returns undefined and grad runs the chunk-mode JVP.
//
// Its result is therefore the chunk-mode JVP's gradient, bit for bit, or
// undefined. The record form's twin (transform.ts) skips the same work in
// reverse mode: the record form's tape, node for node, or undefined. It is emitted only where every tangent is a number: no
// differentiated arrays, no calls to other differentiable functions, no
// NaN-safe tangents, a number result, at most MOST_LANES parameters.

import ts = require("typescript");
import type { Activity } from "../activity.js";
import type { EmitContext } from "./context.js";
import { laneVariable, readsLanes, type Unrolled } from "./lanes.js";
import { skipsBoundedCalls, valueOnlyVariables, type ValueOnly } from "./value-only.js";
import type { Writer } from "./writer.js";

/** The most differentiated parameters a gradient form unrolls (chunk mode's widest pass). */
export const MOST_LANES = 12;

/** Whether a function gets a gradient form (see the header); the emitter may still give up (lanes.failed). */
export function wantsGradientForm(activity: Activity, scalarWrt: boolean, wrtCount: number, result: "scalar" | "array", nanSafe: boolean | undefined): boolean {
  const activeArrays = [...activity.active].some((name) => activity.arrays.has(name));
  return scalarWrt && wrtCount >= 1 && wrtCount <= MOST_LANES && result === "scalar" && !nanSafe && !activeArrays;
}

/** The lanes of the gradient form, one per differentiated parameter, unrolled. */
export function unrolledLanes(directions: readonly string[]): Unrolled {
  return { directions, variables: new Map() };
}

/** What a form that skips the value's own work knows of fn: its value-only variables, and whether skipped calls have domains. */
export function valueOnlyOf(fn: ts.SignatureDeclaration & { body?: ts.ConciseBody }, activity: Activity): ValueOnly {
  const variables = valueOnlyVariables(fn, activity);
  return { variables, sizes: new Map(), hasDomain: skipsBoundedCalls(fn, variables) };
}

/**
 * The first lines of a form that skips the value: in the gradient form the
 * seeds, one line per differentiated parameter — `const dw0_dw0 = 1,
 * dw0_dw1 = 0;` (let where the body assigns the parameter; none for a
 * parameter whose tangent the body never reads) —; and the domain flag,
 * where the body uses one.
 */
export function writeGradientEntry(cx: EmitContext, w: Writer, parameters: readonly string[], assigned: readonly string[]): void {
  if (cx.lanes?.unrolled) writeSeeds(cx, w, parameters, assigned);
  if (cx.valueOnly?.domain) w.line(`let ${cx.valueOnly.domain} = true;`);
}

function writeSeeds(cx: EmitContext, w: Writer, parameters: readonly string[], assigned: readonly string[]): void {
  // Lane j is the derivative along directions[j], in wrt's order, which need not be the parameters'.
  const { directions } = cx.lanes!.unrolled!;
  parameters.forEach((p) => {
    // A parameter the body never differentiates through (unused, or only in conditions) needs no seeds.
    if (!readsLanes(cx, cx.names.tangent(p))) return;
    const lanes = directions.map((direction, j) => `${laneVariable(cx, cx.names.tangent(p), j)} = ${direction === p ? 1 : 0}`);
    w.line(`${assigned.includes(p) ? "let" : "const"} ${lanes.join(", ")};`);
  });
}
