// Second derivatives of random whole programs (program-generator.ts) through
// the transform: hessian(f) in both modes against each other and against
// finite differences of the generated gradient (hessian-check.ts). The
// generic form runs on Duals over tape variables and on Duals of Duals here,
// which the first-order checks never nest.

import { describe, expect, it } from "vitest";
import { fc, test } from "@fast-check/vitest";
import { program } from "./program-generator.js";
import { renderProgram, wrtOf } from "./program-printer.js";
import { checkHessians, hessianTally } from "./hessian-check.js";

const coordinate = fc.integer({ min: -1_500_000, max: 1_500_000 }).map((n) => n / 1e6);
const points = fc.array(fc.array(coordinate, { minLength: 3, maxLength: 3 }), { minLength: 2, maxLength: 2 });

const counts = hessianTally();

describe("second derivatives of random programs", () => {
  test.prop([program, points], { numRuns: 80 })("forward over reverse, forward over forward and finite differences of the gradient agree", async (p, at) => {
    await checkHessians(renderProgram(p), renderProgram(p, "probe"), at, wrtOf(p), counts);
  });

  it("compared most columns with finite differences", (context) => {
    if (counts.points < 160) context.skip(); // the property stopped early; its report says why
    expect(counts.skippedPoints / counts.points, JSON.stringify(counts)).toBeLessThan(0.2);
    expect(counts.skippedColumns / counts.columns, JSON.stringify(counts)).toBeLessThan(0.3);
  });
});
