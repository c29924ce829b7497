// The published package, end to end: `npm pack` this repository (built by
// `npm test` before vitest runs), then `npm install` it into fresh projects
// in a temporary folder, as a user would, and build each the way the README
// says, run it and check its gradients, and what minimize and leastSquares
// from dualts/optimize find with its compiled functions:
//
//   an ESM project ("type": "module")  tspc with the transformer plugin;
//                                      `dualts gen` + tsc; `dualts gen` + a
//                                      per-file transpile with no types (what
//                                      esbuild, swc and Bun do); Vitest with
//                                      dualts/vite; `vite build` with dualts/vite
//   a CommonJS project (no "type")     tspc with the plugin, run under node,
//                                      and require() of every entry point
//                                      (dualts/optimize too)
//   a TypeScript 7 project             `npx dualts gen` + TypeScript 7's tsc
//
// Nothing is downloaded: dualts and the packages npm resolves for these
// projects (commander, TypeScript 6, TypeScript 7 and this platform's binary
// of it) are packed from this repository's node_modules and served by
// local-registry.ts on 127.0.0.1, so npm resolves, dedupes and nests them as
// it does for a user. The build tools the projects would also install
// (ts-patch, vite, vitest, and their many dependencies) are linked from this
// repository's node_modules instead.

import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { packFolders, startLocalRegistry, type LocalRegistry } from "./local-registry.js";
import { expectMainOutput, node, npm, npx, ok, root, run, writeProject, writeTsconfigs } from "./pack-support.js";

const scratch = mkdtempSync(join(tmpdir(), "dualts-pack-"));
const app = join(scratch, "app");
const cjsApp = join(scratch, "app-cjs");
const ts7App = join(scratch, "app-ts7");
const version = (dir: string, name: string) => (JSON.parse(readFileSync(join(dir, "node_modules", name, "package.json"), "utf8")) as { version: string }).version;
const ownPackage = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { version: string; dependencies: Record<string, string> };
const typescript7 = join(root, "node_modules/typescript-7");
let packedFiles: readonly string[] = [];
let registry: LocalRegistry | undefined;
let timings: Record<string, number> = {};

async function timed<T>(name: string, f: () => Promise<T>): Promise<T> {
  const start = performance.now();
  try {
    return await f();
  } finally {
    timings[name] = Math.round(performance.now() - start);
  }
}

/** Links a build tool from this repository's node_modules into a project's. */
function link(dir: string, ...names: string[]): void {
  for (const name of names) {
    if (!existsSync(join(dir, "node_modules", name))) symlinkSync(join(root, "node_modules", name), join(dir, "node_modules", name), "junction");
  }
}

