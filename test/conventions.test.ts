// The conventions at points where a derivative does not exist, as
// documented in the README's conventions table. Each is checked in forward
// and reverse mode, which must agree.

import { describe, expect, test } from "vitest";
import { abs, add, ceil, derivative, floor, grad, hessian, hvp, hypot, jacobian, jvp, max, min, mod, mul, pow, round, sign, sqrt, trunc, cbrt, log, valueAndGrad, type Real } from "../src/index.js";

const both = (f: (...args: any[]) => Real, args: number[]) => {
  const forward = grad(f)(...args);
  const reverse = grad(f, { mode: "reverse" })(...args);
  expect(reverse).toEqual(forward);
  return forward;
};

describe("conventions at non-differentiable points", () => {
  test("|x| at 0 has derivative 0 (a subgradient); ±1 elsewhere", () => {
    expect(both((x: Real) => abs(x), [0])).toBe(0);
    expect(both((x: Real) => abs(x), [-2])).toBe(-1);
    expect(both((x: Real) => abs(x), [3])).toBe(1);
  });

  test("so |c²| at c = 0, which only touches 0, has second derivative 0 there (2 beside it), on both Hessian routes", () => {
    const touching = (c: Real) => abs(mul(c, c));
    for (const mode of ["forward", "reverse"] as const) {
      expect(hessian(touching, { mode })(0)).toEqual([[0]]);
      expect(hessian(touching, { mode })(1e-3)).toEqual([[2]]);
    }
  });

  test("√x, ∛x and log x at 0 have derivative +Infinity", () => {
    expect(derivative((x: Real) => sqrt(x))(0)).toBe(Infinity);
    expect(derivative((x: Real) => cbrt(x))(0)).toBe(Infinity);
    expect(derivative((x: Real) => log(x))(0)).toBe(Infinity);
  });

  test("xʸ at x = 0", () => {
    // y > 0: ∂/∂y = 0; ∂/∂x = y·0^(y−1).
    expect(both((x: Real, y: Real) => pow(x, y), [0, 2])).toEqual([0, 0]);
    expect(both((x: Real, y: Real) => pow(x, y), [0, 1])).toEqual([1, 0]);
    expect(both((x: Real, y: Real) => pow(x, y), [0, 0.5])).toEqual([Infinity, 0]);
    // x⁰ = 1 is constant in x, even at x = 0.
    expect(derivative((x: Real) => pow(x, 0))(0)).toBe(0);
    expect(derivative((x: Real) => pow(x, 0))(5)).toBe(0);
  });

  test("xʸ with x < 0: ∂/∂x is fine at integer y, ∂/∂y is NaN", () => {
    expect(derivative((x: Real) => pow(x, 3))(-2)).toBe(12);
    expect(derivative((y: Real) => pow(-2, y))(3)).toBeNaN();
  });

  test("max and min share the derivative among ties", () => {
    expect(both((x: Real, y: Real) => max(x, y), [1, 1])).toEqual([0.5, 0.5]);
    expect(both((x: Real, y: Real) => min(x, y), [1, 1])).toEqual([0.5, 0.5]);
    expect(both((x: Real, y: Real) => max(x, y), [2, 1])).toEqual([1, 0]);
    expect(both((x: Real, y: Real) => min(x, y), [2, 1])).toEqual([0, 1]);
    expect(both((a: Real, b: Real, c: Real) => max(a, b, c), [4, 4, 4])).toEqual([1 / 3, 1 / 3, 1 / 3]);
    expect(both((a: Real, b: Real, c: Real) => max(a, b, c), [1, 4, 4])).toEqual([0, 0.5, 0.5]);
    // So max(x, x) = x has derivative 1.
    expect(derivative((x: Real) => max(x, x))(3)).toBe(1);
  });

  test("piecewise-constant functions have derivative 0, also at their jumps", () => {
    for (const f of [floor, ceil, round, trunc, sign]) {
      for (const x of [-1.5, -1, 0, 0.5, 2]) expect(derivative((t: Real) => f(t))(x)).toBe(0);
    }
  });

  test("x % y: ∂/∂x = 1 and ∂/∂y = −trunc(x / y)", () => {
    expect(both((x: Real, y: Real) => mod(x, y), [7.5, 2])).toEqual([1, -3]);
    expect(both((x: Real, y: Real) => mod(x, y), [-7.5, 2])).toEqual([1, 3]);
    expect(both((x: Real, y: Real) => mod(x, y), [6, 2])).toEqual([1, -3]);
  });

  test("hypot at the origin has zero partials", () => {
    expect(both((x: Real, y: Real) => hypot(x, y), [0, 0])).toEqual([0, 0]);
    expect(both((x: Real, y: Real) => hypot(x, y), [3, 4])).toEqual([0.6, 0.8]);
  });

  test("where the value is NaN, so is every derivative, on every route of the runtime", () => {
    // x + 0·log(y) at y = −1: the value is NaN, and ∂/∂x would be 1 if passed on term by term.
    const f = (x: Real, y: Real) => add(x, mul(0, log(y)));
    const allNaN = (g: unknown) => expect((g as number[]).every(Number.isNaN), String(g)).toBe(true);
    for (const options of [{}, { mode: "forward" as const }, { mode: "reverse" as const }, { chunk: 1 }, { chunk: 2 }]) {
      allNaN(grad(f, options)(2, -1));
      const [value, gradient] = valueAndGrad(f, options)(2, -1);
      expect(value).toBeNaN();
      allNaN(gradient);
    }
    // Thirteen inputs and more: the runtime's tape by default.
    const wide = (v: Real[]) => v.reduce((s: Real, x) => add(s, x), mul(0, log(v[0])));
    allNaN(grad(wide)([-1, ...Array.from({ length: 13 }, (_, i) => i)]));
    expect(jvp(f, [2, -1], [1, 0])[1]).toBeNaN();
    expect(derivative((x: Real) => add(x, mul(0, log(-1))))(2)).toBeNaN();
    // Second derivatives too: x² + 0·log(y), whose Hessian passed on term by term would be [[2, 0], [0, 0]].
    const square = (x: Real, y: Real) => add(mul(x, x), mul(0, log(y)));
    for (const mode of ["forward", "reverse"] as const) {
      for (const row of hessian(square, { mode })(2, -1)) allNaN(row);
      expect(hessian(square, { mode })(2, 1)).toEqual([
        [2, 0],
        [0, 0],
      ]);
    }
    allNaN(hvp(square, [2, -1], [1, 0]));
    expect(hvp(square, [2, 1], [1, 0])).toEqual([2, 0]);
    // A vector result: the NaN output's row only.
    const g = (x: Real, y: Real) => [f(x, y), mul(x, y)];
    for (const options of [{ mode: "forward" }, { mode: "reverse" }, { chunk: 2 }, {}] as const) {
      const [nanRow, row] = jacobian(g, options)(2, -1);
      allNaN(nanRow);
      expect(row).toEqual([-1, 2]);
    }
  });
});
