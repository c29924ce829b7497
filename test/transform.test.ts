// Functions compiled by the transform (through the Vite plugin, as a user's
// tests would be): the generated JVP, the generic form on the reverse tape
// and finite differences of the untouched primal agree.

import { describe, expect, test } from "vitest";
import { checkGradient, derivativeInfo, grad, hessian, jvp, numericalGradient, toDot, trace, valueAndGrad } from "../src/index.js";
import { loss, polynomial, term } from "./programs/lecture.js";
import { expectClose } from "./support/helpers.js";

const xs = new Float64Array([-2, -1, -0.5, 0.3, 1, 2.5]);
const ys = new Float64Array([0, 0, 1, 0, 1, 1]);

describe("the lecture's functions, compiled", () => {
  test("are registered with their parameters and wrt", () => {
    expect(derivativeInfo(loss)).toMatchObject({ name: "loss", parameters: ["w0", "w1", "xs", "ys"], wrt: [0, 1], result: "scalar" });
  });

  test("the polynomial's gradient is (1, 6·w1, 15·w2²)", () => {
    expect(grad(polynomial)(1.5, -2, 0.5)).toEqual([1, -12, 3.75]);
    expect(grad(polynomial, { mode: "reverse" })(1.5, -2, 0.5)).toEqual([1, -12, 3.75]);
    expect(hessian(polynomial)(1.5, -2, 0.5)).toEqual([
      [0, 0, 0],
      [0, 6, 0],
      [0, 0, 15],
    ]);
  });

  test("BCE: generated, reverse, finite differences and the analytic formula agree", () => {
    const [w0, w1] = [0.2, -0.7];
    let g0 = 0;
    let g1 = 0;
    xs.forEach((x, i) => {
      const r = 1 / (1 + Math.exp(-(w0 + w1 * x))) - ys[i];
      g0 += r / xs.length;
      g1 += (r * x) / xs.length;
    });
    const forward = grad(loss)(w0, w1, xs, ys);
    expectClose(forward, [g0, g1], 1e-12, 1e-14);
    expectClose(grad(loss, { mode: "reverse" })(w0, w1, xs, ys), forward, 1e-12, 1e-14);
    expectClose(numericalGradient(loss, [w0, w1, xs, ys], { wrt: [0, 1] }), forward, 1e-8, 1e-10);
    expect(valueAndGrad(loss)(w0, w1, xs, ys)[0]).toBe(loss(w0, w1, xs, ys));
    expectClose(jvp(loss, [w0, w1, xs, ys], [1, 2])[1], g0 + 2 * g1, 1e-12, 1e-14);
    checkGradient(loss, [w0, w1, xs, ys]);
  });

  test("wrt outside the compiled parameters is refused", () => {
    expect(() => grad(loss, { wrt: "xs" })(0, 0, xs, ys)).toThrow(
      "grad(loss): loss was compiled differentiable only with respect to w0, w1, not xs; add it to wrt(…) in its @differentiable tag (or to the wrt of differentiable(fn, { wrt }))",
    );
  });

  test("an unprocessed plain function gets an error that says how to enable the transform", () => {
    const plain = (x: number) => x * x;
    expect(() => grad(plain)(3)).toThrow(/plain applies JavaScript operators to its inputs and was not compiled by the dualts transform\. Mark it \/\*\* @differentiable \*\//);
  });
});

describe("the computational graph of a compiled function", () => {
  test("trace runs the generic form, and label names the lecture's nodes", () => {
    const t = trace(term, [0.5, -0.4]);
    const named = t.tape.nodes.filter((n) => n.label).map((n) => n.label);
    expect(named).toEqual(expect.arrayContaining(["w0", "w1", "a", "b", "c", "d"]));
    expectClose(t.gradient, grad(term)(0.5, -0.4), 1e-14, 1e-15);
    expect(toDot(t.output)).toContain("b = exp");
  });
});
