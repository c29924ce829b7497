// Step 2 of the lecture: the computational graph of E(w) = w0 + 3·w1² + 5·w2³.
// The function is plain TypeScript marked @differentiable; its gradient comes
// from the transform's generated tangent code (forward mode) and from its
// generated reverse mode (a tape and one sweep back), next to the gradient
// worked out by hand,
// (∂E/∂w0, ∂E/∂w1, ∂E/∂w2) = (1, 6·w1, 15·w2²). The graph itself — each node
// with its value and adjoint, each edge with its local partial — is drawn to
// examples/out/2-polynomial-graph.svg.

import { grad, toDot, trace } from "dualts";
import { writeGraph, shown } from "./lib/figures.js";
import { heading, isMain, logOf, table, tuple, type ExampleOptions } from "./lib/narration.js";

/** @differentiable */
export function polynomial(w0: number, w1: number, w2: number): number {
  return w0 + 3 * w1 ** 2 + 5 * w2 ** 3;
}

/** The gradient worked out by hand (∂/∂w0 = 1, whatever w0 is). */
export function analyticGradient(_w0: number, w1: number, w2: number): number[] {
  return [1, 6 * w1, 15 * w2 ** 2];
}

export interface PolynomialResult {
  readonly points: { w: number[]; forward: number[]; reverse: number[]; analytic: number[] }[];
  readonly graphNodes: number;
  readonly figures: string[];
}

export async function run(options: ExampleOptions = {}): Promise<PolynomialResult> {
  const log = logOf(options);
  heading(log, "2. The polynomial graph E(w) = w0 + 3·w1² + 5·w2³");
  log("   ∂E/∂w = (1, 6·w1, 15·w2²) by hand; dualts gets it from the plain TypeScript:");
  log("");
  const points = [
    [1.5, -2, 0.5],
    [0, 1, 1],
    [-0.3, 0.7, -1.2],
  ].map((w) => {
    const [w0, w1, w2] = w;
    return {
      w,
      forward: grad(polynomial)(w0, w1, w2),
      reverse: grad(polynomial, { mode: "reverse" })(w0, w1, w2),
      analytic: analyticGradient(w0, w1, w2),
    };
  });
  const rows = [["at (w0, w1, w2)", "E(w)", "forward mode", "reverse mode", "analytic (1, 6·w1, 15·w2²)"]];
  for (const p of points) {
    rows.push([tuple(p.w, 2), polynomial(p.w[0], p.w[1], p.w[2]).toFixed(4), tuple(p.forward, 4), tuple(p.reverse, 4), tuple(p.analytic, 4)]);
  }
  table(rows).forEach((line) => log(line));

  const t = trace(polynomial, [1.5, -2, 0.5]);
  const figure = await writeGraph(options, "2-polynomial-graph.svg", toDot(t.output));
  log("");
  log(`   Its graph at (1.5, -2, 0.5): ${t.tape.nodes.length} nodes on the reverse-mode tape, one backward sweep`);
  log(`   gives every adjoint ∂E/∂node at once → ${shown(figure)}`);
  return { points, graphNodes: t.tape.nodes.length, figures: [figure] };
}

if (isMain(import.meta.url)) await run();
