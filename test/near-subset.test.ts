// Random programs carried to the edge of the subset (near-subset.ts): each is
// reported with a located diagnostic, or its derivatives agree on every route
// with finite differences of its own source (program-check.ts's checkSource),
// with the probe of the program before the rewrites telling which way its
// branches went. Never a crash, a module that does not load, or a derivative
// that is silently wrong. Below: each rewrite on its own, on a sample program
// with a line for every one of them (some are rare in random programs).

import { describe, expect, it } from "vitest";
import { test } from "@fast-check/vitest";
import { pointPairs, programRuns } from "./support/program-generator.js";
import { renderProgram, wrtOf } from "./support/program-printer.js";
import { checkSource, reportedOrRight, tally } from "./support/program-check.js";
import { applyRewrites, nearProgram, nearSource, rewrites, withArrayParameter, type RewriteKind } from "./support/near-subset.js";

const counts = tally();
const outcomes = { reported: 0, right: 0 };

describe("random programs at the edge of the subset", () => {
  test.prop([nearProgram, pointPairs], { numRuns: programRuns(300) })("are reported or right", async (near, at) => {
    const source = nearSource(near);
    outcomes[await reportedOrRight(() => checkSource(source, renderProgram(near.program, "probe"), at, { counts, wrt: wrtOf(near.program) }))]++;
  });

  it("met both outcomes", (context) => {
    if (outcomes.reported + outcomes.right < 300) context.skip(); // the property stopped early; its report says why
    expect(outcomes.right, JSON.stringify(outcomes)).toBeGreaterThan(20);
    expect(outcomes.reported, JSON.stringify(outcomes)).toBeGreaterThan(10);
  });
});

// Every rewrite on its own, on a program with a line for each of them (some are rare in random programs).
const sample = `/** @differentiable */
export function f(a: number, b: number, c: number): number {
  let y1 = a * b;
  const y2 = Math.sin(c);
  var y3 = b + 1;
  y1 += y2 * c;
  y3 *= 2;
  const v4 = new Array(3).fill(0);
  const v5 = [a, b, c];
  const v6 = new Float64Array(3);
  for (let i7 = 0; i7 < 3; i7++) {
    v4[i7] = v5[i7] * y1;
    v6[i7] += v4[i7];
  }
  let k8 = 0;
  while (k8 < 2) {
    k8++;
    y1 = y1 * 0.5 + v5[1];
  }
  for (const x9 of v4) y3 += x9;
  const v10: number[] = [];
  v10.push(y1 * 2);
  y3 += s(v5, a);
  if (c > 10) return y1;
  return y1 + y3 + v6[1] + v5[0] + v10[0];
}

/** @differentiable */
function s(u: number[], q: number): number {
  return u[0] * q;
}
`;

describe("each rewrite", () => {
  it.each(["locals", "direct", "data"] as const)("f's work in a function of an array parameter (%s) is right", async (mode) => {
    const source = withArrayParameter(sample, mode);
    expect(source).toMatch(/function fOfArray\(abc: number\[\](, data: Float64Array)?\): number {/);
    await checkSource(source, undefined, [
      [0.3, -0.4, 0.5],
      [1.1, 0.7, -0.2],
    ]);
  });

  it.each(Object.keys(rewrites) as RewriteKind[])("%s: applies, and is reported or right", async (kind) => {
    const { source, applied } = applyRewrites(sample, [{ kind, at: 0 }]);
    expect(applied).toEqual([kind]);
    await reportedOrRight(() =>
      checkSource(source, undefined, [
        [0.3, -0.4, 0.5],
        [1.1, 0.7, -0.2],
      ]),
    );
  });
});
