// Which TypeScript the transform and the CLI run on. dualts depends on a
// TypeScript 6 of its own (the compiler API the transform builds syntax with),
// whatever the project compiles with:
// - the ts-patch entry checks that the compiler ts-patch runs it in (extras.ts)
//   is the same major.minor version, and otherwise fails the build once with a
//   message that names both versions and the fix, transforming nothing;
// - the CLI, should the `typescript` it loads be one with no compiler API
//   (TypeScript 7), stops with a message that says so and how to mend it.
// The installed package with a project's own TypeScript 7 is test/e2e/pack.test.ts's.

import { execFile } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { expect, test } from "vitest";
// The built transformer, as ts-patch loads it (npm test builds first).
import dualtsPlugin, { compilerMismatch } from "../dist/transformer/index.js";

const root = fileURLToPath(new URL("..", import.meta.url));
const marked = "/** @differentiable */\nexport function square(x: number): number {\n  return x * x;\n}\n";

/** Runs the plugin as ts-patch would, in a compiler of the given version; what it added and printed. */
function runPlugin(compiler: { version: string; versionMajorMinor: string }) {
  const added: ts.Diagnostic[] = [];
  const factory = dualtsPlugin(undefined as unknown as ts.Program, {}, { ts: compiler, addDiagnostic: (d) => added.push(d) });
  const sf = ts.createSourceFile("square.ts", marked, ts.ScriptTarget.Latest, true);
  const result = ts.transform(sf, [factory]);
  const printed = ts.createPrinter().printFile(result.transformed[0]);
  result.dispose();
  return { added, printed };
}

test("the ts-patch entry transforms inside a compiler of its own TypeScript version, patch versions aside", () => {
  const [major, minor] = ts.versionMajorMinor.split(".");
  const { added, printed } = runPlugin({ version: `${major}.${minor}.99`, versionMajorMinor: ts.versionMajorMinor });
  expect(added).toEqual([]);
  expect(printed).toContain("function square_jvp(");
  expect(compilerMismatch(ts)).toBeUndefined();
});

test.each([
  ["5.9.3", "5.9"],
  ["6.1.0", "6.1"],
  ["7.0.2", "7.0"],
])("inside TypeScript %s the ts-patch entry fails the build once, naming both versions and the fix, and transforms nothing", (version, versionMajorMinor) => {
  const { added, printed } = runPlugin({ version, versionMajorMinor });
  expect(added).toHaveLength(1);
  const [d] = added;
  expect(d.category).toBe(ts.DiagnosticCategory.Error);
  expect(d.file).toBeUndefined();
  const message = String(d.messageText);
  expect(message).toContain(`this build's compiler is TypeScript ${version}`);
  expect(message).toContain(`its own typescript ${ts.version}`);
  expect(message).toContain(`npm install --save-dev typescript@${ts.versionMajorMinor}`);
  expect(message).toContain("npx dualts gen src --out gen");
  expect(printed).not.toContain("square_jvp");
  expect(printed).toContain("return x * x;");
});

test("the CLI, given a typescript with no compiler API (TypeScript 7), says so and how to mend the install", async () => {
  const typescript7 = join(root, "node_modules/typescript-7");
  expect(existsSync(join(typescript7, "package.json")), "the devDependency typescript-7 (npm:typescript@^7) is installed").toBe(true);
  expect(existsSync(join(root, "dist/cli/main.js")), "dist/ is built (npm test runs `npm run build` first)").toBe(true);
  // The built CLI beside a node_modules whose typescript is 7: an install that lost dualts' own TypeScript 6.
  const dir = mkdtempSync(join(tmpdir(), "dualts-cli-ts7-"));
  try {
    cpSync(join(root, "dist/cli"), join(dir, "dist/cli"), { recursive: true });
    writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "dualts", type: "module" }));
    mkdirSync(join(dir, "node_modules"));
    symlinkSync(typescript7, join(dir, "node_modules/typescript"), "junction");
    const result = await new Promise<{ code: number; stderr: string }>((done) => {
      execFile(process.execPath, [join(dir, "dist/cli/main.js"), "check", "src"], { cwd: dir, encoding: "utf8" }, (error, _out, stderr) => done({ code: error ? Number(error.code) : 0, stderr }));
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /^dualts: the CLI parses with the TypeScript 6 compiler API, but the 'typescript' package it loads is 7\.\d+\.\d+ \(.*typescript-7.*\), which has none \(TypeScript 7 ships no compiler API\): reinstall dualts with npm install/,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
