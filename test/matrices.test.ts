// Derivative matrices of random whole programs (program-generator.ts)
// through the transform, each held against finite differences where the
// probe shows no branch crossed:
//
//   Hessians (hessian-check.ts)    hessian(f), forward over reverse, against
//                                  forward over forward, for symmetry, and
//                                  against differences of the gradient; the
//                                  generic form runs on Duals over tape
//                                  variables and on Duals of Duals here,
//                                  which the first-order checks never nest
//   Jacobians (jacobian-check.ts)  f made to return a vector through every
//                                  return: forward mode, reverse mode and
//                                  jacobian(f)'s own choice against each
//                                  other and differences of the outputs

import { describe, expect, it } from "vitest";
import { test } from "@fast-check/vitest";
import { pointPairs, program, programRuns, type Program } from "./program-generator.js";
import { renderProgram, wrtOf } from "./program-printer.js";
import { columnTally, type ColumnTally } from "./column-check.js";
import { checkHessians } from "./hessian-check.js";
import { checkJacobians } from "./jacobian-check.js";

type Check = (source: string, probe: string, points: readonly number[][], wrt: readonly number[], counts: ColumnTally) => Promise<ColumnTally>;

function matrices(title: string, check: Check): void {
  const counts = columnTally();
  describe(title, () => {
    test.prop([program, pointPairs], { numRuns: programRuns(80) })("agree with each other and with finite differences", async (p: Program, at) => {
      await check(renderProgram(p), renderProgram(p, "probe"), at, wrtOf(p), counts);
    });

    it("compared most columns with finite differences", (context) => {
      if (counts.points < 160) context.skip(); // the property stopped early; its report says why
      expect(counts.skippedPoints / counts.points, JSON.stringify(counts)).toBeLessThan(0.2);
      expect(counts.skippedColumns / counts.columns, JSON.stringify(counts)).toBeLessThan(0.3);
    });
  });
}

matrices("Hessians of random programs", checkHessians);
matrices("Jacobians of random programs returning vectors", checkJacobians);
