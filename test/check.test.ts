// Finite differences (Ridders' extrapolation) and checkGradient's verdicts.

import { describe, expect, test } from "vitest";
import { centralDifference, checkGradient, GradientCheckError, mul, numericalGradient, sin, type Real } from "../src/index.js";

describe("centralDifference", () => {
  test("extrapolation reaches far below the plain central difference's error", () => {
    const fd = centralDifference((t) => Math.exp(1 + t));
    expect(Math.abs(fd.derivative - Math.E)).toBeLessThan(1e-12);
    expect(fd.error).toBeLessThan(1e-10);
    const plain = (Math.exp(1.01) - Math.exp(0.99)) / 0.02;
    expect(Math.abs(plain - Math.E)).toBeGreaterThan(1e-5);
  });

  test("a first step off the domain's edge shrinks until it is inside", () => {
    const fd = centralDifference((t) => Math.log(1e-3 + t), 1e-3);
    expect(Math.abs(fd.derivative - 1000) / 1000).toBeLessThan(1e-8);
  });
});

describe("checkGradient", () => {
  const f = (x: Real, y: Real) => mul(sin(x), y);

  test("passes a correct gradient and reports the comparison", () => {
    const report = checkGradient(f, [0.3, 2]);
    expect(report.value).toBeCloseTo(Math.sin(0.3) * 2, 15);
    expect(report.entries.map((e) => e.input)).toEqual(["x", "y"]);
    expect(report.maxRelativeError).toBeLessThan(1e-9);
    expect(numericalGradient(f, [0.3, 2])).toEqual(report.entries.map((e) => e.numerical));
  });

  test("a wrong derivative fails with a table of the entries that disagree", () => {
    // Wrong wherever x is a Dual: it computes 1.5·x instead of x². With one tangent per pass
    // (the runtime's default for few inputs) only x's partial comes out wrong.
    const broken = (x: Real, y: Real) => mul(typeof x === "number" ? x * x : mul(x, 1.5), y);
    let error: unknown;
    try {
      checkGradient(broken, [2, 3]);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(GradientCheckError);
    const check = error as GradientCheckError;
    expect(check.mismatches.map((m) => m.input)).toEqual(["x"]);
    expect(check.message).toContain("checkGradient(broken): 1 of 2 partial derivatives disagree with finite differences (rtol 0.000001, atol 1e-8):");
    expect(check.message).toMatch(/input\s+automatic\s+numerical\s+abs error\s+rel error/);
    expect(check.message).toMatch(/\n\s+x\s+4\.5000000\s+12\.000000/);
  });

  test("tolerances are the caller's", () => {
    const scaled = (x: Real) => (typeof x === "number" ? x * 1.001 : mul(x, 1));
    expect(() => checkGradient(scaled, [1])).toThrow(GradientCheckError);
    expect(checkGradient(scaled, [1], { rtol: 1e-2 }).maxRelativeError).toBeCloseTo(1e-3 / 1.001, 8);
    expect(checkGradient(scaled, [1], { rtol: 0, atol: 2e-3 }).entries).toHaveLength(1);
  });
});
