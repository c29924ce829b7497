// Generated reverse mode: the linear tape (src/reverse/linear.ts) on its own,
// and the record form the transform generates, through the API. The record
// form is also held against the JVP, the runtime's tape and finite
// differences on random whole programs (programs.test.ts) and in chunk.test.ts.

import { describe, expect, test, vi } from "vitest";
import { fc, test as prop } from "@fast-check/vitest";
import { derivativeInfo, grad, jacobian, nanSafeMode, numericalGradient, valueAndGrad, type DerivativeInfo } from "../src/index.js";
import { LinearTape, withTape } from "../src/reverse/linear.js";
import { guarded, logistic, squareRootSum, viaImport, wide } from "./programs/recorded.js";
import { rosenbrock, smoothed } from "./programs/chunked.js";
import { viaGuarded, viaRecorded } from "./programs/recorded-caller.js";
import { logSumExp, softplus, softplusLoss } from "./programs/higher-order.js";
import { expectClose } from "./support/helpers.js";

describe("the linear tape", () => {
  test("one sweep gives every adjoint: f = x·y + 3·x at (2, 5)", () => {
    const tape = new LinearTape();
    const x = tape.input();
    const y = tape.input();
    const xy = tape.node2(x, 5, y, 2);
    const f = tape.node2(xy, 1, x, 3);
    const adjoints = tape.backward(f);
    expect([adjoints[x], adjoints[y]]).toEqual([8, 2]);
    expect(tape.edges).toBe(4);
  });

  test("the constant node 0 passes nothing on, and a zero adjoint passes nothing back", () => {
    const tape = new LinearTape();
    const x = tape.input();
    const behindZero = tape.node1(x, Infinity);
    const f = tape.node3(behindZero, 0, 0, 7, x, 2);
    const adjoints = tape.backward(f);
    expect(adjoints[x]).toBe(2);
  });

  test("storage grows from a capacity of 1 without losing edges", () => {
    const tape = new LinearTape(1);
    const x = tape.input();
    let node = x;
    for (let i = 0; i < 1000; i++) node = tape.node1(node, 1.001);
    expect(tape.backward(node)[x]).toBeCloseTo(1.001 ** 1000, 9);
  });

  test("a tape taken while another is in use is a different one", () => {
    withTape((outer) => {
      outer.input();
      withTape((inner) => {
        expect(inner).not.toBe(outer);
        expect(inner.count).toBe(0);
      });
      expect(outer.count).toBe(1);
    });
  });

  test("a tape grown past 16 MB is not kept for reuse", () => {
    let big: LinearTape | undefined;
    withTape((tape) => {
      big = tape;
      let node = tape.input();
      while (tape.capacity <= 1 << 20) node = tape.node1(node, 1);
    });
    withTape((tape) => expect(tape).not.toBe(big));
  });

  // A random graph: each node a linear combination of earlier ones. Its gradient computed forwards
  // (the tangent of every node along each input direction) must equal the backward sweep's.
  const graph = fc.array(fc.array(fc.tuple(fc.nat(), fc.double({ min: -3, max: 3, noNaN: true })), { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 40 });
  prop.prop([fc.integer({ min: 1, max: 5 }), graph])("backward equals forward accumulation on random graphs", (inputs, nodes) => {
    const tape = new LinearTape(4);
    const ids = Array.from(tape.inputs(inputs));
    const tangents: number[][] = ids.map((_, k) => ids.map((__, j) => (j === k ? 1 : 0))); // tangents[node][input]
    for (const edges of nodes) {
      const args = edges.map(([pick, partial]) => [ids[pick % ids.length], partial] as const);
      const padded = [...args, [0, 0] as const, [0, 0] as const, [0, 0] as const].slice(0, Math.max(args.length, 1));
      const flat = padded.flat();
      const id = [tape.node1, tape.node2, tape.node3, tape.node4][padded.length - 1].apply(tape, flat as never);
      ids.push(id);
      tangents.push(Array.from({ length: inputs }, (_, k) => padded.reduce((sum, [node, partial]) => sum + (node === 0 ? 0 : partial * tangents[node - 1][k]), 0)));
    }
    const output = ids[ids.length - 1];
    const adjoints = tape.backward(output);
    expectClose(
      ids.slice(0, inputs).map((id) => adjoints[id]),
      tangents[output - 1],
      1e-12,
      1e-12,
    );
  });
});

/** f with its record form replaced by a counting spy. */
function spied(f: Function): { g: Function; calls: () => number } {
  const info = derivativeInfo(f)!;
  const spy = vi.fn(info.record!);
  const g = Object.defineProperty(function spied() {}, Symbol.for("dualts.derivative"), { value: { ...info, record: spy } satisfies DerivativeInfo });
  return { g, calls: () => spy.mock.calls.length };
}

const data = (n: number, d: number) => ({
  w: new Float64Array(d).map((_, j) => Math.sin(j + 1) / 2),
  xs: new Float64Array(n * d).map((_, i) => Math.cos(0.7 * i) * 2),
  ys: new Float64Array(n).map((_, i) => (i % 3 === 0 ? 1 : 0)),
});

describe("generated reverse mode", () => {
  test("mode: 'reverse' runs the record form once, and agrees with forward mode and finite differences", () => {
    const { w, xs, ys } = data(20, 5);
    const { g, calls } = spied(logistic);
    // grad runs the record form's twin, which skips the logs (gradient-form.test.ts); valueAndGrad the record form.
    const [, reverse] = valueAndGrad(g as typeof logistic, { mode: "reverse" })(w, 0.3, xs, ys);
    expect(calls()).toBe(1);
    expect(grad(g as typeof logistic, { mode: "reverse" })(w, 0.3, xs, ys)).toEqual(reverse);
    expect(calls(), "grad took the twin").toBe(1);
    expectClose(reverse, grad(logistic, { mode: "forward" })(w, 0.3, xs, ys), 1e-13, 1e-14);
    const numeric = numericalGradient((...p: number[]) => logistic(new Float64Array(p.slice(0, 5)), p[5], xs, ys), [...w, 0.3]);
    expectClose([...reverse[0], reverse[1]], numeric, 1e-8, 1e-9);
  });

  test("grad's default: forward mode up to 12 inputs, the record form from 13", () => {
    const { g, calls } = spied(rosenbrock);
    grad(g as typeof rosenbrock)([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(calls()).toBe(0);
    grad(g as typeof rosenbrock)(Array.from({ length: 13 }, (_, i) => i / 4));
    expect(calls()).toBe(1);
    grad(g as typeof rosenbrock, { chunk: 12 })(Array.from({ length: 13 }, (_, i) => i / 4));
    expect(calls(), "an explicit chunk asks for forward mode").toBe(1);
  });

  test("valueAndGrad returns the value the record form computed", () => {
    const x = Array.from({ length: 30 }, (_, i) => 1 + i / 10);
    const [value, gradient] = valueAndGrad(squareRootSum)(x);
    expect(value).toBe(squareRootSum(x));
    expectClose(
      gradient,
      x.map((v) => 0.5 / Math.sqrt(v)),
      1e-15,
      1e-15,
    );
  });

  test("where the value is NaN (outside a domain), so is every derivative", () => {
    const x = Array.from({ length: 20 }, (_, i) => i - 1); // sqrt(-1) is NaN
    const gradient = grad(squareRootSum, { mode: "reverse" })(x);
    expect(gradient.every(Number.isNaN)).toBe(true);
  });

  test("a node of more than four arguments is chained and still exact", () => {
    const args = [0.3, -1.2, 0.7, 2.1, -0.4, 1.6] as const;
    expectClose(grad(wide, { mode: "reverse" })(...args), grad(wide, { mode: "forward" })(...args), 1e-14, 1e-14);
    expect(String(derivativeInfo(wide)!.record)).toContain("node4(tape.node4(");
  });

  test("jacobian in reverse mode: one run, one sweep per output", () => {
    const v = Array.from({ length: 15 }, (_, i) => Math.sin(i));
    const { g, calls } = spied(smoothed);
    expectClose(jacobian(g as typeof smoothed, { mode: "reverse" })(v), jacobian(smoothed, { mode: "forward" })(v), 1e-14, 1e-14);
    expect(calls()).toBe(1);
  });

  test("a nansafe function has no record form; reverse mode runs its generic form", () => {
    expect(derivativeInfo(guarded)!.record).toBeUndefined();
    expectClose(grad(guarded, { mode: "reverse" })(0.5, 2), grad(guarded, { mode: "forward" })(0.5, 2), 1e-14, 1e-14);
  });

  test("a call to another module records through the callee's own record form, looked up at run time", () => {
    const x = Array.from({ length: 20 }, (_, i) => 1 + i / 7);
    expect(derivativeInfo(viaImport)!.record).toBeTypeOf("function");
    expect(String(derivativeInfo(viaRecorded)!.record)).toContain("__dualtsRecord(");
    const { g, calls } = spied(viaRecorded);
    const reverse = grad(g as typeof viaRecorded)(x, 1.5);
    expect(calls()).toBe(1);
    expectClose(reverse, grad(viaRecorded, { mode: "forward" })(x, 1.5), 1e-14, 1e-14);
    expectClose(grad(viaImport, { mode: "reverse" })(0.5, 2), grad(viaImport, { mode: "forward" })(0.5, 2), 1e-14, 1e-14);
  });

  test("custom rules (defineJvp) record one node each, from unit tangents, so callers keep their record form", () => {
    expect(derivativeInfo(softplus)!.record).toBeTypeOf("function");
    const { g, calls } = spied(softplusLoss);
    for (const [w, b] of [
      [0.3, -1.2],
      [2, 0.5],
    ]) {
      expectClose(grad(g as typeof softplusLoss, { mode: "reverse" })(w, b), grad(softplusLoss, { mode: "forward" })(w, b), 1e-14, 1e-14);
    }
    expect(calls(), "no fallback to the runtime's tape").toBe(2);
    expectClose(grad(logSumExp, { mode: "reverse" })([1, 2, 0.5]), grad(logSumExp, { mode: "forward" })([1, 2, 0.5]), 1e-15, 1e-15);
  });

  test("where the callee has no record form, reverse mode falls back to the generic form on the runtime's tape, and remembers", () => {
    const { g, calls } = spied(viaGuarded);
    const f = g as typeof viaGuarded;
    for (let i = 0; i < 3; i++) expectClose(grad(f, { mode: "reverse" })(0.5, 2), grad(viaGuarded, { mode: "forward" })(0.5, 2), 1e-14, 1e-14);
    expect(calls(), "tried once, then the runtime's tape directly").toBe(1);
    expectClose(jacobian(viaGuarded, { mode: "reverse" })(0.5, 2), [grad(viaGuarded, { mode: "forward" })(0.5, 2)], 1e-14, 1e-14);
  });

  test("in NaN-safe mode, grad's default stays in forward mode", () => {
    const { g, calls } = spied(rosenbrock);
    const x = Array.from({ length: 20 }, (_, i) => i / 4);
    nanSafeMode(true);
    try {
      grad(g as typeof rosenbrock)(x);
    } finally {
      nanSafeMode(false);
    }
    expect(calls()).toBe(0);
  });
});
