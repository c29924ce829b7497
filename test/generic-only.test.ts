// A function that takes derivatives itself (derivative(sq)(x) in its body)
// gets only a generic form from the transform: no JVP, no chunk-mode JVP,
// no record form. The two bugs issue 16 names grew from that, both pinned
// here through the real transform:
//
// - such a function must be registered wherever it is marked (a decorated
//   method, static or not, a differentiable(…) expression, a JSDoc-marked
//   declaration or variable), and grad of it must be right on every mode;
// - a neighbour of such a function keeps all its forms: which forms can run
//   is decided by the functions each form calls, not by searching the
//   generated text for the neighbour's name, so `myloss`, `loss2`, a caller
//   of them, a string or comment naming `loss_jvp(…)` and properties
//   `o.loss(…)`, `o.loss_jvp(…)` lose nothing beside a generic-only `loss`.

import { describe, expect, test } from "vitest";
import { transformSource } from "../dist/transformer/index.js";
import { FORMS } from "../src/contract.js";
import { expectClose } from "./support/helpers.js";
import { load } from "./support/program-run.js";

// The copy of the runtime that the compiled modules import (loaded as they load it, outside vitest's
// module graph): derivative(sq) inside them takes only this copy's Duals.
const { derivativeInfo, grad, numericalGradient } = (await load('export * from "dualts";\n')) as unknown as typeof import("../src/index.js");

type Fn = (...args: number[]) => number;

/** The module compiled by the transform (a diagnostic fails the test), "dualts" the built runtime. */
async function compiled(source: string): Promise<Record<string, any>> {
  const { code, diagnostics } = transformSource(source, { fileName: "prog.ts" });
  expect(diagnostics).toEqual([]);
  return load(code);
}

/** The forms f's registration carries, in the contract's order. */
function formsOf(f: Function): string[] {
  const info = derivativeInfo(f) as unknown as Record<string, unknown> | undefined;
  expect(info, `${f.name} should be registered`).toBeDefined();
  return FORMS.filter((form) => typeof info![form] === "function");
}

const modes = [{}, { mode: "forward" as const }, { mode: "reverse" as const }];

/** sq, which the functions below differentiate inside themselves; its first and second derivatives. */
const sqSource = "/** @differentiable */\nfunction sq(x: number): number {\n  return x * x * Math.sin(x);\n}\n";
const dsq = (x: number) => 2 * x * Math.sin(x) + x * x * Math.cos(x);
const ddsq = (x: number) => 2 * Math.sin(x) + 4 * x * Math.cos(x) - x * x * Math.sin(x);

describe("a function that takes derivatives is registered wherever it is marked", () => {
  const source = `import { derivative, differentiable } from "dualts";
${sqSource}
export class Spring {
  constructor(readonly k: number) {}
  @differentiable
  energy(x: number): number {
    return derivative(sq)(x) * x * this.k;
  }
  @differentiable({ wrt: ["x"] })
  scaled(x: number, s: number): number {
    return derivative(sq)(x) * s * this.k;
  }
  @differentiable
  static twice(x: number): number {
    return 2 * derivative(sq)(x) * x;
  }
}
export const expression = differentiable((x: number): number => derivative(sq)(x) * x);
/** @differentiable */
export function declared(x: number): number {
  return derivative(sq)(x) * x;
}
/** @differentiable */
export const held = (x: number): number => derivative(sq)(x) * x;
`;
  /** d/dx of sq'(x)·x. */
  const timesX = (x: number) => ddsq(x) * x + dsq(x);

  type Case = [what: string, f: (m: Record<string, any>) => Fn, args: (x: number) => number[], expected: (x: number) => number, options: { wrt?: number[] }];
  const cases: Case[] = [
    ["a decorated method", (m) => new m.Spring(3).energy, (x) => [x], (x) => 3 * timesX(x), {}],
    ["the same method of another instance", (m) => new m.Spring(-0.5).energy, (x) => [x], (x) => -0.5 * timesX(x), {}],
    ["a decorated method with wrt", (m) => new m.Spring(3).scaled, (x) => [x, 1.5], (x) => 3 * 1.5 * ddsq(x), { wrt: [0] }],
    ["a decorated static method", (m) => m.Spring.twice, (x) => [x], (x) => 2 * timesX(x), {}],
    ["differentiable(…) of an arrow function", (m) => m.expression, (x) => [x], timesX, {}],
    ["a JSDoc-marked declaration", (m) => m.declared, (x) => [x], timesX, {}],
    ["a JSDoc-marked variable", (m) => m.held, (x) => [x], timesX, {}],
  ];
  const module = compiled(source);

  test.each(cases)("%s: registered with its generic form only, and grad is right on every mode", async (what, pick, args, expected, options) => {
    const f = pick(await module);
    // Of the class the bug was in: registered, but with no JVP for the runtime to look for.
    expect(formsOf(f)).toEqual(["generic"]);
    for (const x of [-1.3, 0.4, 2]) {
      const differences = numericalGradient(f, args(x) as never, options) as number | number[];
      const numeric = Array.isArray(differences) ? differences[0] : differences;
      for (const mode of modes) {
        const g = grad(f, { ...options, ...mode })(...args(x)) as number;
        expectClose(g, expected(x), 1e-9, 1e-12, `${what}, ${JSON.stringify(mode)}, at ${x}`);
        expectClose(g, numeric, 1e-6, 1e-8, `${what} against finite differences, ${JSON.stringify(mode)}, at ${x}`);
      }
    }
  });
});

