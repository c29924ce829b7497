// Reverse mode, generated: the "record" form of a function. It is the JVP
// emitter run once more with a different idea of a tangent — instead of a
// number, each differentiated variable carries the number of its node on a
// tape (src/reverse/linear.ts), and where the JVP writes a tangent as a sum
// Σ partialᵢ · tangentᵢ, the record form writes a node with an edge to each
// argument's node:
//
//   JVP:     const da = dx[i + 1] - (dx[i] * x[i] + dx[i] * x[i]);
//   record:  const aNode = tape.node2(xNode[i + 1], 1, xNode[i], -(x[i] + x[i]));
//
// One statement becomes one node, not one per operation: the partials of the
// operations inside an expression are multiplied out at compile time (the
// chain rule on the statement's expression tree), and an argument met twice
// gets one edge with the partials added. Values that carry no derivative are
// node 0, the constant node. The runtime sweeps the tape backwards once to
// get the whole gradient, whatever the number of inputs.

import type { Source } from "../../src/rules/algebra.js";
import { opaque, sourceAlgebra, sourceOf, ATOM_PRECEDENCE } from "../../src/rules/algebra.js";
import type { EmitContext } from "./context.js";

/** Record mode's names: the tape parameter. */
export interface Recording {
  readonly tape: string;
  /** Set when the function uses something the record form does not support: it is not emitted. */
  failed: boolean;
}

/** One edge of a node still being built: the argument's node (as source text) and ∂node/∂argument. */
interface Edge {
  readonly node: string;
  readonly partial: Source;
}

/** The most edges a tape method takes at once (LinearTape.node1 … node4). */
const WIDEST = 4;

/**
 * The edges behind a node expression this module wrote, so that an enclosing
 * operation can take them over (multiplying their partials by its own) instead
 * of recording a node of its own on top.
 */
const pendingEdges = new WeakMap<Source, readonly Edge[]>();

/** The index of the parenthesis that closes the one at `open`. */
function closing(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === "(") depth++;
    else if (text[i] === ")" && --depth === 0) return i;
  }
  return -1;
}

/** A name, access, call or parenthesised expression: one operand, so `1 / operand` divides by all of it. */
function isOneOperand(text: string): boolean {
  if (/^[\w$.]+(\[[\w$.+ -]*\])*$/.test(text)) return true;
  const open = text.indexOf("(");
  return open >= 0 && /^[\w$.]*$/.test(text.slice(0, open)) && closing(text, open) === text.length - 1;
}

/** The denominator of a partial written `1 / y` (not `1 / y / z`), if it is one. */
function reciprocal(p: Source): Source | undefined {
  const match = /^1 \/ (.*)$/s.exec(p.text);
  return match && isOneOperand(match[1]) ? opaque(match[1]) : undefined;
}

/** q · p as a careful person writes it: signs pulled out (−a · −b is a · b), ones dropped, · (1 / y) as / y. */
function times(q: Source, p: Source): Source {
  if (q.text === "-1") return sourceAlgebra.neg(p);
  if (p.text === "-1") return sourceAlgebra.neg(q);
  if (q.negated && p.negated) return times(q.negated, p.negated);
  if (q.negated) return sourceAlgebra.neg(times(q.negated, p));
  if (p.negated) return sourceAlgebra.neg(times(q, p.negated));
  const overQ = reciprocal(q);
  if (overQ) return sourceAlgebra.div(p, overQ);
  const overP = reciprocal(p);
  if (overP) return sourceAlgebra.div(q, overP);
  return sourceAlgebra.mul(q, p);
}

/**
 * Adds an edge, merging it with an earlier edge to the same node (a − b
 * rather than a + −b). Edges to the constant node are dropped; an edge whose
 * partial is 0 is kept, as the runtime tape keeps it: behind an infinite
 * partial it makes the derivative NaN, as in forward mode.
 */
function addEdge(edges: Edge[], node: string, partial: Source): void {
  if (node === "0") return;
  const i = edges.findIndex((e) => e.node === node);
  if (i < 0) edges.push({ node, partial });
  else {
    const earlier = edges[i].partial;
    edges[i] = { node, partial: partial.negated ? sourceAlgebra.sub(earlier, partial.negated) : sourceAlgebra.add(earlier, partial) };
  }
}

/** `tape.node2(a, pa, b, pb)`; more than four edges are chained, each node taking the previous one with partial 1. */
function nodeCall(tape: string, edges: readonly Edge[]): string {
  const call = (part: readonly Edge[]) => `${tape}.node${part.length}(${part.map((e) => `${e.node}, ${e.partial.text}`).join(", ")})`;
  let text = call(edges.slice(0, WIDEST));
  for (let start = WIDEST; start < edges.length; start += WIDEST - 1) {
    text = call([{ node: text, partial: sourceOf("1", ATOM_PRECEDENCE) }, ...edges.slice(start, start + WIDEST - 1)]);
  }
  return text;
}

/**
 * The node of an operation whose arguments carry `tangents` (node
 * expressions, null for none) with the given partials: an argument that is
 * itself an operation of this statement hands over its edges. Returns the
 * node's source: `0` when nothing is differentiated, the argument's own node
 * when the operation passes it through unchanged (x + 3).
 */
export function recordOperation(cx: EmitContext, tangents: readonly (Source | null)[], partials: readonly Source[]): Source {
  const build = (takeOver: boolean): Edge[] => {
    const edges: Edge[] = [];
    tangents.forEach((tangent, i) => {
      if (tangent === null) return;
      const inner = takeOver ? pendingEdges.get(tangent) : undefined;
      if (inner) for (const e of inner) addEdge(edges, e.node, times(e.partial, partials[i]));
      else addEdge(edges, tangent.text, partials[i]);
    });
    return edges;
  };
  let edges = build(true);
  if (edges.length > WIDEST) edges = build(false);
  if (edges.length === 0) return sourceOf("0", ATOM_PRECEDENCE);
  if (edges.length === 1 && edges[0].partial.text === "1") return sourceOf(edges[0].node, ATOM_PRECEDENCE);
  const node = sourceOf(nodeCall(cx.record!.tape, edges), ATOM_PRECEDENCE);
  pendingEdges.set(node, edges);
  return node;
}

/** Marks the function as beyond the record form (forward mode still serves it). */
export function noRecord(cx: EmitContext): void {
  if (cx.record) cx.record.failed = true;
}
