// Golden fixtures for the transform: each test/golden/<case>/input.ts beside
// its expected output (JavaScript, with the diagnostics at the top).
// `npm run golden` rewrites the expected files after a deliberate change;
// review the diff like any other code.

import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { expect, test } from "vitest";
// The built transform (dist/), as users load it; npm test builds first.
import { codes, formatDiagnostic, transformSource } from "../dist/transformer/index.js";

const root = new URL("./golden/", import.meta.url);
const cases = readdirSync(root).filter((name) => existsSync(new URL(`${name}/input.ts`, root)));
const update = process.env.UPDATE_GOLDEN === "1";

function render(name: string): string {
  const input = readFileSync(new URL(`${name}/input.ts`, root), "utf8");
  const { code, diagnostics } = transformSource(input, { fileName: `${name}/input.ts` });
  const header = diagnostics.length === 0 ? ["// diagnostics: none"] : ["// diagnostics:", ...diagnostics.map((d) => `//   ${formatDiagnostic(d)}`)];
  return `${header.join("\n")}\n\n${code}`;
}

test("there are golden fixtures", () => {
  expect(cases.length).toBeGreaterThanOrEqual(8);
});

test.each(cases)("golden %s", (name) => {
  const expectedFile = new URL(`${name}/expected.js`, root);
  const actual = render(name);
  if (update || !existsSync(expectedFile)) writeFileSync(expectedFile, actual);
  expect(actual).toBe(readFileSync(expectedFile, "utf8"));
});

test("every diagnostic code is exercised by a fixture, at its position", () => {
  const expected = cases.map((name) => readFileSync(new URL(`${name}/expected.js`, root), "utf8")).join("\n");
  const reported = new Set([...expected.matchAll(/input\.ts:\d+:\d+ - error (DUALTS\d{4})/g)].map((m) => m[1]));
  // DUALTS1099 is the internal-error safety net: no input should reach it.
  const all = Object.values(codes).filter((code) => code !== codes.internal);
  expect([...reported].sort()).toEqual([...all].sort());
});
