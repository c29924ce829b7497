// Step 4 of the lecture: the computational graph of one term of the binary
// cross-entropy, y·log(1/(1 + exp(−w0 − w1·x))), as the lecture draws it:
//
//   a = −w0 − w1·x     b = exp(a)     c = 1/(1 + b)     d = y·log(c)
//
// Each node's value and local partial come from dualts (each node is its own
// small @differentiable function); the chain rule
// ∂d/∂w0 = ∂d/∂c · ∂c/∂b · ∂b/∂a · ∂a/∂w0 is printed as numbers; the forward
// sweep (tangents, input → output) and the reverse sweep (adjoints, output →
// input) are printed side by side and checked against dualts' generated
// tangent code and its reverse-mode tape; and two graphs are drawn: the
// lecture's four nodes with their numbers, and every operation dualts'
// tape recorded.

import { derivative, grad, jvp, toDot, trace } from "dualts";
import { shown, writeGraph } from "./lib/figures.js";
import { fmt, heading, signed, isMain, logOf, table, tuple, type ExampleOptions } from "./lib/narration.js";

/**
 * One term of the binary cross-entropy, node by node. y is differentiable
 * too, so that the tape records it as an input and d = y·log(c) as a node
 * of its own: a product with the number y = 1 records nothing (the runtime
 * returns log(c) itself), which would leave log(c) to stand for d. The
 * gradients below select w0 and w1.
 * @differentiable wrt(w0, w1, y)
 */
export function bceTerm(w0: number, w1: number, x: number, y: number): number {
  const a = -w0 - w1 * x;
  const b = Math.exp(a);
  const c = 1 / (1 + b);
  const d = y * Math.log(c);
  return d;
}

/**
 * The same computation returning every node, so that one forward pass of its
 * generated tangent code shows the whole forward sweep.
 * @differentiable wrt(w0, w1)
 */
export function bceNodes(w0: number, w1: number, x: number, y: number): number[] {
  const a = -w0 - w1 * x;
  const b = Math.exp(a);
  const c = 1 / (1 + b);
  const d = y * Math.log(c);
  return [a, b, c, d];
}

// Each node as a function of the node before it: dualts gives its local partial.

/** @differentiable wrt(w0, w1) */
export function nodeA(w0: number, w1: number, x: number): number {
  return -w0 - w1 * x;
}

/** @differentiable */
export function nodeB(a: number): number {
  return Math.exp(a);
}

/** @differentiable */
export function nodeC(b: number): number {
  return 1 / (1 + b);
}

/** @differentiable wrt(c) */
export function nodeD(c: number, y: number): number {
  return y * Math.log(c);
}

export interface GraphNode {
  readonly name: "a" | "b" | "c" | "d";
  readonly expression: string;
  readonly value: number;
  /** ∂node/∂(the node before it); for a, ∂a/∂w0. */
  readonly localPartial: number;
  /** Forward sweep: ∂node/∂w0. */
  readonly tangent: number;
  /** Reverse sweep: ∂d/∂node. */
  readonly adjoint: number;
}

export interface ComputationalGraphResult {
  readonly point: { w0: number; w1: number; x: number; y: number };
  readonly nodes: GraphNode[];
  /** ∂d/∂c · ∂c/∂b · ∂b/∂a · ∂a/∂w0, multiplied out. */
  readonly chainRule: number;
  /** (∂d/∂w0, ∂d/∂w1) by forward mode and by the reverse-mode tape. */
  readonly forwardGradient: number[];
  readonly reverseGradient: number[];
  /** The tangents of (a, b, c, d) along w0 from one pass of the generated code. */
  readonly generatedTangents: number[];
  /** The adjoints the tape found for a, b and c, and d's. */
  readonly tapeAdjoints: number[];
  /** The lecture's graph (4-computational-graph.svg), as Graphviz DOT. */
  readonly dot: string;
  /** Every operation the tape recorded (4-tape.svg), as Graphviz DOT. */
  readonly tapeDot: string;
  readonly figures: string[];
}

