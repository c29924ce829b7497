// Whole random programs through the compiler transform. fast-check builds a
// program of one or two functions marked differentiable (program-generator.ts:
// let/const/var, reassignment such as `y = y * y`, compound assignment,
// increments, if/else, ternaries, switch, for/while/do…while loops with
// labelled and plain break/continue, early returns, calls to a second marked
// function (sometimes recursive), local arrays with element writes, push and
// for…of, smooth Math functions, abs/max/min/floor/round/%, wrt(…) subsets
// in any order, variables named like generated code), and for each one program-check.ts
// holds three routes against each other at two random points:
//
//   grad(f)                        the generated JVP (chunk mode; and with
//                                  { chunk: 1 }, the one-direction JVP)
//   grad(f, { mode: "reverse" })   the generated record form on a linear tape, and
//                                  (record form hidden) the generated generic form
//                                  on the runtime's reverse tape
//   finite differences             of the untransformed program (plain transpileModule)
//
// forward and both reverse routes to 1e-10 relative, finite differences within 100 times
// their own error estimate (or 1e-6 relative), skipping only the partials
// whose difference quotients crossed a branch or kink and the points where
// values grow past 100. A failure prints the shrunk program, the point, the
// three values and the generated code; the seed it prints reruns it.
//
// Below them: proof that the check fails on a broken derivative, and the
// smallest programs of the transform bugs these tests found, kept as
// regression tests.

import ts from "typescript";
import { describe, expect, it } from "vitest";
import { fc, test } from "@fast-check/vitest";
import { pointPairs, program, programRuns } from "./support/program-generator.js";
import { checkProgram, checkSource, ProgramFailure, tally, type FailureKind } from "./support/program-check.js";

const counts = tally();

describe("random programs", () => {
  test.prop([program, pointPairs], { numRuns: programRuns(150) })("the generated derivative, the reverse-mode run and finite differences agree", async (p, at) => {
    await checkProgram(p, at, { counts });
  });

  it("compared most partials with finite differences", (context) => {
    // After a failure the property stops early; its own report says why.
    if (counts.points < 300) context.skip();
    expect(counts.skippedPoints / counts.points, JSON.stringify(counts)).toBeLessThan(0.15);
    expect(counts.skippedPartials / counts.partials, JSON.stringify(counts)).toBeLessThan(0.15);
    // The gradient form is exercised, and its bound on the value rarely makes it defer at these points.
    expect(counts.gradientForms, JSON.stringify(counts)).toBeGreaterThan(50);
    expect(counts.gradientDeferred / counts.gradientForms, JSON.stringify(counts)).toBeLessThan(0.05);
    expect(counts.recordTwins, JSON.stringify(counts)).toBeGreaterThan(20);
  });
});

// ------------------------------------------------------------ the check can fail

/**
 * Changes the derivative code of a transformed module, leaving f and h as
 * they are: with `forward`, in the generated JVPs every Math.cos — the
 * derivative of sin — gains 0.01; with `record`, the same in the generated
 * record forms (reverse mode); with `generic`, every ops.sin in the generated
 * generic forms gains the same 0.01 in its derivative (and none in its
 * value), so that all routes agree and only finite differences can tell.
 */
