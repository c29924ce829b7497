// The tape as the lecture's computational graph: nodes, values, local
// partials and adjoints, exported as DOT and Mermaid.

import { describe, expect, test } from "vitest";
import { add, div, exp, label, log, mul, neg, sub, toDot, toMermaid, trace, type Real } from "../src/index.js";

// The lecture's term yᵢ·log(1/(1 + exp(−w0 − w1·xᵢ))) at x = 2, y = 1 (so the product
// y·log(c) is log(c) itself: multiplying by a constant 1 records no node).
const x = 2;
const y = 1;
function term(w0: Real, w1: Real): Real {
  const a = label(sub(neg(w0), mul(w1, x)), "a");
  const b = label(exp(a), "b");
  const c = label(div(1, add(1, b)), "c");
  return label(mul(y, log(c)), "d");
}

describe("trace", () => {
  const w0 = 0.5;
  const w1 = -0.4;
  const t = trace(term, [w0, w1]);
  const a = -w0 - w1 * x;
  const b = Math.exp(a);
  const c = 1 / (1 + b);

  test("records the lecture's nodes with their values", () => {
    const named = Object.fromEntries(t.tape.nodes.filter((n) => n.label).map((n) => [n.label, n.value]));
    expect(named).toEqual({ w0, w1, a, b, c, d: y * Math.log(c) });
    expect(t.value).toBe(y * Math.log(c));
  });

  test("the adjoints are the chain-rule products ∂d/∂c · ∂c/∂b · ∂b/∂a · ∂a/∂w", () => {
    const dd_dc = y / c;
    const dc_db = -1 / (1 + b) ** 2;
    const db_da = b;
    const byName = (name: string) => t.tape.nodes.find((n) => n.label === name)!;
    expect(byName("c").adjoint).toBeCloseTo(dd_dc, 14);
    expect(byName("b").adjoint).toBeCloseTo(dd_dc * dc_db, 14);
    expect(byName("a").adjoint).toBeCloseTo(dd_dc * dc_db * db_da, 14);
    expect(t.gradient[0]).toBeCloseTo(dd_dc * dc_db * db_da * -1, 14);
    expect(t.gradient[1]).toBeCloseTo(dd_dc * dc_db * db_da * -x, 14);
  });

  test("exports DOT with values, local partials and adjoints", () => {
    const dot = toDot(t.output);
    expect(dot).toMatch(/^digraph computation \{\n {2}rankdir=LR;/);
    expect(dot).toContain(`[label="w0\\nvalue 0.5000\\nadjoint ${(t.gradient[0]).toPrecision(4)}", shape=box]`);
    expect(dot).toMatch(/label="b = exp\\nvalue [\d.]+\\nadjoint -?[\d.]+", shape=ellipse/);
    expect(dot).toContain(`[label="∂ ${b.toPrecision(4)}"]`);
    expect(dot.match(/->/g)!.length).toBeGreaterThanOrEqual(9);
    expect(dot.trimEnd().endsWith("}")).toBe(true);
  });

  test("exports Mermaid with the same nodes", () => {
    const mermaid = toMermaid(t.output);
    expect(mermaid.startsWith("flowchart LR\n")).toBe(true);
    for (const name of ["w0", "w1", "a = −", "b = exp", "c = ÷", "d = log"]) expect(mermaid).toContain(name);
    expect(mermaid).toMatch(/n\d+ -->\|"∂ [-\d.e]+"\| n\d+/);
  });

  test("a result that does not depend on the inputs is an error", () => {
    expect(() => trace((w: Real) => (w ? 3 : 3), [1])).toThrow("trace(the function): the result does not depend on any selected input");
  });
});
