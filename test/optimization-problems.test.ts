// The test problems of test/support/optimization-problems.ts hold what they
// claim: f(x0) and the published minima, minimizers where the gradient
// vanishes, residuals whose Jacobian has the problem's shape and agrees with
// finite differences, and models and data that give back the residuals.

import { describe, expect, test } from "vitest";
import { grad, jacobian, numericalGradient, numericalJacobian } from "../src/index.js";
import { fitProblems, problems, type FitProblem, type Problem } from "./support/optimization-problems.js";
import { expectClose } from "./support/helpers.js";

/** One unit in the last digit a published value is written with: 8.21487e-3 → 1e-8; 124.362 → 1e-3; 0 → 0. */
function lastDigit(published: number): number {
  if (published === 0) return 0;
  const [mantissa, exponent] = published.toExponential().split("e");
  const decimals = mantissa.split(".")[1]?.length ?? 0;
  return 10 ** (Number(exponent) - decimals);
}

/** value agrees with a published minimum to all its digits (within one unit of the last); a published 0 to 1e-20. */
function expectPublished(value: number, published: number, what: string): void {
  const tolerance = published === 0 ? 1e-20 : lastDigit(published);
  expect(Math.abs(value - published), `${what}: ${value} against the published ${published}`).toBeLessThan(tolerance);
}

/** The gradient at a stationary point, relative to the size of f's terms there: |∂f/∂xᵢ|·max(|xᵢ|, 1)/max(f(x0), 1). */
function scaledGradient(p: Problem, x: readonly number[]): number {
  const g = grad(p.f)([...x]);
  return Math.max(...g.map((gi, i) => (Math.abs(gi) * Math.max(Math.abs(x[i]), 1)) / Math.max(p.valueAtStart, 1)));
}

/** How small scaledGradient is at a minimizer: the largest here, Meyer's, is 5e-13; a point off by 1e-6 gives 5e-7 or more. */
const STATIONARY = 1e-11;

/** n (variables) and m (residuals) of each least-squares problem. */
const SHAPES: Record<string, [number, number]> = {
  Rosenbrock: [2, 2],
  Bard: [3, 15],
  Gaussian: [3, 15],
  Meyer: [3, 16],
  "Box three-dimensional (m = 10)": [3, 10],
  "Kowalik and Osborne": [4, 11],
  "Brown and Dennis (m = 20)": [4, 20],
  "Osborne 1": [5, 33],
  "Biggs EXP6 (m = 13)": [6, 13],
  "Exponential decay 2.5·e^(−1.3t) + 0.5, perturbed": [3, 21],
  "Two exponentials 3·e^(−0.6t) + 1.5·e^(−3.5t), perturbed": [4, 31],
};

const halfSumOfSquares = (r: readonly number[]) => r.reduce((sum, ri) => sum + ri * ri, 0) / 2;
const byName = (name: string) => problems.find((p) => p.name === name) as Problem;

describe("the unconstrained problems", () => {
  test("the list: names unique, the ones the optimiser's tests rely on present", () => {
    const names = problems.map((p) => p.name);
    expect(new Set(names).size).toBe(names.length);
    for (const name of ["Rosenbrock", "Extended Rosenbrock (n = 100)", "Beale", "Powell singular", "Wood", "Brown badly scaled", "Helical valley", "Freudenstein and Roth"]) {
      expect(names).toContain(name);
    }
    expect(byName("Extended Rosenbrock (n = 100)").x0).toHaveLength(100);
    expect(byName("Variably dimensioned (n = 10)").x0).toHaveLength(10);
  });

  test.each(problems.map((p) => [p.name, p] as const))("%s: f(x0) is valueAtStart", (_, p) => {
    expectClose(p.f([...p.x0]), p.valueAtStart, 1e-10, 0);
  });

  test.each(problems.map((p) => [p.name, p] as const))("%s: f at the minimizer is the published minimum, and the gradient vanishes there", (_, p) => {
    expect(p.minimizer, "every problem here has a minimizer").toBeDefined();
    const x = p.minimizer as readonly number[];
    expect(x).toHaveLength(p.x0.length);
    expectPublished(p.f([...x]), p.minimum, "f(minimizer)");
    expect(p.minimum).toBeLessThan(p.valueAtStart);
    expect(scaledGradient(p, x)).toBeLessThan(STATIONARY);
  });

  test.each(problems.filter((p) => p.localMinima !== undefined).map((p) => [p.name, p] as const))("%s: its local minima lie above the minimum, at their minimizers where finite", (_, p) => {
    const minima = p.localMinima as readonly number[];
    expect(p.localMinimizers).toHaveLength(minima.length);
    minima.forEach((value, k) => {
      expect(value).toBeGreaterThan(p.minimum);
      expect(value).toBeLessThan(p.valueAtStart);
      const x = p.localMinimizers?.[k];
      if (x === undefined) return;
      expectPublished(p.f([...x]), value, "f(local minimizer)");
      expect(scaledGradient(p, x)).toBeLessThan(STATIONARY);
    });
  });

  test("the local minima at infinity: Bard's along x₂ = x₃ → −∞, Kowalik and Osborne's along x₁ → ∞ with x₃/x₁, x₄/x₁ fixed", () => {
    // Bard: the model tends to x₁, best at the data's mean, 0.84066…
    const bard = byName("Bard");
    const mean = [0.14, 0.18, 0.22, 0.25, 0.29, 0.32, 0.35, 0.39, 0.37, 0.58, 0.73, 0.96, 1.34, 2.1, 4.39].reduce((a, b) => a + b) / 15;
    expectPublished(bard.f([mean, -1e12, -1e12]), bard.localMinima?.[0] as number, "Bard at infinity");
    // Kowalik and Osborne: the model tends to (u² + u·x₂)/(p·u + q), best at x₂ = −14.0759 (MGH: −14.07…), p = −45.257, q = −28.231.
    const ko = byName("Kowalik and Osborne");
    const s = 1e10;
    expectPublished(ko.f([s, -14.07588332, -45.25719139 * s, -28.2314968 * s]), ko.localMinima?.[0] as number, "Kowalik and Osborne at infinity");
  });

  test("the gradient check notices a minimizer that is off by 1e-6", () => {
    for (const name of ["Bard", "Meyer", "Kowalik and Osborne", "Watson (n = 6)", "Penalty II (n = 4)", "Chebyquad (n = 8)"]) {
      const p = byName(name);
      const off = (p.minimizer as readonly number[]).map((xi) => xi + 1e-6 * Math.max(Math.abs(xi), 1));
      expect(scaledGradient(p, off), name).toBeGreaterThan(100 * STATIONARY);
    }
  });

  // A first step of 0.001·max(1, |x0|) rather than the default 0.01·max(1, |xᵢ|): from 0.01, Ridders' error estimate on
  // Chebyquad's degree-16 polynomial is optimistic, and ∂f/∂x₃ ≈ 0.088 comes out 5e-6 off (its estimate: 3e-7).
  test.each(problems.map((p) => [p.name, p] as const))("%s: the compiled gradient at x0 agrees with finite differences", (_, p) => {
    const x0 = [...p.x0];
    const scale = Math.max(...x0.map(Math.abs), 1);
    expectClose(grad(p.f)(x0), numericalGradient(p.f, [x0], { step: 1e-3 * scale }), 1e-7, (1e-9 * Math.max(p.valueAtStart, 1)) / scale);
  });
});

