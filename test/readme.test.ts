// Every TypeScript example in the README runs as written (importing "dualts"
// as a user would), and the printed outputs the README shows are real.

import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { expect, test } from "vitest";
import { checkGradient, GradientCheckError, mul, type Real } from "../src/index.js";

const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
const blocks = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]);
const dir = new URL("./.readme/", import.meta.url);

test("the README has TypeScript examples", () => {
  expect(blocks.length).toBeGreaterThanOrEqual(3);
});

test.each(blocks.map((code, i) => [i, code] as const))("README example %i runs", async (i, code) => {
  mkdirSync(dir, { recursive: true });
  const file = new URL(`example${i}.ts`, dir);
  writeFileSync(file, code.replace(/console\.log\(/g, "void ("));
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
  })();
  expect(error).toBeInstanceOf(GradientCheckError);
  for (const line of error!.message.split("\n")) expect(readme).toContain(line);
});
