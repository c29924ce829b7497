// How tangents are stored: one number per variable (the plain JVP), or — in
// chunk mode — K numbers per variable ("lanes"), so one pass carries K
// directional derivatives and the primal work is shared among them.
//
// Scalar mode:   dz = dw0 + dw1 * xs[i];
// Chunk mode:    for (let k = 0; k < K; k++) dz[k] = dw0[k] + dw1[k] * xs[i];
//
// A variable's lanes live in one Float64Array(K) allocated at function entry;
// an array's tangent is flat, element i's lane k at [i * K + k]. The emitters
// write every tangent read and write through these helpers, so the two modes
// share all of their logic.

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
}

/** The tangent of a scalar variable, as read in an expression: `dx` or `dx[k]`. */
export function tangentRef(cx: EmitContext, name: string): Source {
  const t = cx.names.tangent(name);
  return sourceOf(cx.lanes ? `${t}[${cx.lanes.index}]` : t, ATOM_PRECEDENCE);
}

/** The lane array behind a tangent read, if it is exactly one (`dx[k]` → `dx`). */
export function laneArray(cx: EmitContext, tangent: Source | null): string | undefined {
  const suffix = `[${cx.lanes?.index}]`;
  return tangent && tangent.text.endsWith(suffix) && /^[\w$]+$/.test(tangent.text.slice(0, -suffix.length)) ? tangent.text.slice(0, -suffix.length) : undefined;
}

/** The tangent of an array element: `dxs[i]` or `dxs[i * K + k]`. */
export function tangentElement(cx: EmitContext, array: string, index: string): Source {
  const t = cx.names.tangent(array);
  if (!cx.lanes) return sourceOf(`${t}[${index}]`, ATOM_PRECEDENCE);
  const i = /^[\w$.]+$/.test(index) ? index : `(${index})`;
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

/** `target = value;` for a tangent target given as read (`dx`/`dx[k]`, or an element); in chunk mode, coefficients first, then the lane loop. */
export function assignTangent(cx: EmitContext, w: Writer, target: Source, value: Source | null): void {
  if (!cx.lanes) {
    w.line(`${target.text} = ${value?.text ?? "0"};`);
    return;
  }
  const edges = value && edgesOf(value);
  let text = value?.text ?? "0";
  if (edges) {
    const once = edges.map((e) => {
      const positive = e.partial.negated ?? e.partial;
      if (!worthHoisting(positive)) return e;
      const name = cx.names.temp();
      w.line(`const ${name} = ${positive.text};`);
      const hoisted = sourceOf(name, ATOM_PRECEDENCE);
      return { node: e.node, partial: e.partial.negated ? sourceAlgebra.neg(hoisted) : hoisted };
    });
    text = writtenSum(once).text;
  }
  w.line(`for (let ${cx.lanes.index} = 0; ${cx.lanes.index} < ${cx.lanes.count}; ${cx.lanes.index}++) ${target.text} = ${text};`);
}

/** The tangent of a newly declared scalar variable. */
export function declareTangent(cx: EmitContext, w: Writer, keyword: string, name: string, value: Source | null): void {
  if (!cx.lanes) {
    w.line(`${keyword} ${cx.names.tangent(name)} = ${value?.text ?? "0"};`);
    return;
  }
  cx.lanes.allocate.add(cx.names.tangent(name));
  assignTangent(cx, w, tangentRef(cx, name), value);
}

/** A lane array holding `value` (for passing a tangent to a call), reusing a variable's own array when it is one. */
export function laneArgument(cx: EmitContext, w: Writer, value: Source | null): string {
  const lanes = cx.lanes!;
  const existing = laneArray(cx, value);
  if (existing) return existing;
  if (value === null) return `new Float64Array(${lanes.count})`;
  const temp = cx.names.temp();
  declareTangent(cx, w, "const", temp, value);
  return cx.names.tangent(temp);
}

/** Marks the function as beyond chunk mode (the plain JVP still serves it). */
export function noLanes(cx: EmitContext): void {
  if (cx.lanes) cx.lanes.failed = true;
}
