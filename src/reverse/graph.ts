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

export interface Trace {
  readonly tape: Tape;
  readonly inputs: readonly Var[];
  readonly output: Var;
  readonly value: number;
  /** ∂output/∂input for each selected input scalar, in order. */
  readonly gradient: readonly number[];
}

/** Runs f once on a new tape (reverse mode) and sweeps back from its result. */
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

/** Graphviz DOT: inputs as boxes, operations as ellipses, each edge labelled with its local partial. */
export function toDot(output: Var): string {
  const quote = (s: string) => `"${s.replace(/"/g, '\\"')}"`;
  const body = draw(output, {
    node: (id, text, isInput) => `  ${id} [label=${quote(text)}, shape=${isInput ? "box" : "ellipse"}];`,
    constant: (id, text) => `  ${id} [label=${quote(text)}, shape=plaintext];`,
    edge: (from, to, text) => `  ${from} -> ${to}${text ? ` [label=${quote(text)}]` : ""};`,
  });
  return ["digraph computation {", "  rankdir=LR;", ...body, "}"].join("\n") + "\n";
}

/** Mermaid flowchart of the same graph. */
export function toMermaid(output: Var): string {
  const quote = (s: string) => `"${s.replace(/\\n/g, "<br/>").replace(/"/g, "#quot;")}"`;
  const body = draw(output, {
    node: (id, text, isInput) => (isInput ? `  ${id}[${quote(text)}]` : `  ${id}(${quote(text)})`),
    constant: (id, text) => `  ${id}[/${quote(text)}/]`,
    edge: (from, to, text) => (text ? `  ${from} -->|${quote(text)}| ${to}` : `  ${from} --> ${to}`),
  });
  return ["flowchart LR", ...body].join("\n") + "\n";
}
