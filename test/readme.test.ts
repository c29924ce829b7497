// Every TypeScript example in the README runs as written (importing "dualts"
// as a user would), and the printed outputs the README shows are real: a
// line `expression; // 12` or `// [0.6, 0.8]` is checked to give that value.

import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { expect, test } from "vitest";
import { checkGradient, GradientCheckError, mul, type Real } from "../src/index.js";
import { expectClose } from "./support/helpers.js";

const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
const blocks = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]);
const dir = new URL("./.readme/", import.meta.url);

test("the README has TypeScript examples", () => {
  expect(blocks.length).toBeGreaterThanOrEqual(3);
});

/** `expr; // 12 (…)` → a check that expr gives 12 (numbers and arrays of numbers only). */
function withChecks(code: string): { code: string; checks: number } {
  let checks = 0;
  const checked = code.replace(/^(\s*)(.+?);\s*\/\/\s*(-?\d[\d.e+-]*|\[[-\d.,\s[\]e+]*\])(?=\s|$).*$/gm, (_, indent, expr, value) => {
    checks++;
    return `${indent}(globalThis as any).__readmeExpect(${expr}, ${value});`;
  });
  return { code: checked, checks };
}

(globalThis as Record<string, unknown>).__readmeExpect = (actual: unknown, expected: unknown) => expectClose(actual, expected, 1e-9, 1e-12);

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