/** The lecture's graph as Graphviz DOT: inputs, the four nodes with their numbers, local partials on the edges. */
function lectureDot(point: ComputationalGraphResult["point"], nodes: readonly GraphNode[], partialW1: number): string {
  const [a, b, c, d] = nodes;
  const n = (x: number) => x.toFixed(4);
  const node = (g: GraphNode) => `  ${g.name} [label="${g.name} = ${g.expression}\\nvalue ${n(g.value)}\\ntangent ∂${g.name}/∂w0 ${n(g.tangent)}\\nadjoint ∂d/∂${g.name} ${n(g.adjoint)}"];`;
  return (
    [
      "digraph bce {",
      "  rankdir=LR;",
      '  node [shape=ellipse, fontname="Helvetica"];',
      '  edge [fontname="Helvetica", fontsize=11];',
      `  w0 [shape=box, label="w0 = ${point.w0}"];`,
      `  w1 [shape=box, label="w1 = ${point.w1}"];`,
      `  x [shape=plaintext, label="x = ${point.x}"];`,
      `  y [shape=plaintext, label="y = ${point.y}"];`,
      ...nodes.map(node),
      `  w0 -> a [label="∂a/∂w0 = ${n(a.localPartial)}"];`,
      `  w1 -> a [label="∂a/∂w1 = ${n(partialW1)}"];`,
      "  x -> a;",
      `  a -> b [label="∂b/∂a = ${n(b.localPartial)}"];`,
      `  b -> c [label="∂c/∂b = ${n(c.localPartial)}"];`,
      `  c -> d [label="∂d/∂c = ${n(d.localPartial)}"];`,
      "  y -> d;",
      "}",
    ].join("\n") + "\n"
  );
}

