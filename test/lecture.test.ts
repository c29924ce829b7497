// `npm start` runs the lecture; its printed gradients must match the analytic values.

import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { expect, test } from "vitest";

test("npm start prints the lecture's gradients next to the analytic values", () => {
  const script = new URL("../dist/examples/lecture.js", import.meta.url);
  expect(existsSync(script), "run `npm run build` first (npm test does)").toBe(true);
  const out = execFileSync(process.execPath, [script.pathname], { encoding: "utf8" });
  const row = (name: string) => {
    const line = out.split("\n").find((l) => l.trim().startsWith(name));
    expect(line, `a line starting with ${name}`).toBeDefined();
    return line!.match(/\(([^)]*)\)/)![1].split(",").map(Number);
  };
  expect(row("dualts gradient")).toEqual([1, -12, 3.75]);
  expect(row("dualts gradient")).toEqual(row("analytic").slice(0, 3));
  const analytic = out.split("\n").filter((l) => l.trim().startsWith("analytic"))[1].match(/\(([^)]*)\)/)![1].split(",").map(Number);
  for (const route of ["forward mode", "reverse mode", "finite diffs"]) expect(row(route)).toEqual(analytic);
});