beforeAll(async () => {
  expect(existsSync(join(root, "dist/cli/main.js")), "dist/ is built (npm test runs `npm run build` first)").toBe(true);
  expect(existsSync(join(typescript7, "package.json")), "the devDependency typescript-7 (npm:typescript@^7) is installed").toBe(true);
  timings = {};

  // 1. dualts, what it depends on, and TypeScript 7 with this platform's binary, as tarballs.
  const ts7Platforms = Object.keys((JSON.parse(readFileSync(join(typescript7, "package.json"), "utf8")) as { optionalDependencies: Record<string, string> }).optionalDependencies).filter((name) =>
    existsSync(join(root, "node_modules", name)),
  );
  expect(ts7Platforms, "this platform's TypeScript 7 binary is installed").toHaveLength(1);
  const folders = [root, ...Object.keys(ownPackage.dependencies).map((d) => join(root, "node_modules", d)), typescript7, ...ts7Platforms.map((p) => join(root, "node_modules", p))];
  const packed = await timed("npm pack", () => packFolders(npm, folders, scratch));
  packedFiles = packed[0].files;
  registry = await startLocalRegistry(packed);

  // 2. Three fresh projects, installed with npm from the local registry.
  const dualts = { dualts: `^${ownPackage.version}` };
  writeProject(app, "dualts-esm-app", { type: "module", dependencies: dualts, devDependencies: { typescript: ownPackage.dependencies.typescript } });
  writeProject(cjsApp, "dualts-cjs-app", { dependencies: dualts, devDependencies: { typescript: ownPackage.dependencies.typescript } });
  writeProject(ts7App, "dualts-ts7-app", { type: "module", dependencies: dualts, devDependencies: { typescript: "^7.0.2" } });
  writeFileSync(
    join(app, "src/tooling.ts"),
    [
      "// Type-checks the tooling entry points' declarations; not run.",
      'import dualtsVite from "dualts/vite";',
      'import transformer, { transformSource, formatDiagnostic } from "dualts/transformer";',
      "export const plugin = dualtsVite();",
      'export const js: string = transformSource("export {};", { fileName: "a.ts" }).code;',
      "export const entry = transformer;",
      "export const format = formatDiagnostic;",
      "",
    ].join("\n"),
  );
  // A function marked with differentiable(fn, { wrt }), exported: its type carries wrt's names (declaration: true is
  // tsc --init's), and dualts gen's output keeps them (gen/named.ts must type-check as src/named.ts does).
  writeFileSync(
    join(app, "src/named.ts"),
    [
      'import { differentiable, grad } from "dualts";',
      'export const scaled = differentiable((x: number, k: number) => x * k * x, { wrt: ["x"] });',
      "export const slope: number = grad(scaled)(3, 2);",
      "",
    ].join("\n"),
  );
  const install = (dir: string) => npm(["install", "--registry", registry!.url, "--cache", join(scratch, "npm-cache"), "--no-audit", "--no-fund", "--ignore-scripts", "--no-update-notifier"], dir);
  const installs = await timed("npm install (3 projects)", () => Promise.all([app, cjsApp, ts7App].map(install)));
  installs.forEach((r, i) => ok(r, `npm install in ${["the ESM project", "the CommonJS project", "the TypeScript 7 project"][i]} (registry: ${registry!.log.join(", ")})`));
  link(app, "ts-patch", "vite", "vitest");
  link(cjsApp, "ts-patch");

  // 3. Each project's tsconfig.json from its own TypeScript's `tsc --init`, changed only as the README says.
  const inits = await timed("tsc --init (3 projects)", () => Promise.all([app, cjsApp, ts7App].map((dir) => node([join(dir, "node_modules/typescript/bin/tsc"), "--init"], dir))));
  inits.forEach((r) => ok(r, "tsc --init"));
  const plugin = { plugins: [{ transform: "dualts/transformer" }] };
  writeTsconfigs(app, plugin);
  writeTsconfigs(cjsApp, { ...plugin, verbatimModuleSyntax: false });
  writeTsconfigs(ts7App, {});
}, 180_000);

afterAll(async () => {
  await registry?.close();
  rmSync(scratch, { recursive: true, force: true });
  console.info(`pack e2e timings (ms): ${JSON.stringify(timings)}`);
});

describe("npm pack", () => {
  test("ships the runtime, dualts/optimize, the transformer, the Vite plugin and the CLI with their types, and nothing else", () => {
    for (const required of [
      "package.json",
      "README.md",
      "LICENSE",
      "dist/src/index.js",
      "dist/src/index.d.ts",
      "dist/src/generated/operations.js",
      "dist/src/require.cjs",
      "dist/src/optimize/index.js",
      "dist/src/optimize/index.d.ts",
      "dist/src/optimize/require.cjs",
      "dist/transformer/index.js",
      "dist/transformer/index.d.ts",
      "dist/transformer/vite.js",
      "dist/transformer/vite.d.ts",
      "dist/cli/main.js",
    ])
      expect(packedFiles, required).toContain(required);
    const allowed = /^(package\.json|README\.md|LICENSE|dist\/(src|transformer|cli)\/.+\.(js|d\.ts|js\.map|cjs|d\.cts|cjs\.map))$/;
    expect(packedFiles.filter((p) => !allowed.test(p))).toEqual([]);
  });

  test("installs with the dualts command on the project's PATH", () => {
    const bin = join(app, "node_modules/.bin/dualts");
    expect(existsSync(bin)).toBe(true);
    expect(statSync(bin).mode & 0o111, "executable").not.toBe(0);
    expect(readdirSync(join(app, "node_modules/dualts/dist")).sort()).toEqual(["cli", "src", "transformer"]);
    // The license package.json names, in full.
    const { license } = JSON.parse(readFileSync(join(app, "node_modules/dualts/package.json"), "utf8")) as { license: string };
    expect(`${license} License`).toBe(readFileSync(join(app, "node_modules/dualts/LICENSE"), "utf8").split("\n")[0]);
  });

  test("brings dualts its own TypeScript 6: one copy beside a project's TypeScript 6, a nested one beside TypeScript 7", () => {
    for (const dir of [app, cjsApp]) {
      expect(version(dir, "typescript")).toMatch(/^6\.0\./);
      expect(existsSync(join(dir, "node_modules/dualts/node_modules/typescript")), "deduplicated").toBe(false);
    }
    expect(version(ts7App, "typescript")).toMatch(/^7\./);
    expect(version(join(ts7App, "node_modules/dualts"), "typescript")).toMatch(/^6\.0\./);
  });
});