export async function run(options: ExampleOptions = {}): Promise<ComputationalGraphResult> {
  const log = logOf(options);
  const point = { w0: 0.5, w1: -0.4, x: 2, y: 1 };
  const { w0, w1, x, y } = point;
  heading(log, "4. The computational graph of y·log(1/(1 + exp(−w0 − w1·x)))");
  log(`   at w0 = ${w0}, w1 = ${w1}, x = ${x}, y = ${y}, one node per step:`);
  log("");

  // Values and local partials, each from dualts.
  const a = nodeA(w0, w1, x);
  const b = nodeB(a);
  const c = nodeC(b);
  const d = nodeD(c, y);
  // wrt repeats the tags' for TypeScript, whose types do not read JSDoc: the results are typed [number, number] and number.
  const [dadw0, dadw1] = grad(nodeA, { wrt: ["w0", "w1"] })(w0, w1, x);
  const dbda = derivative(nodeB)(a);
  const dcdb = derivative(nodeC)(b);
  const dddc = grad(nodeD, { wrt: "c" })(c, y);
  const local = [dadw0, dbda, dcdb, dddc];

  // The forward sweep: tangents along w0, from the input to the output.
  const tangents: number[] = [];
  tangents.push(dadw0);
  tangents.push(dbda * tangents[0]);
  tangents.push(dcdb * tangents[1]);
  tangents.push(dddc * tangents[2]);
  // The reverse sweep: adjoints ∂d/∂node, from the output back to the input.
  const adjoints = [0, 0, 0, 1];
  adjoints[2] = adjoints[3] * dddc;
  adjoints[1] = adjoints[2] * dcdb;
  adjoints[0] = adjoints[1] * dbda;
  const chainRule = dddc * dcdb * dbda * dadw0;

  const expressions = ["−w0 − w1·x", "exp(a)", "1/(1 + b)", "y·log(c)"];
  const names = ["a", "b", "c", "d"] as const;
  const partialText = ["∂a/∂w0 = −1", "∂b/∂a = exp(a)", "∂c/∂b = −1/(1 + b)²", "∂d/∂c = y/c"];
  const nodes: GraphNode[] = names.map((name, i) => ({
    name,
    expression: expressions[i],
    value: [a, b, c, d][i],
    localPartial: local[i],
    tangent: tangents[i],
    adjoint: adjoints[i],
  }));
  table([["node", "value", "local partial", ""], ...nodes.map((g, i) => [`${g.name} = ${g.expression}`, signed(g.value), partialText[i], `= ${signed(g.localPartial)}`])]).forEach((l) => log(l));
  log(`   (and ∂a/∂w1 = −x = ${fmt(dadw1)})`);

  log("");
  const factors = [dddc, dcdb, dbda, dadw0].map((f) => (f < 0 ? `(${fmt(f)})` : fmt(f)));
  log("   The chain rule, multiplied out:");
  log("     ∂d/∂w0 = ∂d/∂c · ∂c/∂b · ∂b/∂a · ∂a/∂w0");
  log(`            = ${factors.join(" × ")}`);
  log(`            = ${fmt(chainRule)}`);

  // Forward and reverse side by side.
  log("");
  const forwardLines = [
    "forward sweep: tangents ∂·/∂w0, input → output",
    `ȧ = ∂a/∂w0        = ${signed(tangents[0])}`,
    `ḃ = ∂b/∂a · ȧ     = ${signed(tangents[1])}`,
    `ċ = ∂c/∂b · ḃ     = ${signed(tangents[2])}`,
    `ḋ = ∂d/∂c · ċ     = ${signed(tangents[3])}   = ∂d/∂w0`,
    "",
    "one sweep per input: w1 needs a second one",
  ];
  const reverseLines = [
    "reverse sweep: adjoints ∂d/∂·, output → input",
    `d̄ = 1`,
    `c̄ = d̄ · ∂d/∂c     = ${signed(adjoints[2])}`,
    `b̄ = c̄ · ∂c/∂b     = ${signed(adjoints[1])}`,
    `ā = b̄ · ∂b/∂a     = ${signed(adjoints[0])}`,
    `w̄0 = ā · ∂a/∂w0   = ${signed(adjoints[0] * dadw0)}   = ∂d/∂w0`,
    `w̄1 = ā · ∂a/∂w1   = ${signed(adjoints[0] * dadw1)}   = ∂d/∂w1, same sweep`,
  ];
  table(forwardLines.map((f, i) => [f, reverseLines[i] ?? ""])).forEach((l) => log(l));

  // The same numbers from dualts' two engines.
  const [, generated] = jvp(bceNodes, [w0, w1, x, y], [1, 0]);
  const forwardGradient = grad(bceTerm, { wrt: ["w0", "w1"] })(w0, w1, x, y);
  // Traced with y as an input: the tape then holds the lecture's four nodes, d = y·log(c) the last.
  const traced = trace(bceTerm, [w0, w1, x, y], { wrt: ["w0", "w1", "y"] });
  const reverseGradient = traced.gradient.slice(0, 2);
  // The tape's nodes for a, b, c and d: the operations that made them, named as the lecture names them.
  const tapeNode = (op: string) => traced.tape.nodes.find((v) => v.op === op)!;
  const [tapeA, tapeB, tapeC] = [tapeNode("sub"), tapeNode("exp"), tapeNode("div")];
  [tapeA.label, tapeB.label, tapeC.label, traced.output.label] = ["a", "b", "c", "d"];
  const tapeAdjoints = [tapeA.adjoint, tapeB.adjoint, tapeC.adjoint, traced.output.adjoint];
  log("");
  log("   dualts, on the plain TypeScript function:");
  table(
    [
      ["generated tangent code, one pass along w0: (ȧ, ḃ, ċ, ḋ)", tuple(generated)],
      ["the reverse-mode tape, one sweep: (ā, b̄, c̄, d̄)", tuple(tapeAdjoints)],
      ["grad, forward mode: (∂d/∂w0, ∂d/∂w1)", tuple(forwardGradient)],
      ["grad, reverse mode (the tape): (∂d/∂w0, ∂d/∂w1)", tuple(reverseGradient)],
    ],
    5,
  ).forEach((l) => log(l));

  const dot = lectureDot(point, nodes, dadw1);
  const tapeDot = toDot(traced.output);
  const figures = [await writeGraph(options, "4-computational-graph.svg", dot), await writeGraph(options, "4-tape.svg", tapeDot)];
  log("");
  log(`   The graph: ${shown(figures[0])}; every operation the tape recorded (${traced.tape.nodes.length} nodes): ${shown(figures[1])}`);

  return { point, nodes, chainRule, forwardGradient, reverseGradient, generatedTangents: generated, tapeAdjoints, dot, tapeDot, figures };
}

if (isMain(import.meta.url)) await run();
