// Random programs carried to the edge of the subset (near-subset.ts): each is
// reported with a located diagnostic, or its derivatives agree on every route
// with finite differences of its own source (program-check.ts's checkSource),
// with the probe of the program before the rewrites telling which way its
// branches went. Never a crash, a module that does not load, or a derivative
// that is silently wrong.

import { describe, expect, it } from "vitest";
import { fc, test } from "@fast-check/vitest";
import { renderProgram, wrtOf } from "./program-printer.js";
import { checkSource, ProgramFailure, tally } from "./program-check.js";
import { applyRewrites, nearProgram, rewrites, type RewriteKind } from "./near-subset.js";

const coordinate = fc.integer({ min: -1_500_000, max: 1_500_000 }).map((n) => n / 1e6);
const points = fc.array(fc.array(coordinate, { minLength: 3, maxLength: 3 }), { minLength: 2, maxLength: 2 });

const counts = tally();
const outcomes = { reported: 0, right: 0 };
const seen = new Set<RewriteKind>();

describe("random programs at the edge of the subset", () => {
  test.prop([nearProgram, points], { numRuns: 300 })("are reported or right", async (near, at) => {
    const { source, applied } = applyRewrites(renderProgram(near.program), near.rewrites);
    applied.forEach((kind) => seen.add(kind));
    try {
      await checkSource(source, renderProgram(near.program, "probe"), at, { counts, wrt: wrtOf(near.program) });
      outcomes.right++;
    } catch (error) {
      if (!(error instanceof ProgramFailure && error.kind === "diagnostic")) throw error;
      expect(error.message).toMatch(/^diagnostic: prog\.ts:\d+:\d+ DUALTS\d{4} /);
      outcomes.reported++;
    }
  });

  it("met every rewrite, and both outcomes", (context) => {
    if (outcomes.reported + outcomes.right < 300) context.skip(); // the property stopped early; its report says why
    expect([...seen].sort()).toEqual(Object.keys(rewrites).sort());
    expect(outcomes.right, JSON.stringify(outcomes)).toBeGreaterThan(20);
    expect(outcomes.reported, JSON.stringify(outcomes)).toBeGreaterThan(10);
  });
});
