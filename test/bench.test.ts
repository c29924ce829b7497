// The benchmark's functions (bench/) compile under the transform and their
// derivatives agree with the hand-written ones, on small inputs: every route
// the benchmark times — the generated JVP and gradient (chunk 1, chunked, the
// generated reverse mode and grad's default), the Dual runtime, the
// Hessian and the Jacobians in every mode — so a benchmark never
// times a wrong answer. Speed is not asserted here; `npm run bench` measures it.
// (The peers, TF.js and mathjs, are checked by the benchmark itself before timing.)

import { describe, expect, test } from "vitest";
import { derivativeInfo, grad, hessian, jacobian, jvp } from "dualts";
import * as analytic from "../bench/analytic.js";
import { bceData, fitData, mlpData, point } from "../bench/data.js";
import * as compiled from "../bench/functions.js";
import * as runtime from "../bench/runtime.js";
import { expectClose } from "./helpers.js";

const routes = [
  ["default", {}],
  ["chunked", { mode: "forward" }],
  ["chunk 1", { chunk: 1 }],
  ["reverse", { mode: "reverse" }],
] as const;
/** A function over the runtime: grad's default (chunk mode where it has one) and one tangent per pass. */
const onDuals = [{}, { chunk: 1 }] as const;

describe("the benchmark's functions", () => {
  test("are compiled by the transform", () => {
    for (const f of [compiled.bce, compiled.polynomial, compiled.rosenbrock, compiled.ackley, compiled.mlpLoss, compiled.ackleySums, compiled.fitResiduals]) {
      expect(derivativeInfo(f)?.chunkJvp, f.name).toBeTypeOf("function");
      expect(derivativeInfo(f)?.record, f.name).toBeTypeOf("function");
    }
  });

  test("BCE", () => {
    const { xs, ys } = bceData(200);
    const expected = analytic.bceGradient(0.2, -0.7, xs, ys);
    for (const [, options] of routes) {
      expectClose(grad(compiled.bce, { wrt: ["w0", "w1"], ...options })(0.2, -0.7, xs, ys), expected, 1e-12, 1e-14);
    }
    for (const options of onDuals) expectClose(grad(runtime.bce, { wrt: ["w0", "w1"], ...options })(0.2, -0.7, xs, ys), expected, 1e-12, 1e-14);
    const [, directional] = jvp(compiled.bce, [0.2, -0.7, xs, ys], [1, 2], { wrt: ["w0", "w1"] });
    expectClose(directional, expected[0] + 2 * expected[1], 1e-12, 1e-14);
  });

  test("the polynomial", () => {
    for (const [, options] of routes) expectClose(grad(compiled.polynomial, options)(1.5, -2, 0.5), [1, -12, 3.75], 1e-15, 0);
    for (const options of onDuals) expectClose(grad(runtime.polynomial, options)(1.5, -2, 0.5), [1, -12, 3.75], 1e-15, 0);
  });

  test.each([2, 10, 30])("Rosenbrock, n = %i", (n) => {
    const x = point(n, -1, 1.5);
    const expected = analytic.rosenbrockGradient(x);
    for (const [, options] of routes) expectClose(grad(compiled.rosenbrock, options)(x), expected, 1e-12, 1e-12);
    for (const options of onDuals) expectClose(grad(runtime.rosenbrock, options)(x), expected, 1e-12, 1e-12);
  });

  test("Ackley", () => {
    const x = point(20, -2, 2, 7);
    const expected = analytic.ackleyGradient(x);
    for (const [, options] of routes) expectClose(grad(compiled.ackley, options)(x), expected, 1e-10, 1e-12);
    for (const options of onDuals) expectClose(grad(runtime.ackley, options)(x), expected, 1e-10, 1e-12);
  });

  test("the neural network: backpropagation by hand", () => {
    const { X, Y, p } = mlpData(4);
    const expected = analytic.mlpGradient(p, X, Y);
    expect(expected).toHaveLength(compiled.parameterCount);
    for (const [, options] of routes) expectClose(grad(compiled.mlpLoss, { wrt: ["p"], ...options })(p, X, Y), expected, 1e-10, 1e-12);
    for (const options of onDuals) expectClose(grad(runtime.mlpLoss, { wrt: ["p"], ...options })(p, X, Y), expected, 1e-10, 1e-12);
  });

  test("the Rosenbrock Hessian", () => {
    const x = point(6, -1, 1.5, 11);
    const expected = analytic.rosenbrockHessian(x);
    expectClose(hessian(compiled.rosenbrock)(x), expected, 1e-12, 1e-10);
    expectClose(hessian(compiled.rosenbrock, { mode: "reverse" })(x), expected, 1e-12, 1e-10);
    expectClose(hessian(runtime.rosenbrock)(x), expected, 1e-12, 1e-10);
  });

  const jacobianModes = [{}, { mode: "forward" }, { mode: "reverse" }] as const;

  test("the wide Jacobian: Ackley's two sums", () => {
    const x = point(20, -2, 2, 7);
    const expected = analytic.ackleySumsJacobian(x);
    for (const options of jacobianModes) {
      expectClose(jacobian(compiled.ackleySums, options)(x), expected, 1e-12, 1e-12);
      expectClose(jacobian(runtime.ackleySums, options)(x), expected, 1e-12, 1e-12);
    }
  });

  test("the tall Jacobian: an exponential fit's residuals", () => {
    const { ts, ys } = fitData(30);
    const expected = analytic.fitJacobian(1.8, 0.6, ts);
    const wrt = ["a", "b", "c"];
    for (const options of jacobianModes) {
      expectClose(jacobian(compiled.fitResiduals, { wrt, ...options })(1.8, 0.6, 0.4, ts, ys), expected, 1e-12, 1e-12);
      expectClose(jacobian(runtime.fitResiduals, { wrt, ...options })(1.8, 0.6, 0.4, ts, ys), expected, 1e-12, 1e-12);
    }
  });
});