function breakSineDerivative(options: { forward: boolean; record: boolean; generic: boolean; gradient?: boolean }) {
  return (js: string): string => {
    const sf = ts.createSourceFile("transformed.js", js, ts.ScriptTarget.Latest, true);
    const edits: { start: number; end: number; text: string }[] = [];
    for (const s of sf.statements) {
      if (!ts.isFunctionDeclaration(s) || !s.name || ["f", "h"].includes(s.name.text) || s.name.text.startsWith("__")) continue;
      const first = s.parameters[0]?.name.getText(sf);
      const isGeneric = first === "ops";
      const isGradientForm = s.name.text.endsWith("_gradient");
      const from = isGeneric ? "ops.sin(" : "Math.cos(";
      const to = isGeneric ? "__sinPlus(ops, " : "__cosPlus(";
      const broken = isGeneric ? options.generic : first === "tape" ? options.record : isGradientForm ? (options.gradient ?? options.forward) : options.forward;
      if (!broken) continue;
      const text = s.getText(sf);
      if (text.includes(from)) edits.push({ start: s.getStart(sf), end: s.getEnd(), text: text.split(from).join(to) });
    }
    let out = js;
    for (const e of edits.sort((x, y) => y.start - x.start)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
    return `${out}
function __cosPlus(x) { return Math.cos(x) + 0.01; }
function __sinPlus(ops, x) { return ops.add(ops.sin(x), ops.mul(0.01, ops.sub(x, ops.primal(x)))); }
`;
  };
}

const sine = `/** @differentiable */
export function f(a: number, b: number, c: number): number {
  let y = a * b;
  y = y * y;
  return Math.sin(y) + c;
}
`;

async function failureOf(run: () => Promise<unknown>): Promise<FailureKind | undefined> {
  try {
    await run();
    return undefined;
  } catch (error) {
    if (error instanceof ProgramFailure) return error.kind;
    throw error;
  }
}

describe("the check catches a broken derivative", () => {
  const at = [[0.3, -0.8, 0.2]];

  it("passes on the unbroken program", async () => {
    expect(await failureOf(() => checkSource(sine, undefined, at))).toBeUndefined();
  });

  it("a wrong JVP disagrees with the reverse runs", async () => {
    expect(await failureOf(() => checkSource(sine, undefined, at, { mutate: breakSineDerivative({ forward: true, record: false, generic: false }) }))).toBe("forward-vs-reverse");
  });

  it("a wrong record form disagrees with the JVP", async () => {
    expect(await failureOf(() => checkSource(sine, undefined, at, { mutate: breakSineDerivative({ forward: false, record: true, generic: false }) }))).toBe("forward-vs-reverse");
  });

  it("a wrong gradient form disagrees with the chunk-mode JVP", async () => {
    expect(await failureOf(() => checkSource(sine, undefined, at, { mutate: breakSineDerivative({ forward: false, record: false, generic: false, gradient: true }) }))).toBe("gradient-form");
  });

  it("a gradient form that answers where the value is NaN is caught", async () => {
    const logarithm = "/** @differentiable */\nexport function f(a: number, b: number, c: number): number {\n  return Math.log(a) * b + c;\n}\n";
    const answerAlways = (js: string) => js.replace(/valueSize < Infinity( && inDomain)? \?/, "true ?");
    expect(await failureOf(() => checkSource(logarithm, undefined, [[0.5, 2, 1]], { mutate: answerAlways }))).toBeUndefined();
    expect(await failureOf(() => checkSource(logarithm, undefined, [[-0.5, 2, 1]]))).toBeUndefined();
    expect(await failureOf(() => checkSource(logarithm, undefined, [[-0.5, 2, 1]], { mutate: answerAlways }))).toBe("gradient-form");
    // The same mistake in the record form's twin (the last such return in the module).
    const twinAnswersAlways = (js: string) => {
      const at = js.lastIndexOf("valueSize < Infinity && inDomain ?");
      return js.slice(0, at) + "true ?" + js.slice(at + "valueSize < Infinity && inDomain ?".length);
    };
    expect(await failureOf(() => checkSource(logarithm, undefined, [[-0.5, 2, 1]], { mutate: twinAnswersAlways }))).toBe("gradient-form");
  });

  it("a wrong generic form disagrees with the JVP", async () => {
    expect(await failureOf(() => checkSource(sine, undefined, at, { mutate: breakSineDerivative({ forward: false, record: false, generic: true }) }))).toBe("forward-vs-reverse");
  });

  it("the same mistake in all three disagrees with finite differences", async () => {
    expect(await failureOf(() => checkSource(sine, undefined, at, { mutate: breakSineDerivative({ forward: true, record: true, generic: true }) }))).toBe("vs-finite-differences");
  });

  it("random programs find the mistake", async () => {
    const kinds = new Set<FailureKind>();
    const result = await fc.check(
      fc.asyncProperty(program, pointPairs, async (p, x) => {
        const kind = await failureOf(() => checkProgram(p, x, { mutate: breakSineDerivative({ forward: true, record: true, generic: true }) }));
        if (kind) kinds.add(kind);
        return kind === undefined;
      }),
      { numRuns: 200, endOnFailure: true, seed: 1 },
    );
    expect(result.failed).toBe(true);
    // Where a program's own code calls Math.cos, the JVP's copy of it computes a wrong value: also a catch.
    expect([...kinds]).toEqual([expect.stringMatching(/^(value|forward-vs-reverse|vs-finite-differences)$/)]);
  });
});

// ------------------------------------------------------------ bugs these tests found

// Each was a transform bug; the comment says what went wrong. Each program is
// the smallest the failing random program shrank to by hand.
const found: { name: string; source: string; wrt?: number[]; at: number[] }[] = [
  {
    name: "a plain value assigned to a variable that carries a derivative",
    // The generic form wrote `ops.primal(y) = 2`: reverse mode threw "Invalid left-hand side in assignment".
    source: `/** @differentiable */
export function f(a: number): number {
  let y = a * a;
  y = 2;
  return y;
}
`,
    at: [0.3],
  },
  {
    name: "++ on a variable that carries a derivative",
    // The generic form wrote `ops.primal(y)++`: reverse mode threw "Invalid left-hand side expression in postfix operation".
    source: `/** @differentiable */
export function f(a: number): number {
  let y = a * a;
  y++;
  return y;
}
`,
    at: [0.3],
  },
  {
    name: "a variable named ops",
    // The generic form's own parameter is called ops: the module did not load ("Identifier 'ops' has already been declared").
    source: `/** @differentiable */
export function f(a: number): number {
  const ops = a * a;
  return ops;
}
`,
    at: [0.3],
  },
  {
    name: "a write to a parameter outside wrt",
    // The JVP assigned the tangent db, which it never declared: grad(f) threw "db is not defined".
    source: `/** @differentiable wrt(a) */
export function f(a: number, b: number): number {
  b = a * b;
  return b;
}
`,
    wrt: [0],
    at: [0.3, 0.5],
  },
  {
    name: "two Float64Arrays written the same way",
    // The generic form turned the first \`new Float64Array(2)\` of the text (w's) into an Array, not v's, which
    // holds tape variables: reverse mode threw "A reverse-mode variable was used with a JavaScript operator".
    source: `/** @differentiable */
export function f(a: number): number {
  const w = new Float64Array(2);
  const v = new Float64Array(2);
  v[0] = a * a;
  return v[0] + w[0];
}
`,
    at: [0.3],
  },
  {
    name: "a declaration without an initializer",
    // The generic form rewrote \`let y: number;\` into \`let ops.primal(y)…\`: the module did not load.
    source: `/** @differentiable */
export function f(a: number): number {
  let y: number;
  y = a * a;
  return y;
}
`,
    at: [0.3],
  },
  {
    name: "push onto an array that carries derivatives",
    // The generic form wrote \`ops.primal(v).push(…)\`: reverse mode threw "Cannot read properties of undefined".
    source: `/** @differentiable */
export function f(a: number): number {
  const v: number[] = [];
  v.push(a * a);
  return v[0];
}
`,
    at: [0.3],
  },
  {
    name: ".length of an array that carries derivatives",
    // The generic form wrote \`ops.primal(v).length\`: reverse mode threw "Cannot read properties of undefined".
    source: `/** @differentiable */
export function f(a: number): number {
  const v = new Array(2).fill(0);
  v[1] = a * a;
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i];
  return s;
}
`,
    at: [0.3],
  },
  {
    name: "for…of over an array that carries derivatives",
    // The generic form rewrote the loop variable's declaration: the module did not load ("Missing initializer in const declaration").
    source: `/** @differentiable */
export function f(a: number): number {
  const v = new Array(2).fill(0);
  v[0] = a;
  let s = 0;
  for (const x of v) s += x * x;
  return s;
}
`,
    at: [0.3],
  },
  {
    name: "an array literal of values that carry derivatives",
    // The transform reported DUALTS1008 "'[a, 2]' is not supported", though the README lists \`[a, b]\`.
    source: `/** @differentiable */
export function f(a: number): number {
  const v = [a, 2];
  return v[0] * v[1];
}
`,
    at: [0.3],
  },
];

describe("bugs found by the random programs", () => {
  for (const { name, source, wrt, at } of found) {
    it(name, async () => {
      await checkSource(source, undefined, [at], { wrt });
    });
  }
});
