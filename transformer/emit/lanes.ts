// How tangents are stored: one number per variable (the plain JVP), or — in
// chunk mode — K numbers per variable ("lanes"), so one pass carries K
// directional derivatives and the primal work is shared among them.
//
// Scalar mode:   dz = dw0 + dw1 * xs[i];
// Chunk mode:    for (let k = 0; k < K; k++) dz[k] = dw0[k] + dw1[k] * xs[i];
//
// A variable's lanes live in one plain array of K numbers allocated at
// function entry (V8 gives a Float64Array of more than 64 bytes a buffer of
// its own, about 0.3 µs each: most of a small function's chunk pass); an
// array's tangent is flat, element i's lane k at [i * K + k] of a
// Float64Array, which reads faster than a plain array when large. The emitters
// write every tangent read and write through these helpers, so the modes
// share all of their logic.
//
// The gradient form (gradient.ts) unrolls the lanes: one lane per
// differentiated parameter, each a variable of its own, so V8 keeps them in
// registers rather than in arrays:
//
// Gradient form: const dz_dw0 = dw0_dw0 + dw1_dw0 * xs[i];
//                const dz_dw1 = dw0_dw1 + dw1_dw1 * xs[i];

import { sourceAlgebra, sourceOf, ATOM_PRECEDENCE, type Source } from "../../src/rules/algebra.js";
import type { EmitContext, Writer } from "./context.js";
import { combine, edgesOf, withEdges, writtenSum } from "./linear.js";

/** Chunk mode's names: the lane count parameter and the lane index; the tangent arrays to allocate. */
export interface Lanes {
  readonly count: string;
  readonly index: string;
  readonly allocate: Set<string>;
  /** Set when the function uses something chunk mode does not support: only the plain JVP is emitted. */
  failed: boolean;
  /** Present in the gradient form: the lanes unrolled into variables. */
  readonly unrolled?: Unrolled;
}

/** The gradient form's lanes: lane j is the derivative with respect to the differentiated parameter directions[j]. */
export interface Unrolled {
  readonly directions: readonly string[];
  /** Lane variables made so far, by tangent and lane: `dz` in lane 0 → `dz_dw0`. */
  readonly variables: Map<string, string>;
}

/** The variable holding lane j of a tangent in the gradient form: ∂z/∂w0 is `dz_dw0`. */
export function laneVariable(cx: EmitContext, tangent: string, j: number): string {
  const { variables, directions } = cx.lanes!.unrolled!;
  const key = `${tangent} ${j}`;
  let name = variables.get(key);
  if (!name) {
    name = cx.names.fresh([`${tangent}_d${directions[j]}`]);
    variables.set(key, name);
  }
  return name;
}

/** Whether the code written so far reads a tangent's lanes (they are all written at once). */
export function readsLanes(cx: EmitContext, tangent: string): boolean {
  return cx.lanes!.unrolled!.variables.has(`${tangent} 0`);
}

/** A character of a JavaScript identifier, Unicode letters included (`dθ`), for the patterns below (flag u). */
const NAME_CHAR = "[\\p{ID_Continue}$\\u200c\\u200d]";
/** A name (`dθ`). */
const NAME = new RegExp(`^${NAME_CHAR}+$`, "u");
/** A name or a dotted path (`i`, `v.length`): an index that needs no parentheses. */
const DOTTED = new RegExp(`^(${NAME_CHAR}|\\.)+$`, "u");

/** Lane j of a tangent expression written with lane reads (`dz[k] * t3` → `dz_dw0 * t3`). */
export function inLane(cx: EmitContext, text: string, j: number): string {
  const read = new RegExp(`(${NAME_CHAR}+)\\[${cx.lanes!.index}\\]`, "gu");
  return text.replace(read, (_, tangent: string) => laneVariable(cx, tangent, j));
}

/** The lane indices of the gradient form. */
function laneIndices(cx: EmitContext): number[] {
  return cx.lanes!.unrolled!.directions.map((_, j) => j);
}

/** A new array of `count` zero lanes: `new Array<number>(K).fill(0)`. */
export function zeroLanes(count: string): string {
  return `new Array<number>(${count}).fill(0)`;
}

/** The tangent of a scalar variable, as read in an expression: `dx` or `dx[k]`. */
export function tangentRef(cx: EmitContext, name: string): Source {
  const t = cx.names.tangent(name);
  return sourceOf(cx.lanes ? `${t}[${cx.lanes.index}]` : t, ATOM_PRECEDENCE);
}

/** The lane array behind a tangent read, if it is exactly one (`dx[k]` → `dx`). */
export function laneArray(cx: EmitContext, tangent: Source | null): string | undefined {
  const suffix = `[${cx.lanes?.index}]`;
  return tangent?.text.endsWith(suffix) && NAME.test(tangent.text.slice(0, -suffix.length)) ? tangent.text.slice(0, -suffix.length) : undefined;
}

