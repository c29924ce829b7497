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

import { sourceOf, ATOM_PRECEDENCE, type Source } from "../../src/rules/algebra.js";
import type { EmitContext } from "./context.js";
import { combine, withEdges, type Edge } from "./linear.js";

/** Record mode's names: the tape parameter. */
export interface Recording {
  readonly tape: string;
}

/** The most edges a tape method takes at once (LinearTape.node1 … node4). */
const WIDEST = 4;

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
  const edges = combine(tangents, partials, WIDEST);
  if (edges.length === 0) return sourceOf("0", ATOM_PRECEDENCE);
  if (edges.length === 1 && edges[0].partial.text === "1") return sourceOf(edges[0].node, ATOM_PRECEDENCE);
  return withEdges(nodeCall(cx.record!.tape, edges), edges);
}