describe("the least-squares problems", () => {
  test("each MGH fit is its problem: the same x0 and minimizer, and ½ of its minimum", () => {
    for (const fit of fitProblems.filter((f) => f.generatedWith === undefined)) {
      const p = byName(fit.name);
      expect(fit.x0).toEqual(p.x0);
      expect(fit.minimizer).toEqual(p.minimizer);
      expect(fit.minimum).toBe(p.minimum / 2);
      expectClose(2 * halfSumOfSquares(fit.residuals([...fit.x0])), p.valueAtStart, 1e-10, 0);
    }
  });

  test.each(fitProblems.map((f) => [f.name, f] as const))("%s: ½Σr² is finite at x0 and the published minimum at the minimizer", (_, fit) => {
    expect(Number.isFinite(halfSumOfSquares(fit.residuals([...fit.x0])))).toBe(true);
    if (fit.minimizer === undefined) return expect(fit.minimum).toBeUndefined();
    const minimum = fit.minimum as number;
    expectPublished(2 * halfSumOfSquares(fit.residuals([...fit.minimizer])), 2 * minimum, "Σr²(minimizer)");
  });

  test.each(fitProblems.map((f) => [f.name, f] as const))("%s: the Jacobian at x0 is m × n and agrees with finite differences", (_, fit) => {
    const [n, m] = SHAPES[fit.name];
    const x0 = [...fit.x0];
    expect(x0).toHaveLength(n);
    expect(fit.residuals(x0)).toHaveLength(m);
    const rows = jacobian(fit.residuals)(x0);
    expect(rows).toHaveLength(m);
    for (const row of rows) expect(row).toHaveLength(n);
    const largest = Math.max(...rows.flat().map(Math.abs));
    expectClose(rows, numericalJacobian(fit.residuals, [x0]), 1e-6, 1e-9 * largest);
  });

  test.each(fitProblems.filter((f) => f.model !== undefined).map((f) => [f.name, f] as const))("%s: model and data give back the residuals, with one sign throughout", (_, fit) => {
    const { model, data } = fit as Required<FitProblem>;
    expect(data.t).toHaveLength(data.y.length);
    const fromModel = (x: readonly number[]) => data.t.map((t, i) => model(x)(t) - data.y[i]);
    // MGH write some as y − model (Bard, Kowalik and Osborne, Osborne 1): one sign, whichever, for all residuals.
    const sign = Math.sign(fit.residuals([...fit.x0])[0] * fromModel(fit.x0)[0]);
    expect(Math.abs(sign)).toBe(1);
    for (const x of [fit.x0, fit.minimizer ?? fit.generatedWith ?? fit.x0]) {
      expectClose(
        fit.residuals([...x]),
        fromModel(x).map((v) => sign * v),
        1e-12,
        1e-12,
      );
    }
  });

  test("the generated fits: their data lie within 0.01 of the generating model, and not on it", () => {
    const generated = fitProblems.filter((f) => f.generatedWith !== undefined);
    expect(generated.length).toBeGreaterThanOrEqual(2);
    for (const fit of generated) {
      const r = fit.residuals([...(fit.generatedWith as readonly number[])]);
      expect(Math.max(...r.map(Math.abs)), fit.name).toBeLessThanOrEqual(0.01);
      expect(halfSumOfSquares(r), fit.name).toBeGreaterThan(1e-5);
      // far from the generating parameters at x0
      expect(halfSumOfSquares(fit.residuals([...fit.x0])), fit.name).toBeGreaterThan(100 * halfSumOfSquares(r));
    }
  });
});
