// Golden fixtures for the transform: each test/golden/<case>/input.ts, one
// construct, beside its expected output, one file per generated form
// (expected/jvp.js, generic.js, chunkJvp.js, record.js, gradient.js,
// recordGradient.js), the registrations, the run-time helpers where the
// case needs them, and the diagnostics (support/golden-cases.ts makes them).
// `npm run golden` rewrites the expected files after a deliberate change;
// review the diff like any other code. test/golden/README.md says how to
// add a case.

import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { expect, test } from "vitest";
// The built transform (dist/), as users load it; npm test builds first.
import { codes, transformSource } from "../dist/transformer/index.js";
import { INPUT, renderCase, type RenderedCase } from "./support/golden-cases.js";

const root = new URL("./golden/", import.meta.url);
const cases = readdirSync(root).filter((name) => existsSync(new URL(`${name}/${INPUT}`, root)));
const update = process.env.UPDATE_GOLDEN === "1";

const inputOf = (name: string) => readFileSync(new URL(`${name}/${INPUT}`, root), "utf8");
const renderings = new Map<string, RenderedCase>();
const rendered = (name: string) => renderings.get(name) ?? renderings.set(name, renderCase(inputOf(name))).get(name)!;

/** The expected files a case holds now, by their path under its folder. */
function expectedFiles(name: string): Record<string, string> {
  const folder = new URL(`${name}/expected/`, root);
  if (!existsSync(folder)) return {};
  return Object.fromEntries(
    readdirSync(folder)
      .sort()
      .map((file) => [`expected/${file}`, readFileSync(new URL(file, folder), "utf8")]),
  );
}

/** Rewrites a case's expected files: the rendered ones, and none other. */
function rewrite(name: string, files: Record<string, string>): void {
  const folder = new URL(`${name}/expected/`, root);
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  for (const [path, text] of Object.entries(files)) writeFileSync(new URL(`${name}/${path}`, root), text);
}

test("there are golden fixtures, one construct each", () => {
  expect(cases.length).toBeGreaterThanOrEqual(40);
});

test.each(cases)("golden %s", (name) => {
  const files = Object.fromEntries(Object.entries(rendered(name).files).sort(([a], [b]) => a.localeCompare(b)));
  if (update || !existsSync(new URL(`${name}/expected/`, root))) rewrite(name, files);
  // The same files (a form the case gained or lost fails too), with the same text.
  expect(files).toEqual(expectedFiles(name));
});

test("each form's expected code is the code the compiled file carries", () => {
  const lines = (code: string) => code.split("\n").map((line) => line.trim());
  for (const name of cases) {
    const compiled = lines(transformSource(inputOf(name), { fileName: INPUT }).code).join("\n");
    for (const fn of rendered(name).functions) {
      // Its body, line by line: the first and last lines differ where the function is a property of a call's or a method's information object.
      const body = lines(fn).slice(1, -1).join("\n");
      expect(compiled, `${name}: ${fn.split("\n")[0]}`).toContain(body);
    }
  }
});

test("every diagnostic code is exercised by a fixture, at its position", () => {
  const expected = cases.map((name) => expectedFiles(name)["expected/diagnostics.txt"] ?? "").join("\n");
  const reported = new Set([...expected.matchAll(/^input\.ts:\d+:\d+ - error (DUALTS\d{4})/gm)].map((m) => m[1]));
  // DUALTS1099 is the internal-error safety net: no input should reach it.
  const all = Object.values(codes).filter((code) => code !== codes.internal);
  expect([...reported].sort()).toEqual([...all].sort());
});
