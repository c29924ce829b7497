// Tangents as linear forms, for the record form (record.ts) and chunk mode
// (lanes.ts): the tangent of an expression is Σ coefficientᵢ · tangentᵢ over
// the differentiated variables it reads, and the chain rule inside one
// statement is applied at compile time — an operation multiplies the
// coefficients of its arguments' forms by its partials and adds up the terms
// of a variable met twice:
//
//   p = 1 / (1 + Math.exp(-z))     →   p's form: dz · (t1 * (p / t2))
//   total += ys[i] * Math.log(p) + …  →   dtotal · 1 + dp · (ys[i] / p - t4 / t3)
//
// The record form makes one tape node of a statement's form; chunk mode
// computes each coefficient once and then loops over the lanes, instead of
// evaluating every partial in every lane.

import { opaque, sourceAlgebra, sourceOf, ATOM_PRECEDENCE, type Source } from "../../src/rules/algebra.js";

/** One term of a linear form: a tangent (a node on the tape, or a lane read) as source text, and its coefficient. */
export interface Edge {
  readonly node: string;
  readonly partial: Source;
}

/**
 * The terms behind a tangent expression written from them, so that an
 * enclosing operation can take them over (multiplying their coefficients by
 * its own partial) instead of building on the written expression.
 */
const pendingEdges = new WeakMap<Source, readonly Edge[]>();

/** The terms a tangent expression was written from, if it was (else it is one opaque term). */
export function edgesOf(tangent: Source): readonly Edge[] | undefined {
  return pendingEdges.get(tangent);
}

/** A tangent expression written from `edges`, remembered so that an enclosing operation can take them over. */
export function withEdges(text: string, edges: readonly Edge[], precedence = ATOM_PRECEDENCE): Source {
  const tangent = sourceOf(text, precedence);
  pendingEdges.set(tangent, edges);
  return tangent;
}

/** Σ tangent · coefficient as a careful person writes it: `dx[k] * c - dy[k] / t`, a coefficient 1 left out. */
export function writtenSum(edges: readonly Edge[]): Source {
  let total: Source | undefined;
  for (const e of edges) {
    const term = times(sourceOf(e.node, ATOM_PRECEDENCE), e.partial);
    if (total === undefined) total = term;
    else total = term.negated ? sourceAlgebra.sub(total, term.negated) : sourceAlgebra.add(total, term);
  }
  return total ?? sourceOf("0", ATOM_PRECEDENCE);
}

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
export function reciprocal(p: Source): Source | undefined {
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
 * rather than a + −b). Edges to the constant node (and zero tangents) are
 * dropped; an edge whose partial is 0 is kept, as the runtime tape keeps it:
 * behind an infinite partial it makes the derivative NaN, as in forward mode.
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

/**
 * The linear form of an operation whose arguments carry `tangents` (null for
 * none) with the given partials: an argument written from a form hands its
 * terms over, unless that would make more than `widest` terms, in which case
 * the argument's written expression is one term.
 */
export function combine(tangents: readonly (Source | null)[], partials: readonly Source[], widest = Infinity): Edge[] {
  const build = (takeOver: boolean): Edge[] => {
    const edges: Edge[] = [];
    tangents.forEach((tangent, i) => {
      if (tangent === null) return;
      const inner = takeOver ? pendingEdges.get(tangent) : undefined;
      if (inner) for (const e of inner) addEdge(edges, e.node, times(e.partial, partials[i]));
      else addEdge(edges, tangent.precedence < ATOM_PRECEDENCE ? `(${tangent.text})` : tangent.text, partials[i]);
    });
    return edges;
  };
  const edges = build(true);
  return edges.length > widest ? build(false) : edges;
}
