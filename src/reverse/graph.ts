// The tape as the lecture's computational graph: `trace` runs a function on
// a fresh tape and sweeps back once; `toDot` and `toMermaid` draw every node
// with its value, the local partial on each edge and its adjoint (∂out/∂node).
// `label(x, "a")` names an intermediate so the drawing can say "a = −w0 − w1·x".

import { select, type WrtOptions } from "../api/selection.js";
import { checkFunction, checkOptionKeys, withinStack } from "../api/boundary.js";
import { adjoints, reverseRun, runnable } from "../api/engines.js";
import { scalarResult } from "../api/results.js";
import { type Tape, Var } from "./tape.js";

export { label } from "./label.js";

/** One run of a function on its own tape, swept back once from the result: what trace returns. */
export interface Trace {
  /** The tape, kept (not released): its nodes can be read and drawn. */
  readonly tape: Tape;
  /** A tape variable per selected input scalar, in order, each labelled with its name ("x", or "v[0]" for an array's element). */
  readonly inputs: readonly Var[];
  /** The result's node: draw the graph with toDot(output) or toMermaid(output). */
  readonly output: Var;
  /** f's value. */
  readonly value: number;
  /** ∂output/∂input for each selected input scalar, in order. */
  readonly gradient: readonly number[];
}

/**
 * Runs f once on a new tape (reverse mode) and sweeps back once from its result: the computational
 * graph of the call, every node's adjoint set to ∂output/∂node. Unlike the tapes grad records, this
 * one is kept, to be read (`tape.nodes`, each Var's op, args, partials, adjoint) and drawn.
 *
 * @param f a function over dualts' operations that returns one number depending on a selected input
 *   (label names its intermediates in the drawing)
 * @param args f's arguments, as an array
 * @param options `wrt`: the parameters to record as inputs, by index or name (default: every argument
 *   that is a number, an array of numbers or a Float64Array; the others are constants)
 * @returns `{ tape, inputs, output, value, gradient }`
 * @throws TypeError where the result is not a number or depends on no selected input
 * @example
 *   const t = trace((x: Real, y: Real) => mul(sin(x), y), [0, 2]);
 *   t.value;        // 0
 *   t.gradient;     // [2, 0]: [y cos x, sin x]
 */
export function trace<F extends (...args: any[]) => unknown>(f: F, args: Parameters<F>, options?: WrtOptions): Trace {
  checkFunction("trace", f);
  const checked = checkOptionKeys("trace", f, options, ["wrt"]);
  return withinStack("trace", f, args, () => {
    const sel = select("trace", f, args, checked);
    const run = reverseRun(runnable(f, sel), sel);
    const result = scalarResult(sel, run.result);
    if (!(result instanceof Var)) throw new TypeError(`${sel.caller}: the result does not depend on any selected input`);
    return { tape: run.tape, inputs: run.inputs, output: result, value: result.value, gradient: adjoints(run, result) as number[] };
  });
}

const symbols: Record<string, string> = {
  add: "+",
  sub: "−",
  mul: "×",
  div: "÷",
  mod: "%",
  pow: "^",
  neg: "−",
};

const format = (x: number) => (Number.isInteger(x) ? String(x) : x.toPrecision(4));

/** The nodes that the output depends on, in tape order. */
function reachable(output: Var): Var[] {
  // By index: the tape hands out a new Var object each time a node is read.
  const seen = new Map<number, Var>();
  const stack = [output];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (seen.has(node.index)) continue;
    seen.set(node.index, node);
    for (const arg of node.args) if (arg instanceof Var) stack.push(arg);
  }
  return [...seen.values()].sort((a, b) => a.index - b.index);
}

interface Drawing {
  node(id: string, text: string, isInput: boolean): string;
  constant(id: string, text: string): string;
  edge(from: string, to: string, text: string | undefined): string;
}

function draw(output: Var, d: Drawing): string[] {
  const lines: string[] = [];
  for (const node of reachable(output)) {
    const id = `n${node.index}`;
    const what = node.op === "input" ? (node.label ?? id) : `${node.label ? `${node.label} = ` : ""}${symbols[node.op] ?? node.op}`;
    lines.push(d.node(id, `${what}\\nvalue ${format(node.value)}\\nadjoint ${format(node.adjoint)}`, node.op === "input"));
    node.args.forEach((arg, k) => {
      if (arg instanceof Var) lines.push(d.edge(`n${arg.index}`, id, `∂ ${format(node.partials[k])}`));
      else {
        const constantId = `${id}c${k}`;
        lines.push(d.constant(constantId, format(arg)), d.edge(constantId, id, undefined));
      }
    });
  }
  return lines;
}

/**
 * The graph that output depends on as Graphviz DOT: inputs as boxes, operations as ellipses and
 * constants as plain text, each node with its label (`p = ×`), value and adjoint, each edge from an
 * argument labelled with its local partial. Nodes are `n0`, `n1`, … in tape order.
 *
 * @param output a node on a tape that can still be read (trace's output; a tape made by hand)
 * @returns the DOT source, ending in a newline (render it with `dot -Tsvg`)
 * @example
 *   toDot(trace((x: Real, y: Real) => label(mul(x, y), "p"), [2, 3]).output);
 *   // digraph computation { … n2 [label="p = ×\nvalue 6\nadjoint 1", shape=ellipse]; n0 -> n2 [label="∂ 3"]; … }
 */
export function toDot(output: Var): string {
  const quote = (s: string) => `"${s.replace(/"/g, '\\"')}"`;
  const body = draw(output, {
    node: (id, text, isInput) => `  ${id} [label=${quote(text)}, shape=${isInput ? "box" : "ellipse"}];`,
    constant: (id, text) => `  ${id} [label=${quote(text)}, shape=plaintext];`,
    edge: (from, to, text) => `  ${from} -> ${to}${text ? ` [label=${quote(text)}]` : ""};`,
  });
  return ["digraph computation {", "  rankdir=LR;", ...body, "}"].join("\n") + "\n";
}

/**
 * The same graph as toDot's, as a Mermaid flowchart (for a Markdown page): inputs as rectangles,
 * operations as rounded boxes, constants as parallelograms, each edge labelled with its local partial.
 *
 * @param output a node on a tape that can still be read (trace's output; a tape made by hand)
 * @returns the flowchart's source, `flowchart LR` and one line per node and edge, ending in a newline
 * @example
 *   toMermaid(trace((x: Real, y: Real) => label(mul(x, y), "p"), [2, 3]).output);
 *   // flowchart LR … n2("p = ×<br/>value 6<br/>adjoint 1") … n0 -->|"∂ 3"| n2 …
 */
export function toMermaid(output: Var): string {
  const quote = (s: string) => `"${s.replace(/\\n/g, "<br/>").replace(/"/g, "#quot;")}"`;
  const body = draw(output, {
    node: (id, text, isInput) => (isInput ? `  ${id}[${quote(text)}]` : `  ${id}(${quote(text)})`),
    constant: (id, text) => `  ${id}[/${quote(text)}/]`,
    edge: (from, to, text) => (text ? `  ${from} -->|${quote(text)}| ${to}` : `  ${from} --> ${to}`),
  });
  return ["flowchart LR", ...body].join("\n") + "\n";
}