describe("a neighbour of a generic-only function keeps all its forms", () => {
  // `loss` takes a derivative: it has only its generic form. None of the functions below calls it.
  const loss = "/** @differentiable */\nexport function loss(x: number): number {\n  return derivative(sq)(x) * x;\n}\n";
  const neighbours = `const o = { loss: (n: number): number => n + 1, loss_jvp: (n: number): number => 2 * n };
/** @differentiable */
export function myloss(x: number, y: number): number {
  return x * Math.exp(y) + Math.log(x * x + 1);
}
/** @differentiable */
export function loss2(x: number, y: number): number {
  return Math.sin(x) * y * y;
}
/** @differentiable */
export function caller(x: number, y: number): number {
  return myloss(x, y) * loss2(y, x);
}
/** @differentiable */
export function mentions(x: number, y: number): number {
  // loss(x) is not called here, nor loss_jvp(x, dx), loss_chunkJvp(K, x, dx) or loss_record(tape, x, xNode).
  const note = "loss(x), loss_jvp(x, dx), loss_chunkJvp(K, x, dx), loss_record(tape, x, xNode)";
  if (note.length === 0) throw new Error("loss_jvp(" + x + ")");
  return x * Math.cos(y) + y * y;
}
/** @differentiable */
export function property(x: number, y: number): number {
  return x * y * o.loss(2) * o.loss_jvp(1) + Math.exp(x);
}
`;
  const prelude = `import { derivative } from "dualts";\n${sqSource}`;
  const names = ["myloss", "loss2", "caller", "mentions", "property"];
  /** Each neighbour's gradient, by hand. */
  const gradients: Record<string, (x: number, y: number) => number[]> = {
    myloss: (x, y) => [Math.exp(y) + (2 * x) / (x * x + 1), x * Math.exp(y)],
    loss2: (x, y) => [Math.cos(x) * y * y, 2 * Math.sin(x) * y],
    caller: (x, y) => {
      const [a, da] = [x * Math.exp(y) + Math.log(x * x + 1), [Math.exp(y) + (2 * x) / (x * x + 1), x * Math.exp(y)]];
      // loss2(y, x) = sin(y)·x²
      const [b, db] = [Math.sin(y) * x * x, [2 * Math.sin(y) * x, Math.cos(y) * x * x]];
      return [da[0] * b + a * db[0], da[1] * b + a * db[1]];
    },
    mentions: (x, y) => [Math.cos(y), -x * Math.sin(y) + 2 * y],
    property: (x, y) => [6 * y + Math.exp(x), 6 * x],
  };

  const alone = compiled(prelude + neighbours);
  const beside = compiled(prelude + loss + neighbours);

  test("the neighbour takes derivatives: it has only its generic form", async () => {
    expect(formsOf((await beside).loss)).toEqual(["generic"]);
  });

  test.each(names)("%s keeps beside loss every form it has alone", async (name) => {
    const kept = formsOf((await beside)[name]);
    expect(kept).toEqual(formsOf((await alone)[name]));
    // jvp, chunkJvp and record everywhere; the gradient form where the function has one (it calls nothing).
    expect(kept).toEqual(expect.arrayContaining(["jvp", "chunkJvp", "record", "generic"]));
    if (name !== "caller") expect(kept).toContain("gradient");
  });

  test("and its gradient is right on every mode and chunk size", async () => {
    const m = await beside;
    for (const name of names) {
      const f = m[name] as Fn;
      for (const [x, y] of [
        [0.7, -0.4],
        [-1.2, 0.9],
      ]) {
        const numeric = numericalGradient(f, [x, y] as never);
        for (const options of [...modes, { chunk: 1 }]) {
          const g = grad(f, options)(x, y);
          expectClose(g, gradients[name](x, y), 1e-9, 1e-12, `${name}, ${JSON.stringify(options)}, at (${x}, ${y})`);
          expectClose(g, numeric, 1e-6, 1e-8, `${name} against finite differences, ${JSON.stringify(options)}`);
        }
      }
    }
  });
});