describe('an ESM project ("type": "module")', () => {
  test("builds with tspc and the transformer plugin", async () => {
    const build = await timed("tspc", () => node([join(app, "node_modules/ts-patch/bin/tspc.js"), "-p", ".", "--pretty", "false"], app));
    ok(build, "tspc");
    expect(build.stdout + build.stderr).toBe("");
    expectMainOutput(ok(await node(["out/main.js"], app), "node out/main.js").stdout);
  });

  test("builds with dualts gen and plain tsc", async () => {
    const gen = await timed("dualts gen", () => npx(["dualts", "gen", "src", "--out", "gen"], app));
    ok(gen, "npx dualts gen");
    expect(gen.stderr).toBe("dualts gen: 7 files in gen/, 6 differentiable functions\n");
    const build = await timed("tsc", () => node([join(app, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.gen.json", "--pretty", "false"], app));
    ok(build, "tsc -p tsconfig.gen.json");
    expect(build.stdout + build.stderr).toBe("");
    expectMainOutput(ok(await node(["out-gen/main.js"], app), "node out-gen/main.js").stdout);
  });

  test("builds with dualts gen and a per-file transpile that knows no types (as esbuild, swc and Bun do)", async () => {
    const gen = join(app, "gen");
    if (!existsSync(join(gen, "main.ts"))) ok(await run(join(app, "node_modules/.bin/dualts"), ["gen", "src", "--out", "gen"], app), "dualts gen");
    const out = join(app, "out-transpiled");
    mkdirSync(out, { recursive: true });
    for (const file of readdirSync(gen).filter((f) => f.endsWith(".ts") && !f.endsWith(".d.ts"))) {
      const js = ts.transpileModule(readFileSync(join(gen, file), "utf8"), {
        fileName: file,
        compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, isolatedModules: true, verbatimModuleSyntax: false },
      });
      writeFileSync(join(out, file.replace(/\.ts$/, ".js")), js.outputText);
    }
    expectMainOutput(ok(await node(["out-transpiled/main.js"], app), "node out-transpiled/main.js").stdout);
  });

  test("tests with the Vite plugin, under Vitest", async () => {
    // The user's test file imports the marked module; dualts/vite compiles it on the fly.
    writeFileSync(join(app, "vitest.config.mjs"), ['import dualts from "dualts/vite";', "export default { plugins: [dualts()], test: { include: ['vite-test/*.test.ts'] } };", ""].join("\n"));
    mkdirSync(join(app, "vite-test"), { recursive: true });
    writeFileSync(
      join(app, "vite-test/loss.test.ts"),
      [
        'import { expect, test } from "vitest";',
        'import { grad } from "dualts";',
        'import { loss } from "../src/loss.ts";',
        "",
        'test("the gradient of the compiled loss", () => {',
        "  const xs = new Float64Array([-2, -1, -0.5, 0.3, 1, 2.5]);",
        "  const ys = new Float64Array([0, 0, 1, 0, 1, 1]);",
        "  const [g0, g1] = grad(loss)(0.2, -0.7, xs, ys);",
        "  let e0 = 0;",
        "  let e1 = 0;",
        "  xs.forEach((x, i) => {",
        "    const r = 1 / (1 + Math.exp(-(0.2 - 0.7 * x))) - ys[i];",
        "    e0 += r / xs.length;",
        "    e1 += (r * x) / xs.length;",
        "  });",
        "  expect(Math.abs(g0 - e0)).toBeLessThan(1e-12);",
        "  expect(Math.abs(g1 - e1)).toBeLessThan(1e-12);",
        "});",
        "",
      ].join("\n"),
    );
    // A second test file minimises with dualts/optimize: fit.ts's Rosenbrock, and a function marked in the test file itself.
    writeFileSync(
      join(app, "vite-test/optimize.test.ts"),
      [
        'import { expect, test } from "vitest";',
        'import { leastSquares, minimize } from "dualts/optimize";',
        'import { decayMisfit, rosenbrock } from "../src/fit.ts";',
        "",
        "/** @differentiable */",
        "function bowl(x: Float64Array): number {",
        "  return (x[0]! - 3) ** 2 + 2 * (x[1]! + 1) ** 2 + Math.exp(x[2]!) - x[2]!;",
        "}",
        "",
        'test("minimize and leastSquares on compiled functions", () => {',
        "  const banana = minimize(rosenbrock, [-1.2, 1]);",
        "  expect(banana.converged).toBe(true);",
        "  banana.x.forEach((v) => expect(Math.abs(v - 1)).toBeLessThan(1e-8));",
        '  const newton = minimize(bowl, new Float64Array([0, 0, 1]), { method: "newton" });',
        "  expect(newton.x).toBeInstanceOf(Float64Array);",
        "  [3, -1, 0].forEach((v, i) => expect(Math.abs(newton.x[i]! - v)).toBeLessThan(1e-8));",
        "  expect(newton.evaluations.hessian).toBeGreaterThan(0);",
        "  const ts = [0, 1, 2, 3, 4, 5];",
        "  const fit = leastSquares(decayMisfit, [1, 1], { args: [ts, ts.map((t) => 2 * Math.exp(-0.5 * t))] });",
        "  expect(fit.converged).toBe(true);",
        "  [2, 0.5].forEach((v, i) => expect(Math.abs(fit.x[i]! - v)).toBeLessThan(1e-7));",
        "});",
        "",
      ].join("\n"),
    );
    const vitest = await timed("vitest", () => node([join(app, "node_modules/vitest/vitest.mjs"), "run", "--config", "vitest.config.mjs"], app));
    ok(vitest, "vitest run in the fresh project");
    expect(vitest.stdout).toMatch(/2 passed/);
  });

  test("builds with vite build and the Vite plugin (dualts bundled in), and runs under node", async () => {
    writeFileSync(
      join(app, "vite.config.mjs"),
      [
        'import dualts from "dualts/vite";',
        "export default {",
        "  plugins: [dualts()],",
        '  build: { lib: { entry: "src/main.ts", formats: ["es"], fileName: "main" }, outDir: "out-vite", minify: false },',
        "};",
        "",
      ].join("\n"),
    );
    ok(await timed("vite build", () => node([join(app, "node_modules/vite/bin/vite.js"), "build", "--logLevel", "warn"], app)), "vite build");
    const bundle = readFileSync(join(app, "out-vite/main.js"), "utf8");
    expect(bundle, "the runtime and dualts/optimize are bundled, not imported").not.toMatch(/from\s*["']dualts(\/[\w-]+)?["']/);
    expectMainOutput(ok(await node(["out-vite/main.js"], app), "node out-vite/main.js").stdout);
  });

  test("dualts check and dualts show run from the installed package", async () => {
    const dualts = join(app, "node_modules/.bin/dualts");
    expect(ok(await run(dualts, ["check", "src"], app), "dualts check")).toMatchObject({ stdout: "", stderr: "" });
    const show = ok(await run(dualts, ["show", "src/sigmoid.ts#sigmoid"], app), "dualts show");
    expect(show.stdout).toContain("function sigmoid_jvp(z: number, dz: number): [number, number] {");
  });
});

describe('a CommonJS project (no "type")', () => {
  test("builds with tspc and the transformer plugin into CommonJS, and runs under node", async () => {
    const build = await timed("tspc (CommonJS)", () => node([join(cjsApp, "node_modules/ts-patch/bin/tspc.js"), "-p", ".", "--pretty", "false"], cjsApp));
    ok(build, "tspc");
    expect(build.stdout + build.stderr).toBe("");
    const js = readFileSync(join(cjsApp, "out/main.js"), "utf8");
    expect(js).toContain('require("dualts")');
    expect(js).toContain('require("dualts/optimize")');
    const main = ok(await node(["out/main.js"], cjsApp), "node out/main.js");
    expect(main.stderr, "no warning").toBe("");
    expectMainOutput(main.stdout);
  });

  test("require()s every entry point", async () => {
    const script = [
      'const dualts = require("dualts");',
      'const { transformSource } = require("dualts/transformer");',
      'const vite = require("dualts/vite");',
      'const { leastSquares, minimize } = require("dualts/optimize");',
      "const { add, mul, sub } = dualts;",
      "const d = dualts.grad((x) => dualts.mul(x, dualts.exp(x)))(1);",
      'const js = transformSource("/** @differentiable */ export function f(x: number) { return x * x; }", { fileName: "f.ts" }).code;',
      "// Rosenbrock over the runtime's operations, as a sum to minimise and as two residuals.",
      "const residuals = (x) => [sub(1, x[0]), mul(10, sub(x[1], mul(x[0], x[0])))];",
      "const rosenbrock = (x) => { const [a, b] = residuals(x); return add(mul(a, a), mul(b, b)); };",
      "const minimised = minimize(rosenbrock, [-1.2, 1]);",
      "const fitted = leastSquares(residuals, [-1.2, 1]);",
      "const near = (x) => x.every((v) => Math.abs(v - 1) < 1e-8);",
      "console.log(JSON.stringify({",
      '  d, transformed: js.includes("f_jvp"), plugin: vite.default().name,',
      "  minimize: [near(minimised.x), minimised.converged], leastSquares: [near(fitted.x), fitted.converged],",
      "}));",
    ].join("\n");
    const required = ok(await node(["-e", script], cjsApp), "require() in a CommonJS project");
    expect(required.stderr, "no warning").toBe("");
    expect(JSON.parse(required.stdout)).toEqual({ d: 2 * Math.E, transformed: true, plugin: "dualts", minimize: [true, true], leastSquares: [true, true] });
  });

  test("on a Node that cannot require() an ES module (before 20.19: simulated), each entry point says what to do", async () => {
    const script = [
      'Object.defineProperty(process.features, "require_module", { value: false });',
      'for (const entry of ["dualts", "dualts/optimize", "dualts/transformer", "dualts/vite"]) {',
      "  try { require(entry); console.log(`${entry}: loaded`); } catch (error) { console.log(error.message); }",
      "}",
    ].join("\n");
    const lines = ok(await node(["-e", script], cjsApp), "require() without require(esm)")
      .stdout.trim()
      .split("\n");
    expect(lines).toEqual(
      ["dualts", "dualts/optimize", "dualts/transformer", "dualts/vite"].map(
        (entry) =>
          `require("${entry}") needs Node 20.19 or newer (this is Node ${process.version}), which loads dualts' ES modules with require(). ` +
          `Upgrade Node, or load it with import (a project with "type": "module", or await import("${entry}")).`,
      ),
    );
  });
});

describe("a project whose typescript is 7", () => {
  test("generates with npx dualts gen, builds with TypeScript 7's tsc, and runs", async () => {
    const gen = await timed("dualts gen (TypeScript 7 project)", () => npx(["dualts", "gen", "src", "--out", "gen"], ts7App));
    ok(gen, "npx dualts gen");
    expect(gen.stderr).toBe("dualts gen: 5 files in gen/, 5 differentiable functions\n");
    const tsc = join(ts7App, "node_modules/typescript/bin/tsc");
    expect(ok(await run(process.execPath, [tsc, "--version"], ts7App), "tsc --version").stdout).toMatch(/^Version 7\./);
    const build = await timed("tsc 7", () => node([tsc, "-p", "tsconfig.gen.json", "--pretty", "false"], ts7App));
    ok(build, "TypeScript 7: tsc -p tsconfig.gen.json");
    expect(build.stdout + build.stderr).toBe("");
    expectMainOutput(ok(await node(["out-gen/main.js"], ts7App), "node out-gen/main.js").stdout);
    expect(ok(await run(join(ts7App, "node_modules/.bin/dualts"), ["check", "src"], ts7App), "dualts check")).toMatchObject({ stdout: "", stderr: "" });
  });
});
