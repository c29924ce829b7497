// End to end through ts-patch: two small projects configured as a user's
// would be (compilerOptions.plugins: [{ "transform": "dualts/transformer" }])
// are compiled with tspc, ts-patch's live compiler. The good one's output
// runs under node: its gradients must match the analytic formula, and
// dualts/optimize must find Rosenbrock's minimiser and the decay's parameters;
// the broken one must fail the build with DUALTS1001 at the offending call.
//
// The projects depend on dualts the way an installed package does: through
// test/e2e/node_modules/dualts, a package.json copied from the repository's
// and a link to its dist/ (built by `npm test` before vitest runs). ts-patch
// resolves the transformer with require.resolve from its own location, so a
// package self-reference cannot stand in for it.

import { execFile } from "node:child_process";
import { copyFileSync, existsSync, lstatSync, mkdirSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, test } from "vitest";
import { expectMainOutput } from "./pack-support.js";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "../..");
const tspcBin = join(root, "node_modules/ts-patch/bin/tspc.js");
const good = join(here, "tspc-project");
const broken = join(here, "tspc-broken");

interface Run {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs a node script; resolves with its exit status and output, whatever the status. */
function node(args: string[], cwd: string): Promise<Run> {
  return new Promise((done) => {
    execFile(process.execPath, args, { cwd, encoding: "utf8", timeout: 60_000 }, (error, stdout, stderr) => {
      // A non-numeric code means node did not run or was killed (timeout): report that as the output.
      const failedToRun = error !== null && typeof error.code !== "number";
      const status = error === null ? 0 : failedToRun ? -1 : (error.code as number);
      done({ status, stdout, stderr: failedToRun ? `${stderr}${error.message}` : stderr });
    });
  });
}

/** test/e2e/node_modules/dualts: the repository's package.json and a link to its dist/. */
function installDualts(): void {
  const pkg = join(here, "node_modules/dualts");
  mkdirSync(pkg, { recursive: true });
  copyFileSync(join(root, "package.json"), join(pkg, "package.json"));
  const dist = join(pkg, "dist");
  if (!existsSync(dist)) {
    if (lstatSync(dist, { throwIfNoEntry: false })) rmSync(dist); // a dangling link
    symlinkSync(join(root, "dist"), dist, "junction");
  }
}

/** The 1-based line and column where `needle` first occurs in a file. */
function position(file: string, needle: string): { line: number; column: number } {
  const lines = readFileSync(file, "utf8").split("\n");
  const line = lines.findIndex((l) => l.includes(needle));
  expect(line, `${needle} in ${file}`).toBeGreaterThanOrEqual(0);
  return { line: line + 1, column: lines[line].indexOf(needle) + 1 };
}

let goodBuild: Run;
let brokenBuild: Run;

beforeAll(async () => {
  expect(existsSync(join(root, "dist/transformer/index.js")), "dist/ is built (npm test runs `npm run build` first)").toBe(true);
  installDualts();
  for (const project of [good, broken]) rmSync(join(project, "out"), { recursive: true, force: true });
  // --pretty false: the format tsc uses when its output is not a terminal (CI logs), stated so a TTY cannot change it.
  [goodBuild, brokenBuild] = await Promise.all([node([tspcBin, "-p", ".", "--pretty", "false"], good), node([tspcBin, "-p", ".", "--pretty", "false"], broken)]);
}, 120_000);

describe("tspc with the dualts transformer", () => {
  test("builds the project without diagnostics", () => {
    expect(goodBuild.stdout + goodBuild.stderr).toBe("");
    expect(goodBuild.status).toBe(0);
    const lossJs = readFileSync(join(good, "out/loss.js"), "utf8");
    expect(lossJs).toContain("function loss_jvp(");
    // The call into sigmoid.ts goes through the derivative registered on the imported function.
    expect(lossJs).toMatch(/__dualtsCall\(sigmoid, /);
    expect(readFileSync(join(good, "out/sigmoid.js"), "utf8")).toContain('Object.defineProperty(sigmoid, Symbol.for("dualts.derivative")');
  });

  test("the compiled program's gradients match the analytic formula, and dualts/optimize minimises its functions", async () => {
    const run = await node([join(good, "out/main.js")], good);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expectMainOutput(run.stdout);
  });

  test("a call with no derivative fails the build with DUALTS1001 at the call", () => {
    const { line, column } = position(join(broken, "src/model.ts"), "helper(w)");
    expect(brokenBuild.status).not.toBe(0);
    expect(brokenBuild.stderr).toBe("");
    // The only diagnostic, in TypeScript's plain format: file(line,col): error TS<number>: message.
    const lines = brokenBuild.stdout.trim().split("\n");
    expect(lines).toHaveLength(1);
    const expected = `src/model.ts(${line},${column}): error TS991001: DUALTS1001: helper(…) has no derivative`;
    expect(lines[0].slice(0, expected.length)).toBe(expected);
  });
});
