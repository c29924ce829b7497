// Nested derivatives: tags keep perturbations apart (ForwardDiff's
// perturbation-confusion test), higher derivatives by nesting, forward over
// reverse, and the errors for what cannot nest.

import { describe, expect, test } from "vitest";
import { add, derivative, Dual, exp, grad, hessian, jacobian, mul, sin, cos, Tape, valueAndGrad, Var, type Real } from "../src/index.js";
import { expectClose, inNanSafeMode } from "./support/helpers.js";

describe("nesting", () => {
  test("D(x ↦ x · D(y ↦ x + y)(1))(1) is 1, not 2 (no perturbation confusion)", () => {
    const inner = (x: Real) => derivative((y: Real) => add(x, y))(1);
    expect(derivative((x: Real) => mul(x, inner(x)))(1)).toBe(1);
  });

  test("the inner derivative of a closure over the outer variable", () => {
    // d/dx [x · d/dy (x·y)] = d/dx [x · x] = 2x
    const f = (x: Real) => mul(x, derivative((y: Real) => mul(x, y))(1));
    expect(derivative(f)(3)).toBe(6);
  });

  test("second and third derivatives by nesting", () => {
    const d2 = derivative((x: Real) => derivative((t: Real) => sin(t))(x));
    const d3 = derivative((x: Real) => d2(x));
    for (const x of [-1, 0.3, 2]) {
      expect(d2(x)).toBeCloseTo(-Math.sin(x), 14);
      expect(d3(x)).toBeCloseTo(-Math.cos(x), 14);
    }
  });

  test("forward over reverse: derivative of a reverse-mode gradient", () => {
    // g(x) = d/dx exp(x²) by reverse mode; its derivative by forward mode.
    const g = (x: Real) => grad((t: Real) => exp(mul(t, t)), { mode: "reverse" })(x as never) as unknown as Real;
    expect(() => derivative(g)(0.5)).toThrow(/reverse mode was asked for inside another derivative/);
    // Forward over reverse is what hessian's reverse mode does, seeding the tape first:
    const h = hessian((t: Real) => exp(mul(t, t)), { mode: "reverse" })(0.5);
    expect(h[0][0]).toBeCloseTo((2 + 4 * 0.25) * Math.exp(0.25), 12);
  });

  test("hessian is forward over reverse by default, and forward over forward inside another derivative or in NaN-safe mode", () => {
    // What f receives tells the route: Duals over tape variables, or Duals over Duals.
    const seen = new Set<string>();
    const f = (x: Real, y: Real) => {
      const inner = x instanceof Dual ? x.primal : x;
      seen.add(inner instanceof Dual ? "Dual over Dual" : inner instanceof Var ? "Dual over tape" : typeof inner);
      return mul(exp(x), mul(y, y));
    };
    const expected = (x: number, y: number) => [
      [Math.exp(x) * y * y, 2 * y * Math.exp(x)],
      [2 * y * Math.exp(x), 2 * Math.exp(x)],
    ];
    expect(hessian(f)(0.5, 2)).toEqual(hessian(f, { mode: "reverse" })(0.5, 2));
    expect([...seen]).toEqual(["Dual over tape"]);
    seen.clear();
    expectClose(hessian(f, { mode: "forward" })(0.5, 2), expected(0.5, 2), 1e-15, 1e-15);
    expect(seen.has("Dual over Dual") && !seen.has("Dual over tape")).toBe(true);
    // d/dt of H₀₀ at (t, 2) = e^t · 4: the inner hessian runs on nested Duals.
    seen.clear();
    expect(derivative((t: Real) => hessian(f)(t as never, 2)[0][0] as unknown as Real)(0.5)).toBeCloseTo(4 * Math.exp(0.5), 13);
    expect(seen.has("Dual over tape")).toBe(false);
    inNanSafeMode(true, () => {
      seen.clear();
      hessian(f)(0.5, 2);
      expect(seen.has("Dual over tape")).toBe(false);
    });
  });

  test("reverse mode in a function that closes over an outer derivative's variable gives that derivative's tangents", () => {
    // f's inputs are plain numbers, so its gradient runs on a tape; t is the outer derivative's Dual.
    const f = (t: Real) => (a: Real, b: Real, c: Real, d: Real) => mul(mul(mul(a, b), mul(sin(c), d)), mul(t, t));
    const entry = (mode: "forward" | "reverse" | undefined, i: number) => (t: Real) => (grad(f(t), { mode })(1, 2, 3, 4) as unknown as Real[])[i];
    for (const i of [0, 2]) {
      const expected = derivative(entry("forward", i))(5);
      expect(derivative(entry(undefined, i))(5)).toBeCloseTo(expected, 12);
      expect(derivative(entry("reverse", i))(5)).toBeCloseTo(expected, 12);
    }
    expect(derivative(entry(undefined, 2))(5)).toBeCloseTo(2 * 5 * 1 * 2 * Math.cos(3) * 4, 12);
    // The value carries the outer tangent too: d/dt [ab·sin(c)·d·t²] = 2t·ab·sin(c)·d.
    const value = (t: Real) => valueAndGrad(f(t))(1, 2, 3, 4)[0] as unknown as Real;
    expect(derivative(value)(5)).toBeCloseTo(2 * 5 * 2 * Math.sin(3) * 4, 12);
    // A Jacobian's rows and a Hessian's entries the same way.
    const rows = (t: Real) => jacobian((a: Real, b: Real) => [mul(a, t), mul(mul(a, b), t)], { mode: "reverse" })(1, 2)[1][0] as unknown as Real;
    expect(derivative(rows)(5)).toBe(2);
    const curvature = (t: Real) => hessian((a: Real, b: Real) => mul(mul(mul(a, a), b), t))(1, 2)[0][0] as unknown as Real;
    expect(derivative(curvature)(5)).toBe(4);
  });

  test("values of two tapes cannot meet", () => {
    const a = new Tape().input(1);
    const b = new Tape().input(2);
    expect(() => mul(a, b)).toThrow(/two different reverse-mode tapes/);
  });

  test("JavaScript operators on a Dual throw instead of silently dropping the tangent", () => {
    const d = new Dual(1, 2, 1);
    expect(() => (d as unknown as number) * 2).toThrow(/JavaScript operator.*mul, add/);
    expect(() => (d as unknown as number) < 2).toThrow(/compare primal\(x\)/);
    expect(`${d}`).toBe("Dual(2, 1)");
    expect(() => derivative((x: number) => x * x)(3)).toThrow(/JavaScript operator/);
  });

  test("cos is the derivative of sin through two tags", () => {
    const f = (x: Real) => mul(cos(x), derivative((y: Real) => sin(mul(x, y)))(1));
    // f(x) = cos(x) · x·cos(x) = x·cos²(x); f′ = cos² − 2x·sin·cos
    const x = 0.7;
    expect(derivative(f)(x)).toBeCloseTo(Math.cos(x) ** 2 - 2 * x * Math.sin(x) * Math.cos(x), 14);
  });
});
