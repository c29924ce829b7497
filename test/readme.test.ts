// Every TypeScript example in the README runs as written (importing "dualts"
// and "dualts/optimize" as a user would), and the printed outputs the README
// shows are real: a line `expression; // 12`, `// [0.6, 0.8]`, `// true`,
// `// "gradient"` or `// { value: 0, gradient: 46 }` is checked to give that
// value (numbers to 1e-9, strings and booleans exactly, objects key by key).

import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { expect, test } from "vitest";
import { checkGradient, GradientCheckError, mul, type Real } from "../src/index.js";
import { leastSquares, minimize, type MinimizeResult } from "../src/optimize/index.js";
import { expectClose } from "./support/helpers.js";

const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
const blocks = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]);
const dir = new URL("./.readme/", import.meta.url);

test("the README has TypeScript examples", () => {
  expect(blocks.length).toBeGreaterThanOrEqual(3);
});

/**
 * `expr; // 12 (…)` → a check that expr gives 12: a number, an array of numbers (or of strings), true or
 * false, a string in double quotes, or an object literal of those; a value with `…`, `≈` or `~` is not checked.
 */
function withChecks(code: string): { code: string; checks: number } {
  let checks = 0;
  const value = /(-?\d[\d.e+-]*|\[[-\d.,\s[\]e+"]*\]|true|false|"[^"\n…]*"|\{[^{}\n…≈~]*\})/.source;
  const checked = code.replace(new RegExp(`^(\\s*)(.+?);\\s*\\/\\/\\s*${value}(?=\\s|$).*$`, "gm"), (_, indent, expr, value) => {
    checks++;
    return `${indent}(globalThis as any).__readmeExpect(${expr}, ${value});`;
  });
  return { code: checked, checks };
}

/** actual is what a README comment states: numbers to 1e-9 relative, strings and booleans exactly, arrays and objects entry by entry. */
function expectStated(actual: unknown, expected: unknown, path = "value"): void {
  if (typeof expected === "string" || typeof expected === "boolean") {
    expect(actual, path).toBe(expected);
  } else if (Array.isArray(expected)) {
    expect(Array.isArray(actual) || ArrayBuffer.isView(actual), `${path} should be an array`).toBe(true);
    const entries = Array.from(actual as ArrayLike<unknown>);
    expect(entries.length, `${path}.length`).toBe(expected.length);
    expected.forEach((e, i) => expectStated(entries[i], e, `${path}[${i}]`));
  } else if (typeof expected === "object" && expected !== null) {
    expect(typeof actual === "object" && actual !== null, `${path} should be an object`).toBe(true);
    expect(Object.keys(actual as object).sort(), `${path}'s keys`).toEqual(Object.keys(expected).sort());
    for (const [key, e] of Object.entries(expected)) expectStated((actual as Record<string, unknown>)[key], e, `${path}.${key}`);
  } else {
    expectClose(actual, expected, 1e-9, 1e-12, path);
  }
}

(globalThis as Record<string, unknown>).__readmeExpect = (actual: unknown, expected: unknown) => expectStated(actual, expected);

test("the README states values that are checked", () => {
  expect(blocks.reduce((n, b) => n + withChecks(b).checks, 0)).toBeGreaterThanOrEqual(12);
});

test.each(blocks.map((code, i) => [i, code] as const))("README example %i runs and gives the values it states", async (i, code) => {
  mkdirSync(dir, { recursive: true });
  const file = new URL(`example${i}.ts`, dir);
  writeFileSync(file, withChecks(code).code.replace(/console\.log\(/g, "void ("));
  try {
    await import(file.href);
  } finally {
    rmSync(file);
  }
});

test("the gradient-check table in the README is what checkGradient prints", () => {
  const broken = (x: Real, y: Real) => mul(typeof x === "number" ? x * x : mul(x, 1.5), y);
  const error = (() => {
    try {
      checkGradient(broken, [2, 3]);
    } catch (e) {
      return e as GradientCheckError;
    }
    return undefined;
  })();
  expect(error).toBeInstanceOf(GradientCheckError);
  for (const line of error!.message.split("\n")) expect(readme).toContain(line);
});

test("the generated code the README shows is what the transform generates (test/golden/lecture-loss)", () => {
  const forms = new URL("./golden/lecture-loss/expected/", import.meta.url);
  const golden = readdirSync(forms)
    .filter((file) => file.endsWith(".js"))
    .map((file) => readFileSync(new URL(file, forms), "utf8"))
    .join("\n");
  for (const name of ["loss_jvp", "loss_record", "loss_generic", "loss_gradient", "loss_recordGradient"]) {
    const shown = new RegExp("```js\\n(function " + name + "[\\s\\S]*?\\n})\\n```").exec(readme)?.[1];
    const generated = new RegExp("(function " + name + "\\([\\s\\S]*?\\n})").exec(golden)?.[1];
    expect(shown, `the README shows ${name}`).toBeDefined();
    expect(shown).toBe(generated);
  }
});

/** @differentiable */
function rosenbrock(x: number[]): number {
  return (1 - x[0]) ** 2 + 100 * (x[1] - x[0] ** 2) ** 2;
}

/** @differentiable wrt(w) */
function coolingError(w: number[], t: number[], theta: number[]): number {
  let total = 0;
  for (let i = 0; i < t.length; i++) total += (w[0] * Math.exp(-w[1] * t[i]) - theta[i]) ** 2;
  return total / t.length;
}

/** @differentiable wrt(p) */
function misfit(p: number[], t: number[], theta: number[]): number[] {
  const r: number[] = [];
  for (let i = 0; i < t.length; i++) r.push(p[0] * Math.exp(-p[1] * t[i]) - theta[i]);
  return r;
}

const hours = Array.from({ length: 13 }, (_, i) => (5 * i) / 60);

/** Not marked: the transform leaves it alone. */
function unmarked(x: number[]): number {
  return x[0] * x[0];
}

/** @differentiable */
function barrier(x: number[]): number {
  return -Math.log(x[0]) - Math.log(1 - x[0]);
}

/** @differentiable */
function manhattan(x: number[]): number {
  return Math.abs(x[0] - 1) + Math.abs(x[1]);
}

test("the stop reasons the README's table shows are what the runs it names give", () => {
  const runs: [string, MinimizeResult<number[]>][] = [
    ["gradient", minimize(rosenbrock, [-1.2, 1])],
    ["step", minimize(rosenbrock, [-1.2, 1], { stepTolerance: 1e-4 })],
    ["value", minimize(rosenbrock, [-1.2, 1], { valueTolerance: 1e-10 })],
    ["iterations", minimize(rosenbrock, [-1.2, 1], { method: "gd" })],
    ["callback", minimize(rosenbrock, [-1.2, 1], { onIteration: () => false })],
    ["line search", minimize(manhattan, [1.37, 0.61])],
    ["not finite", minimize(barrier, [0.9], { method: "gd", step: 0.1 })],
  ];
  for (const [stoppedBy, result] of runs) {
    const row = readme.split("\n").find((line) => line.startsWith(`| \`"${stoppedBy}"\` | `));
    expect(row?.slice(0, row.lastIndexOf(" | ") + 2), `the README's row for "${stoppedBy}"`).toBe(`| \`"${result.stoppedBy}"\` | ${result.converged} | ${result.reason} |`);
  }
});

test("the errors the README's Minimising section shows are what minimize and leastSquares throw", () => {
  const calls: (() => unknown)[] = [
    () => minimize(barrier, [Number.NaN]),
    () => minimize(barrier, [2]),
    () => minimize(barrier, []),
    () => minimize(barrier, [0.5], { method: "bfgs" as never }),
    () => minimize(barrier, [0.5], { step: 0.1 }),
    () => minimize(barrier, [0.5], { history: 0 }),
    () => minimize(barrier, [0.5], { method: "adam", batch: () => 3 as never }),
    () => leastSquares(barrier as never, [0.5]),
    () => minimize(coolingError as never, [1, 0]),
    // args: hours, where [hours, excess] was meant: 13 arguments after x.
    () => minimize(coolingError, [1, 0], { args: hours as never }),
    () => minimize(misfit as never, [1, 0], { args: [hours, hours] } as never),
    () => minimize(unmarked, [1]),
  ];
  const section = readme.slice(readme.indexOf("## Minimising: `dualts/optimize`"), readme.indexOf("### What it evaluates, and planning once"));
  for (const call of calls) {
    let message = "(no error)";
    try {
      call();
    } catch (error) {
      message = (error as Error).message;
    }
    expect(section).toContain(`\n${message}\n`);
  }
});
