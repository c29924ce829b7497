// dualts/optimize on the standard problems (Moré, Garbow and Hillstrom's
// set, test/support/optimization-problems.ts), from their standard starting
// points with each method's defaults: L-BFGS and Newton on the unconstrained
// problems, Levenberg–Marquardt on the least-squares ones. Each reaches the
// published minimum to all its printed digits — or, where the problem is
// known for it, one of its published local minima — and says it converged.

import { describe, expect, test } from "vitest";
import { numericalGradient } from "../src/index.js";
import { leastSquares, minimize } from "../src/optimize/index.js";
import { fitProblems, problems } from "./support/optimization-problems.js";

/** One unit in the last digit a published value is written with (8.21487e-3 → 1e-8); a published 0: 1e-10. */
function lastDigit(published: number): number {
  if (published === 0) return 1e-10;
  const [mantissa, exponent] = published.toExponential().split("e");
  return 10 ** (Number(exponent) - (mantissa.split(".")[1]?.length ?? 0));
}

function reaches(value: number, published: number): boolean {
  return Math.abs(value - published) <= lastDigit(published);
}

/** Where a method ends at a published local minimum from the standard start (as other codes do). */
const LOCAL: Record<string, readonly ("lbfgs" | "newton")[]> = {
  "Freudenstein and Roth": ["lbfgs", "newton"],
  "Trigonometric (n = 10)": ["lbfgs", "newton"],
  "Biggs EXP6 (m = 13)": ["lbfgs"],
};

/**
 * Meyer's is badly scaled (x ≈ (0.0056, 6181, 345)): both methods reach its minimum value, but the
 * gradient test (max |∂f/∂xᵢ| ≤ 1e-8) is beyond double precision there, so they stop by the iteration
 * limit (L-BFGS) or a line search that finds no lower value (Newton). leastSquares converges on it.
 */
const UNCONVERGED: Record<string, readonly ("lbfgs" | "newton")[]> = { Meyer: ["lbfgs", "newton"] };

/** Problems with more than one minimizer: x is not compared. */
const MANY_MINIMIZERS = new Set(["Box three-dimensional (m = 10)", "Biggs EXP6 (m = 13)", "Trigonometric (n = 10)", "Chebyquad (n = 8)", "Brown almost-linear (n = 10)"]);

describe("minimize: the Moré–Garbow–Hillstrom problems", () => {
  for (const p of problems) {
    for (const method of ["lbfgs", "newton"] as const) {
      test(`${p.name}, ${method}`, () => {
        const r = minimize(p.f, [...p.x0], { method });
        const local = LOCAL[p.name]?.includes(method);
        if (local)
          expect(
            p.localMinima?.some((m) => reaches(r.value, m)),
            `${r.value} is one of the local minima ${p.localMinima}`,
          ).toBe(true);
        else expect(reaches(r.value, p.minimum), `${r.value} against ${p.minimum}`).toBe(true);
        if (UNCONVERGED[p.name]?.includes(method)) expect(r.converged).toBe(false);
        else expect(r, r.reason).toMatchObject({ converged: true, stoppedBy: "gradient" });
        if (!local && p.minimizer && !MANY_MINIMIZERS.has(p.name)) {
          // Within 1e-3 of the minimizer's size: Powell singular's minimum is flat to fourth order, so x there is known to about f^(1/4).
          const size = Math.max(1, ...p.minimizer.map(Math.abs));
          r.x.forEach((v, i) => {
            expect(Math.abs(v - p.minimizer![i]), `x[${i}]`).toBeLessThan(1e-3 * size);
          });
        }
        expect(r.evaluations.hessian > 0).toBe(method === "newton" && p.x0.length <= 50);
      });
    }
  }
});

describe("leastSquares: the least-squares problems", () => {
  for (const p of fitProblems) {
    test(p.name, () => {
      const r = leastSquares(p.residuals, [...p.x0]);
      expect(r.converged, r.reason).toBe(true);
      expect(r.residuals).toEqual(p.residuals(r.x));
      // minimum is half MGH's published Σrᵢ²: compared as Σrᵢ², to the published digits.
      if (p.minimum !== undefined) expect(reaches(2 * r.value, 2 * p.minimum), `${r.value} against ${p.minimum}`).toBe(true);
      else {
        // No published minimum: finite differences of the untransformed ½‖r‖² vanish at the fit, which lies near the parameters the data came from.
        const half = (x: number[]) => 0.5 * p.residuals(x).reduce((s, v) => s + v * v, 0);
        const numeric = numericalGradient(half, [r.x]);
        expect(Math.max(...numeric.map(Math.abs))).toBeLessThan(1e-6);
        r.x.forEach((v, i) => {
          expect(Math.abs(v - p.generatedWith![i])).toBeLessThan(0.05 * Math.max(1, Math.abs(p.generatedWith![i])));
        });
      }
    });
  }
});
