// The runtime's reverse-mode tape as an object: what a Var shows, repeated
// sweeps, and the storage that derivatives hand on to the next tape (a tape
// that grad released, and the tape that reuses its storage, see nothing of
// each other).

import { describe, expect, test } from "vitest";
import { add, exp, grad, hypot, label, log, max, mul, sin, sqrt, Tape, type Var, type Real } from "../src/index.js";

describe("the runtime tape", () => {
  test("a Var shows its op, arguments (constants as numbers), partials, label and adjoint", () => {
    const tape = new Tape();
    const x = tape.input(2, "x");
    const y = tape.input(3);
    const z = add(mul(x, 5), sin(y)) as Var;
    const wide = max(x, y, 1, z) as Var;
    expect(z.adjoint).toBe(0);
    tape.backward(z);
    expect([x.adjoint, y.adjoint, z.adjoint, wide.adjoint]).toEqual([5, Math.cos(3), 1, 0]);
    const times = z.args[0] as Var;
    expect([times.op, times.args.map(String), times.partials]).toEqual(["mul", ["Var(2)", "5"], [5, 0]]);
    expect([wide.op, wide.args.length, wide.args[3]]).toEqual(["max", 4, z]);
    expect([x.label, y.label, x.args, x.partials]).toEqual(["x", undefined, [], []]);
    label(z, "z");
    expect(tape.nodes.map((n) => n.label ?? n.op)).toEqual(["x", "input", "mul", "sin", "z", "max"]);
    expect(tape.nodes.map((n) => n.index)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  test("each sweep starts from zero adjoints, also for nodes recorded after the last one", () => {
    const tape = new Tape();
    const x = tape.input(0.5);
    const y = exp(x) as Var;
    tape.backward(y);
    tape.backward(y);
    expect(x.adjoint).toBe(Math.exp(0.5));
    const later = mul(y, y) as Var;
    expect(later.adjoint).toBe(0);
    // Nodes enough for the storage to grow: the last sweep's adjoints stay as they were.
    for (let k = 0; k < 5000; k++) add(x, k);
    expect([x.adjoint, y.adjoint]).toEqual([Math.exp(0.5), 1]);
    tape.backward(later);
    expect(x.adjoint).toBe(2 * Math.exp(0.5) * Math.exp(0.5));
    expect(y.adjoint).toBe(2 * Math.exp(0.5));
  });

  test("an infinite partial behind a zero adjoint passes nothing back", () => {
    const tape = new Tape();
    const x = tape.input(0);
    const root = sqrt(x) as Var;
    tape.backward(add(mul(root, 0.5), x) as Var);
    expect(root.partials).toEqual([Infinity]);
    tape.backward(add(x, mul(0, root)) as Var);
    expect(x.adjoint).toBe(1);
  });

  test("a tape sweeps only its own outputs", () => {
    const other = new Tape().input(1);
    expect(() => new Tape().backward(other)).toThrow("backward: the output was not recorded on this tape");
  });

  test("a variable kept from inside grad keeps its value; its released tape throws on anything else", () => {
    let kept = 0 as Real;
    grad((x: Real) => (kept = log(mul(x, x))), { mode: "reverse" })(3);
    expect((kept as Var).value).toBe(Math.log(9));
    expect(() => (kept as Var).adjoint).toThrow(/released when the derivative that made it returned/);
    expect(() => (kept as Var).args).toThrow(/trace\(f, args\)/);
    expect(() => mul(kept, 2)).toThrow(/released/);
  });

  test("a tape reusing a released tape's storage sees none of its nodes, adjoints or wide operations", () => {
    const big = (xs: Real[]) => xs.reduce((s: Real, x) => add(s, hypot(x, s, 2)), 0);
    const xs = Array.from({ length: 300 }, (_, i) => i / 100);
    const gradient = grad(big, { mode: "reverse" })(xs);
    expect(gradient.every(Number.isFinite)).toBe(true);
    const tape = new Tape();
    const a = tape.input(1);
    const b = mul(a, 2) as Var;
    expect([a.adjoint, b.adjoint, b.op, b.args.map(String), b.partials, tape.nodes.length]).toEqual([0, 0, "mul", ["Var(1)", "2"], [2, 0], 2]);
    tape.backward(b);
    expect(a.adjoint).toBe(2);
    // Repeated gradients reuse storage and agree bit for bit.
    expect(grad(big, { mode: "reverse" })(xs)).toEqual(gradient);
  });
});
