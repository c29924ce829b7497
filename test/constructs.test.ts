// Constructs beside the supported subset: each one is either reported with a
// located diagnostic, or compiled to derivatives that agree, on every route,
// with finite differences of the untransformed function (program-check.ts's
// checkSource). Never compiled to a derivative that is silently wrong, or to
// code that does not load. The first entries compiled before with a wrong
// derivative, or to a module that did not load; test/golden/diagnostics-lost
// shows their messages.

import { describe, expect, test } from "vitest";
import { checkSource, ProgramFailure } from "./program-check.js";

const constructs: Record<string, string> = {
  assignmentInCondition: "let y = x; let i = 0; while ((y = y * 1.1) < 100 && i++ < 3) {} return y;",
  assignmentInIf: "let y = 0; if ((y = x * 2) > 0) { y = y * x; } return y;",
  assignmentInDoWhile: "let y = x; do { y = y * 2; } while ((y *= 1.5) < 3); return y;",
  assignmentInTernary: "let y = 1; const z = x > 0 ? (y = x * 3) : 0; return y + z;",
  logicalAssignment: "let y = 0; y ||= x * x; return y;",
  nullishAssignment: "let y: number | undefined = undefined; y ??= x * x; return y;",
  objectLiteral: "const o = { v: x * x }; return o.v * 2;",
  objectDestructuring: "const { a, b } = { a: x, b: x * x }; return a + b;",
  templateString: "return Number(`${x * 2}`);",
  stringConcatenation: "return Number('' + x * 2);",
  shadowedParameter: "let s = 0; for (let k = 0; k < 2; k++) { const x = k; s += x; } return s * x;",
  varReadingItself: "var y = x; for (let i = 0; i < 2; i++) { var y = y * x; } return y;",
  shadowedLocal: "const t = x * 2; let s = t; { const t = x * x; s += t; } return s + t;",
  // Supported, and must stay right:
  compoundAssignments: "let y = x; y **= 3; y *= x; y -= x; return y;",
  varRedeclared: "var y = x; var y = x * x; return y;",
  siblingBlocks: "let s = 0; if (x > 0) { const t = x * 2; s += t; } else { const t = x * 3; s += t; } return s;",
  siblingLoops: "let s = 0; for (let i = 0; i < 2; i++) { const t = x * i; s += t; } for (let i = 0; i < 2; i++) { const t = x * x; s += t; } return s;",
  comparisonAsNumber: "return Number(x > 0) * x;",
  switchOnTrue: "switch (true) { case x > 10: return x; default: return x * x; }",
  elementIncrement: "const a = [0, 0]; let i = 0; a[i++] = x; a[i++] = x * x; return a[0] + a[1];",
  arrayAlias: "const a = [x, 0]; const b = a; b[1] = x * x; return a[1];",
  wholeArrayReassigned: "let a = [x, 1]; a = [2, x * x]; return a[1];",
  labelledBlock: "let y = x; blk: { if (x > 10) break blk; y = y * x; } return y;",
  consoleMessage: "console.log(`x = ${x}`); return x * x;",
};

describe("constructs beside the subset are reported or right, never silently wrong", () => {
  test.each(Object.entries(constructs))("%s", async (_, body) => {
    const source = `/** @differentiable */\nexport function f(x: number): number {\n  ${body}\n}\n`;
    const log = console.log;
    console.log = () => {};
    try {
      await checkSource(source, undefined, [[0.7], [1.3]]);
    } catch (error) {
      // A diagnostic is the right outcome for what the transform does not differentiate.
      if (!(error instanceof ProgramFailure && error.kind === "diagnostic")) throw error;
      expect(error.message).toMatch(/prog\.ts:\d+:\d+ DUALTS\d{4}/);
    } finally {
      console.log = log;
    }
  });
});

describe("bugs found by the random-program soak", () => {
  test("a for…of variable summed into a value-only variable: the record form's twin bounds it (it named an undeclared x5Size)", async () => {
    const source = `/** @differentiable */
export function f(a: number, b: number, c: number): number {
  const v1 = [-c, c, 2];
  let y4 = (v1[0] + c) / (1 + c ** 2);
  for (const x5 of v1) y4 += x5;
  c = c * c;
  return -Math.atan2(c, 2 + Math.cos(v1[0])) + a + b + c;
}
`;
    await checkSource(source, undefined, [[0, 0, 0], [0.3, -0.7, 1.2]]);
  });
});
