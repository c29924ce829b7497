// Issue 4 beyond chunk mode: custom derivative rules, stop-gradient,
// noDerivative parameters, and derivatives taken inside differentiable
// functions (no perturbation confusion), on compiled code and the runtime.

import { describe, expect, test } from "vitest";
import { fc, test as prop } from "@fast-check/vitest";
import { add, centralDifference, checkGradient, derivative, derivativeInfo, grad, hessian, jvp, mul, nanSafeMode, numericalGradient, pow, sqrt, type Real } from "../src/index.js";
import { logSumExp, repeated, rootPlus, rootPlusNanSafe, scaledByStoppedNorm, softplus, softplusLoss, timesDerivativeOfSquare, timesInnerDerivative } from "./programs/higher-order.js";
import { expectClose, inNanSafeMode } from "./support/helpers.js";

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

describe("custom derivative rules (defineJvp)", () => {
  test("the rule is the derivative, also where the naive formula overflows", () => {
    expect(derivative(softplus)(800)).toBe(1);
    expect(derivative(softplus)(-800)).toBe(0);
    expect(softplus(800)).toBe(800);
    expectClose(derivative(softplus)(0.3), sigmoid(0.3), 1e-15, 0);
  });

  prop.prop([fc.double({ min: -3, max: 3, noNaN: true }), fc.double({ min: -3, max: 3, noNaN: true })], { numRuns: 40 })(
    "compiled code calling rules: generated, reverse and finite differences agree",
    (w, b) => {
      const forward = grad(softplusLoss)(w, b);
      expectClose(grad(softplusLoss, { mode: "reverse" })(w, b), forward, 1e-12, 1e-14);
      expectClose(numericalGradient(softplusLoss, [w, b]), forward, 1e-7, 1e-9);
    },
  );

  test("a rule over an array (log-sum-exp) in both modes", () => {
    const xs = [1000, 1001, 999.5];
    const softmax = xs.map((x) => Math.exp(x - 1001)).map((e, _, all) => e / all.reduce((s, v) => s + v, 0));
    expectClose(grad(logSumExp)(xs), softmax, 1e-14, 1e-15);
    expectClose(grad(logSumExp, { mode: "reverse" })(xs), softmax, 1e-14, 1e-15);
  });

  test("code written over the runtime's operations can call a rule", () => {
    const f = (x: Real) => mul(2, softplus(x as number));
    expectClose(derivative(f)(0.5), 2 * sigmoid(0.5), 1e-15, 0);
    expectClose(grad(f, { mode: "reverse" })(0.5), 2 * sigmoid(0.5), 1e-15, 0);
  });

  test("runtime code calling a rule in chunk mode: one call of the rule per lane", () => {
    const f = (x: Real, y: Real) => mul(softplus(x as number), softplus(y as number));
    const expected = [sigmoid(0.5) * softplus(-1), softplus(0.5) * sigmoid(-1)];
    expectClose(grad(f)(0.5, -1), expected, 1e-15, 0);
    expectClose(grad(f, { chunk: 1 })(0.5, -1), expected, 1e-15, 0);
    expectClose(grad(f, { mode: "reverse" })(0.5, -1), expected, 1e-15, 0);
  });

  test("a second derivative through a rule is refused, not computed wrong", () => {
    expect(() => hessian(softplus)(0.5)).toThrow(/softplus: its custom derivative rule gives first derivatives only/);
  });
});

describe("stopping derivatives", () => {
  test("noDerivative(x) treats a value as a constant, in both modes", () => {
    const [x, y] = [3, 4];
    expectClose(grad(scaledByStoppedNorm)(x, y), [y / 5, x / 5], 1e-15, 0);
    expectClose(grad(scaledByStoppedNorm, { mode: "reverse" })(x, y), [y / 5, x / 5], 1e-15, 0);
    // …which is not the derivative of the whole expression:
    expect(Math.abs(numericalGradient(scaledByStoppedNorm, [x, y])[0] - y / 5)).toBeGreaterThan(0.1);
  });

  test("@differentiable noDerivative(n) leaves a parameter out", () => {
    expect(derivativeInfo(repeated)?.wrt).toEqual([0]);
    expect(grad(repeated)(2, 3)).toBe(12);
    expect(() => grad(repeated, { wrt: "n" })(2, 3)).toThrow(/only with respect to x, not n/);
  });
});

