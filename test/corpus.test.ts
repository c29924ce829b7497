// A corpus of standard AD test functions through every API function, in
// both modes, against closed-form derivatives and finite differences.

import { describe, expect, test } from "vitest";
import { fc, test as prop } from "@fast-check/vitest";
import { checkGradient, derivative, grad, hessian, jacobian, jvp, numericalJacobian, valueAndGrad, type Real } from "../src/index.js";
import { ackley, ackleyGradient, rosenbrock, rosenbrockGradient, scalarCases, twist, twistJacobian } from "./support/corpus.js";
import { expectClose } from "./support/helpers.js";

describe.each(scalarCases)("scalar → scalar: $name", ({ f, df, points }) => {
  test("derivative, grad, jvp and valueAndGrad give the closed form in both modes", () => {
    for (const x of points) {
      expectClose(derivative(f)(x), df(x), 1e-12, 1e-14);
      expectClose(grad(f)(x), df(x), 1e-12, 1e-14);
      expectClose(grad(f, { mode: "reverse" })(x), df(x), 1e-12, 1e-14);
      expectClose(jvp(f, [x], [2]), [f(x), 2 * df(x)], 1e-12, 1e-14);
      expectClose(valueAndGrad(f)(x), [f(x), df(x)], 1e-12, 1e-14);
      checkGradient(f, [x]);
    }
  });

  test("hessian is the derivative of the derivative, in both modes", () => {
    for (const x of points) {
      const second = derivative((t: Real) => derivative(f)(t))(x);
      expectClose(hessian(f, { mode: "forward" })(x), [[second]], 1e-12, 1e-14);
      expectClose(hessian(f, { mode: "reverse" })(x), [[second]], 1e-10, 1e-12);
      const fd = numericalJacobian((t: number) => derivative(f)(t), [x]);
      expectClose(second, fd[0][0], 1e-6, 1e-8);
    }
  });
});

const vector = (n: number) => fc.array(fc.double({ min: -2, max: 2, noNaN: true }), { minLength: n, maxLength: n });

describe("vector → scalar", () => {
  prop.prop([fc.integer({ min: 2, max: 12 }).chain(vector)], { numRuns: 40 })("Rosenbrock: grad in both modes, valueAndGrad, jvp", (x) => {
    const expected = rosenbrockGradient(x);
    expectClose(grad(rosenbrock)(x), expected, 1e-12, 1e-10);
    expectClose(grad(rosenbrock, { mode: "reverse" })(x), expected, 1e-12, 1e-10);
    expectClose(valueAndGrad(rosenbrock)(x)[0], rosenbrock(x), 0, 0);
    const v = x.map((_, i) => (i % 3) - 1);
    expectClose(
      jvp(rosenbrock, [x], [v])[1],
      expected.reduce((s, g, i) => s + g * v[i], 0),
      1e-12,
      1e-9,
    );
  });

  prop.prop(
    [
      fc
        .integer({ min: 1, max: 10 })
        .chain(vector)
        .filter((x) => Math.hypot(...x) > 0.1) /* the kink at 0 */,
    ],
    { numRuns: 40 },
  )("Ackley: grad in both modes against the closed form and finite differences", (x) => {
    const expected = ackleyGradient(x);
    expectClose(grad(ackley)(x), expected, 1e-10, 1e-12);
    expectClose(grad(ackley, { mode: "reverse" })(x), expected, 1e-10, 1e-12);
    checkGradient(ackley, [x], { rtol: 1e-5, atol: 1e-7 });
  });

  test("Rosenbrock's Hessian: symmetric, both modes, matches finite differences of the gradient", () => {
    const x = [0.3, -1.2, 0.8, 1.1];
    const forward = hessian(rosenbrock, { mode: "forward" })(x);
    const reverse = hessian(rosenbrock)(x); // forward over reverse, the default
    expectClose(reverse, forward, 1e-12, 1e-10);
    forward.forEach((row, i) => row.forEach((h, j) => expect(h).toBe(forward[j][i])));
    expectClose(
      forward,
      numericalJacobian((v: number[]) => rosenbrockGradient(v), [x]),
      1e-6,
      1e-6,
    );
    // The closed form of the diagonal: ∂²/∂x0² = 1200·x0² − 400·x1 + 2.
    expectClose(forward[0][0], 1200 * x[0] ** 2 - 400 * x[1] + 2, 1e-12, 1e-10);
  });

  test("a Float64Array input gives the same gradient as an array", () => {
    const x = [0.5, -0.25, 1.5];
    expectClose(grad(rosenbrock)(new Float64Array(x) as unknown as Real[]), rosenbrockGradient(x), 1e-12, 1e-12);
  });
});

describe("vector → vector", () => {
  prop.prop([fc.double({ min: 0.1, max: 3, noNaN: true }), fc.double({ min: -3, max: 3, noNaN: true })], { numRuns: 40 })(
    "jacobian in both modes against the closed form and finite differences",
    (r, theta) => {
      const expected = twistJacobian(r, theta);
      expectClose(jacobian(twist, { mode: "forward" })(r, theta), expected, 1e-12, 1e-14);
      expectClose(jacobian(twist, { mode: "reverse" })(r, theta), expected, 1e-12, 1e-14);
      expectClose(jacobian(twist)(r, theta), expected, 1e-12, 1e-14);
      expectClose(numericalJacobian(twist, [r, theta]), expected, 1e-6, 1e-8);
      const [value, tangent] = jvp(twist, [r, theta], [1, -1]);
      expectClose(value, twist(r, theta) as number[], 0, 0);
      expectClose(
        tangent,
        expected.map((row) => row[0] - row[1]),
        1e-12,
        1e-14,
      );
      expectClose(
        derivative((t: Real) => twist(2, t))(theta),
        twistJacobian(2, theta).map((row) => row[1]),
        1e-12,
        1e-14,
      );
    },
  );
});