/** The tangent of an array element: `dxs[i]` or `dxs[i * K + k]` (of the tangent array t, dxs by default). */
export function tangentElement(cx: EmitContext, array: string, index: string, t = cx.names.tangent(array)): Source {
  if (!cx.lanes) return sourceOf(`${t}[${index}]`, ATOM_PRECEDENCE);
  const i = DOTTED.test(index) ? index : `(${index})`;
  return sourceOf(`${t}[${i} * ${cx.lanes.count} + ${cx.lanes.index}]`, ATOM_PRECEDENCE);
}

/**
 * Chunk mode's tangent of an operation: its linear form (linear.ts) written as
 * Σ lane · coefficient, which assignTangent turns into one computation of each
 * coefficient and a loop over the lanes.
 */
export function laneOperation(tangents: readonly (Source | null)[], partials: readonly Source[]): Source {
  const edges = combine(tangents, partials);
  if (edges.length === 0) return sourceOf("0", ATOM_PRECEDENCE);
  const written = writtenSum(edges);
  return withEdges(written.text, edges, written.precedence);
}

/** A coefficient worth computing once before the lane loop: anything but a name, a literal or a plain element read. */
const worthHoisting = (coefficient: Source) => !/^-?([\w$.]+(\[[\w$.]+\])?|\d+(\.\d+)?(e[+-]?\d+)?)$/.test(coefficient.text);

/** A lane expression with its coefficients computed first, once for every lane (written to w): the text to write in each lane. */
export function coefficientsFirst(cx: EmitContext, w: Writer, value: Source | null): string {
  const edges = value && edgesOf(value);
  if (!edges) return value?.text ?? "0";
  const once = edges.map((e) => {
    const positive = e.partial.negated ?? e.partial;
    if (!worthHoisting(positive)) return e;
    const name = cx.names.temp();
    w.line(`const ${name} = ${positive.text};`);
    const hoisted = sourceOf(name, ATOM_PRECEDENCE);
    return { node: e.node, partial: e.partial.negated ? sourceAlgebra.neg(hoisted) : hoisted };
  });
  return writtenSum(once).text;
}

/** `target = value;` for a tangent target given as read (`dx`/`dx[k]`, or an element); with lanes, coefficients first, then the lanes. */
export function assignTangent(cx: EmitContext, w: Writer, target: Source, value: Source | null): void {
  if (!cx.lanes) {
    w.line(`${target.text} = ${value?.text ?? "0"};`);
    return;
  }
  const text = coefficientsFirst(cx, w, value);
  if (cx.lanes.unrolled) {
    for (const j of laneIndices(cx)) w.line(`${inLane(cx, target.text, j)} = ${inLane(cx, text, j)};`);
    return;
  }
  w.line(`for (let ${cx.lanes.index} = 0; ${cx.lanes.index} < ${cx.lanes.count}; ${cx.lanes.index}++) ${target.text} = ${text};`);
}

/** The tangent of a newly declared scalar variable. */
export function declareTangent(cx: EmitContext, w: Writer, keyword: string, name: string, value: Source | null): void {
  if (!cx.lanes) {
    w.line(`${keyword} ${cx.names.tangent(name)} = ${value?.text ?? "0"};`);
    return;
  }
  if (cx.lanes.unrolled) {
    const text = coefficientsFirst(cx, w, value);
    for (const j of laneIndices(cx)) w.line(`${keyword} ${laneVariable(cx, cx.names.tangent(name), j)} = ${inLane(cx, text, j)};`);
    return;
  }
  cx.lanes.allocate.add(cx.names.tangent(name));
  assignTangent(cx, w, tangentRef(cx, name), value);
}

/** A lane array holding `value` (for passing a tangent to a call), reusing a variable's own array when it is one. */
export function laneArgument(cx: EmitContext, w: Writer, value: Source | null): string {
  const lanes = cx.lanes!;
  if (lanes.unrolled) {
    // A tangent handed over as one value (to a call) has no unrolled spelling: the gradient form is not emitted.
    lanes.failed = true;
    return "0";
  }
  const existing = laneArray(cx, value);
  if (existing) return existing;
  if (value === null) return zeroLanes(lanes.count);
  const temp = cx.names.temp();
  declareTangent(cx, w, "const", temp, value);
  return cx.names.tangent(temp);
}

/** Marks the function as beyond chunk mode (the plain JVP still serves it). */
export function noLanes(cx: EmitContext): void {
  if (cx.lanes) cx.lanes.failed = true;
}

/**
 * A zero tangent for an array as long as `array` (flat, K lanes per element, in chunk mode): in chunk
 * mode a Float64Array, or a plain array where the array `name` is pushed onto (its lanes grow with it).
 */
export function zerosLike(cx: EmitContext, array: string, name = array): string {
  return zerosFor(cx, `${array}.length`, name);
}

/** A zero tangent for `length` elements of the array `name` (see zerosLike). */
export function zerosFor(cx: EmitContext, length: string, name: string): string {
  if (!cx.lanes) return `new Array(${length}).fill(0)`;
  const size = `${length} * ${cx.lanes.count}`;
  return cx.activity.pushed.has(name) ? `new Array(${size}).fill(0)` : `new Float64Array(${size})`;
}