describe("derivatives inside differentiable functions", () => {
  test("x · d/dy (x + y): the inner derivative is 1, so f′(1) = 1, not 2", () => {
    expect(derivativeInfo(timesInnerDerivative)?.jvp).toBeUndefined();
    expect(derivative(timesInnerDerivative)(1)).toBe(1);
    expect(grad(timesInnerDerivative, { mode: "reverse" })(1)).toBe(1);
  });

  test("x · d/dy y² at x is 2x², with derivative 4x and second derivative 4", () => {
    for (const x of [-1.5, 0.5, 2]) {
      expect(derivative(timesDerivativeOfSquare)(x)).toBe(4 * x);
      expect(grad(timesDerivativeOfSquare, { mode: "reverse" })(x)).toBe(4 * x);
      expect(hessian(timesDerivativeOfSquare)(x)).toEqual([[4]]);
      checkGradient(timesDerivativeOfSquare, [x]);
      expect(Math.abs(centralDifference((t) => timesDerivativeOfSquare(x + t)).derivative - 4 * x)).toBeLessThan(1e-8);
    }
  });
});

describe("second derivatives through a rule's conventions", () => {
  // ∂(xʸ)/∂x is 0 at y = 0 by convention; as a constant it lost ∂²xʸ/∂x∂y = x⁻¹ there (found by matrices.test.ts).
  test("x ** y at y = 0: the mixed partial is 1/x in both modes", () => {
    const expected = [
      [0, 0.5],
      [0.5, Math.log(2) ** 2],
    ];
    for (const mode of ["forward", "reverse"] as const) {
      expectClose(hessian((x: Real, y: Real) => pow(x, y), { mode })(2, 0), expected, 1e-14, 1e-15);
    }
  });
});

describe("NaN-safe mode", () => {
  test("compiled: a zero tangent through an infinite partial stays zero, by default (the rerun) and when compiled nansafe", () => {
    // Differentiating along y only: x's tangent is 0, but ∂√x/∂x is infinite at x = 0. The generated JVP
    // gives 0 · ∞ = NaN; the API runs the call again NaN-safely (src/api/poison.ts).
    expect(derivativeInfo(rootPlus)!.jvp!(0, 0, 3, 1)[1]).toBeNaN();
    expect(jvp(rootPlus, [0, 3], [0, 1])[1]).toBe(0);
    expect(jvp(rootPlusNanSafe, [0, 3], [0, 1])[1]).toBe(0);
    expect(grad(rootPlusNanSafe, { chunk: 2 })(0, 3)).toEqual([Infinity, 0]);
    expect(grad(rootPlus, { chunk: 2 })(0, 3)).toEqual([Infinity, 0]);
    // Where nothing is infinite the two agree.
    expect(grad(rootPlusNanSafe)(4, 3)).toEqual(grad(rootPlus)(4, 3));
  });

  test("runtime: nanSafeMode(true) keeps the zero; without it the API's rerun does, and restores the mode", () => {
    const f = (x: Real) => add(sqrt(mul(x, 0)), x);
    expect(derivative(f)(0)).toBe(1);
    expect(nanSafeMode(false)).toBe(false);
    inNanSafeMode(true, () => {
      expect(derivative(f)(0)).toBe(1);
      expect(derivative((x: Real) => sqrt(x))(0)).toBe(Infinity);
    });
    // A NaN that is the derivative's own survives the rerun: (−2)ʸ is real only at integer y.
    expect(derivative((y: Real) => pow(-2, y))(2)).toBeNaN();
    expect(nanSafeMode(false)).toBe(false);
  });
});
