// What test/e2e/pack.test.ts's fresh projects share: running commands (npm
// through the npm that runs the tests), writing a project (the tspc e2e
// project's sources, the lecture's logistic regression and two functions for
// dualts/optimize, with a package.json, and tsconfig files from `tsc --init`),
// and checking what a built project prints: the gradients, and the minimiser
// and the fit that dualts/optimize finds.

import { execFile } from "node:child_process";
import { cpSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { expect } from "vitest";
import { expectClose } from "../support/helpers.js";

export const here = dirname(fileURLToPath(import.meta.url));
export const root = resolve(here, "../..");
const npmCli = process.env.npm_execpath && /npm-cli\.js$/.test(process.env.npm_execpath) ? process.env.npm_execpath : undefined;
const npxCli = npmCli && existsSync(join(dirname(npmCli), "npx-cli.js")) ? join(dirname(npmCli), "npx-cli.js") : undefined;

export interface Run {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs a command; resolves with its exit status and output, whatever the status. */
export function run(file: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<Run> {
  return new Promise((done) => {
    execFile(file, args, { cwd, encoding: "utf8", timeout: 90_000, maxBuffer: 16 << 20, env: { ...process.env, ...env } }, (error, stdout, stderr) => {
      const failedToRun = error !== null && typeof error.code !== "number";
      const status = error === null ? 0 : failedToRun ? -1 : (error.code as number);
      done({ status, stdout, stderr: failedToRun ? `${stderr}${error.message}` : stderr });
    });
  });
}

/** npm, through the same npm that runs the tests when there is one, else the one on the PATH. */
export function npm(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<Run> {
  return npmCli ? run(process.execPath, [npmCli, ...args], cwd, env) : run("npm", args, cwd, env);
}

/** npx, as a user types it: `npx dualts gen …` runs the project's own dualts. */
export function npx(args: string[], cwd: string): Promise<Run> {
  return npxCli ? run(process.execPath, [npxCli, "--no", ...args], cwd) : run("npx", ["--no", ...args], cwd);
}

export function node(args: string[], cwd: string): Promise<Run> {
  return run(process.execPath, args, cwd);
}

export function ok(r: Run, what: string): Run {
  expect(r.status, `${what} failed:\n${r.stdout}\n${r.stderr}`).toBe(0);
  return r;
}

/** A fresh project's sources and package.json in `dir`: the lecture's sources in src/. */
export function writeProject(dir: string, name: string, packageJson: Record<string, unknown>): void {
  cpSync(join(here, "tspc-project/src"), join(dir, "src"), { recursive: true });
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name, private: true, ...packageJson }, null, 2));
}

/**
 * The project's tsconfig files, as the README says to write them: `tsc --init` of the project's own
 * TypeScript (run by the caller), with src/ → out/ and the given changes; and tsconfig.gen.json,
 * compiling gen/ → out-gen/ with the same options (noUncheckedIndexedAccess included).
 */
export function writeTsconfigs(dir: string, changes: Record<string, unknown>): void {
  const initialized = ts.parseConfigFileTextToJson("tsconfig.json", readFileSync(join(dir, "tsconfig.json"), "utf8"));
  expect(initialized.error, "tsc --init wrote a tsconfig.json TypeScript 6 can read").toBeUndefined();
  const config = initialized.config as { compilerOptions: Record<string, unknown> };
  writeFileSync(
    join(dir, "tsconfig.json"),
    JSON.stringify(
      {
        ...config,
        compilerOptions: { ...config.compilerOptions, rootDir: "src", outDir: "out", ...changes },
        include: ["src"],
      },
      null,
      2,
    ),
  );
  writeFileSync(
    join(dir, "tsconfig.gen.json"),
    JSON.stringify(
      {
        extends: "./tsconfig.json",
        compilerOptions: { rootDir: "gen", outDir: "out-gen" },
        include: ["gen"],
      },
      null,
      2,
    ),
  );
}

/** What main.ts prints: the loss and gradients for its data (against the analytic ones), and dualts/optimize's results. */
export function expectMainOutput(stdout: string): void {
  const out = JSON.parse(stdout) as {
    w0: number;
    w1: number;
    xs: number[];
    ys: number[];
    loss: number;
    grad: number[];
    gradReverse: number[];
    gradInline: number[];
    minimize: { x: number[]; converged: boolean; stoppedBy: string };
    leastSquares: { x: number[]; converged: boolean; stoppedBy: string };
  };
  const { w0, w1, xs, ys } = out;
  let loss = 0;
  let g0 = 0;
  let g1 = 0;
  xs.forEach((x, i) => {
    const f = 1 / (1 + Math.exp(-(w0 + w1 * x)));
    loss -= (ys[i] * Math.log(f) + (1 - ys[i]) * Math.log(1 - f)) / xs.length;
    g0 += (f - ys[i]) / xs.length; // ∂L/∂w0 = 1/N Σ (σ(w0 + w1·x) − y)
    g1 += ((f - ys[i]) * x) / xs.length; // ∂L/∂w1 = 1/N Σ (σ(w0 + w1·x) − y)·x
  });
  expectClose(out.loss, loss, 1e-12, 1e-14);
  expectClose(out.grad, [g0, g1], 1e-12, 1e-14);
  expectClose(out.gradReverse, [g0, g1], 1e-12, 1e-14);
  expectClose(out.gradInline, [g0, g1], 1e-12, 1e-14);
  // Rosenbrock's minimiser is (1, 1); the decay's readings are exact, so the fit gives back (2, 0.5).
  expect(out.minimize).toMatchObject({ converged: true, stoppedBy: "gradient" });
  expectClose(out.minimize.x, [1, 1], 1e-8, 1e-8);
  expect(out.leastSquares).toMatchObject({ converged: true });
  expectClose(out.leastSquares.x, [2, 0.5], 1e-7, 1e-7); // gradientTolerance 1e-8 on Jᵀr leaves x good to about 1e-9
}
