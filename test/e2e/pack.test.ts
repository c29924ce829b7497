// The published package, end to end and offline: `npm pack` this repository
// (built by `npm test` before vitest runs), install the tarball into a fresh
// project in a temporary folder as a user would, and build that project
// four ways — tspc with the transformer plugin, `dualts gen` + plain tsc,
// `dualts gen` + a per-file transpile with no type information (what
// esbuild, swc and Bun do), and Vitest with the dualts/vite plugin — then run
// each and check its gradients.
//
// Nothing is downloaded: the tarballs of dualts' own dependencies are packed
// from this repository's node_modules and installed with --offline and an
// empty npm cache; typescript, ts-patch, vite and vitest (the user's dev
// dependencies) are linked from this repository's node_modules.

import { execFile } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { expectClose } from "../helpers.js";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "../..");
const npmCli = process.env.npm_execpath && /npm-cli\.js$/.test(process.env.npm_execpath) ? process.env.npm_execpath : undefined;

interface Run {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs a command; resolves with its exit status and output, whatever the status. */
function run(file: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<Run> {
  return new Promise((done) => {
    execFile(file, args, { cwd, encoding: "utf8", timeout: 60_000, env: { ...process.env, ...env } }, (error, stdout, stderr) => {
      const failedToRun = error !== null && typeof error.code !== "number";
      const status = error === null ? 0 : failedToRun ? -1 : (error.code as number);
      done({ status, stdout, stderr: failedToRun ? `${stderr}${error.message}` : stderr });
    });
  });
}

/** npm, through the same npm that runs the tests when there is one, else the one on the PATH. */
function npm(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<Run> {
  return npmCli ? run(process.execPath, [npmCli, ...args], cwd, env) : run("npm", args, cwd, env);
}

function node(args: string[], cwd: string): Promise<Run> {
  return run(process.execPath, args, cwd);
}

function ok(r: Run, what: string): Run {
  expect(r.status, `${what} failed:\n${r.stdout}\n${r.stderr}`).toBe(0);
  return r;
}

/** dualts' runtime dependencies and theirs, as installed in this repository. */
function runtimeDependencies(): string[] {
  const found = new Set<string>();
  const visit = (pkgDir: string) => {
    const pkg = JSON.parse(readFileSync(join(pkgDir, "package.json"), "utf8")) as { dependencies?: Record<string, string> };
    for (const name of Object.keys(pkg.dependencies ?? {})) {
      if (found.has(name)) continue;
      found.add(name);
      visit(join(root, "node_modules", name));
    }
  };
  visit(root);
  return [...found];
}

const scratch = mkdtempSync(join(tmpdir(), "dualts-pack-"));
const app = join(scratch, "app");
let packed: { filename: string; files: { path: string; mode: number }[] };
let timings: Record<string, number> = {};

async function timed<T>(name: string, f: () => Promise<T>): Promise<T> {
  const start = performance.now();
  try {
    return await f();
  } finally {
    timings[name] = Math.round(performance.now() - start);
  }
}

beforeAll(async () => {
  expect(existsSync(join(root, "dist/cli/main.js")), "dist/ is built (npm test runs `npm run build` first)").toBe(true);
  timings = {};

  // 1. The package, and the packages it depends on, as tarballs.
  const pack = ok(await timed("npm pack", () => npm(["pack", "--json", "--ignore-scripts", "--pack-destination", scratch], root)), "npm pack");
  [packed] = JSON.parse(pack.stdout) as (typeof packed)[];
  const dependencies = runtimeDependencies();
  const depTarballs: string[] = [];
  if (dependencies.length > 0) {
    const dirs = dependencies.map((d) => join(root, "node_modules", d));
    const r = ok(await timed("npm pack dependencies", () => npm(["pack", "--json", "--ignore-scripts", "--pack-destination", scratch, ...dirs], root)), "npm pack (dependencies)");
    depTarballs.push(...(JSON.parse(r.stdout) as { filename: string }[]).map((p) => join(scratch, p.filename)));
  }

  // 2. A fresh project: the lecture's logistic regression (the tspc e2e project's sources).
  cpSync(join(here, "tspc-project/src"), join(app, "src"), { recursive: true });
  writeFileSync(join(app, "src/tooling.ts"), [
    "// Type-checks the tooling entry points' declarations; not run.",
    'import dualtsVite from "dualts/vite";',
    'import transformer, { transformSource, formatDiagnostic } from "dualts/transformer";',
    "export const plugin = dualtsVite();",
    'export const js: string = transformSource("export {};", { fileName: "a.ts" }).code;',
    "export const entry = transformer;",
    "export const format = formatDiagnostic;",
    "",
  ].join("\n"));
  writeFileSync(join(app, "package.json"), JSON.stringify({ name: "dualts-pack-app", private: true, type: "module" }, null, 2));
  const compilerOptions = {
    target: "es2022", module: "nodenext", moduleResolution: "nodenext", lib: ["es2022"], types: [],
    strict: true, skipLibCheck: true,
  };
  writeFileSync(join(app, "tsconfig.json"), JSON.stringify({
    compilerOptions: { ...compilerOptions, rootDir: "src", outDir: "out-tspc", plugins: [{ transform: "dualts/transformer" }] },
    include: ["src"],
  }, null, 2));
  writeFileSync(join(app, "tsconfig.gen.json"), JSON.stringify({
    compilerOptions: { ...compilerOptions, rootDir: "gen", outDir: "out-gen" },
    include: ["gen"],
  }, null, 2));

  // 3. Install offline, from the tarballs alone.
  ok(await timed("npm install", () => npm(
    ["install", "--offline", "--no-audit", "--no-fund", "--ignore-scripts", "--cache", join(scratch, "npm-cache"), join(scratch, packed.filename), ...depTarballs],
    app,
  )), "npm install --offline");
  for (const dev of ["typescript", "ts-patch"]) symlinkSync(join(root, "node_modules", dev), join(app, "node_modules", dev), "junction");
}, 120_000);

afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
  console.info(`pack e2e timings (ms): ${JSON.stringify(timings)}`);
});

/** The analytic loss and gradient for the data main.ts prints. */
function expectLectureGradients(stdout: string): void {
  const out = JSON.parse(stdout) as { w0: number; w1: number; xs: number[]; ys: number[]; loss: number; grad: number[]; gradReverse: number[]; gradInline: number[] };
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
}

describe("npm pack", () => {
  test("ships the runtime, the transformer, the Vite plugin and the CLI with their types, and nothing else", () => {
    const paths = packed.files.map((f) => f.path);
    for (const required of [
      "package.json", "README.md", "LICENSE",
      "dist/src/index.js", "dist/src/index.d.ts",
      "dist/transformer/index.js", "dist/transformer/index.d.ts",
      "dist/transformer/vite.js", "dist/transformer/vite.d.ts",
      "dist/cli/main.js",
    ]) expect(paths, required).toContain(required);
    const allowed = /^(package\.json|README\.md|LICENSE|dist\/(src|transformer|cli)\/.+\.(js|d\.ts|js\.map))$/;
    expect(paths.filter((p) => !allowed.test(p))).toEqual([]);
  });

  test("installs offline, with the dualts command on the project's PATH", () => {
    const bin = join(app, "node_modules/.bin/dualts");
    expect(existsSync(bin)).toBe(true);
    expect(statSync(bin).mode & 0o111, "executable").not.toBe(0);
    const installed = readdirSync(join(app, "node_modules/dualts/dist")).sort();
    expect(installed).toEqual(["cli", "src", "transformer"]);
    // The license package.json names, in full.
    const { license } = JSON.parse(readFileSync(join(app, "node_modules/dualts/package.json"), "utf8")) as { license: string };
    expect(`${license} License`).toBe(readFileSync(join(app, "node_modules/dualts/LICENSE"), "utf8").split("\n")[0]);
  });
});

describe("the installed package builds a project", () => {
  test("with tspc and the transformer plugin", async () => {
    const build = await timed("tspc", () => node([join(app, "node_modules/ts-patch/bin/tspc.js"), "-p", ".", "--pretty", "false"], app));
    ok(build, "tspc");
    expect(build.stdout + build.stderr).toBe("");
    const main = ok(await node(["out-tspc/main.js"], app), "node out-tspc/main.js");
    expectLectureGradients(main.stdout);
  });

  test("with dualts gen and plain tsc", async () => {
    const gen = await timed("dualts gen", () => run(join(app, "node_modules/.bin/dualts"), ["gen", "src", "--out", "gen"], app));
    ok(gen, "dualts gen");
    expect(gen.stderr).toBe("dualts gen: 5 files in gen/, 3 differentiable functions\n");
    const build = await timed("tsc", () => node([join(app, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.gen.json", "--pretty", "false"], app));
    ok(build, "tsc -p tsconfig.gen.json");
    expect(build.stdout + build.stderr).toBe("");
    const main = ok(await node(["out-gen/main.js"], app), "node out-gen/main.js");
    expectLectureGradients(main.stdout);
  });

  test("with dualts gen and a per-file transpile that knows no types (as esbuild, swc and Bun do)", async () => {
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
    const main = ok(await node(["out-transpiled/main.js"], app), "node out-transpiled/main.js");
    expectLectureGradients(main.stdout);
  });

  test("with the Vite plugin, under Vitest", async () => {
    // The user's test file imports the marked module; dualts/vite compiles it on the fly.
    for (const dev of ["vite", "vitest"]) {
      if (!existsSync(join(app, "node_modules", dev))) symlinkSync(join(root, "node_modules", dev), join(app, "node_modules", dev), "junction");
    }
    writeFileSync(join(app, "vitest.config.mjs"), [
      'import dualts from "dualts/vite";',
      "export default { plugins: [dualts()], test: { include: ['vite-test/*.test.ts'] } };",
      "",
    ].join("\n"));
    mkdirSync(join(app, "vite-test"), { recursive: true });
    writeFileSync(join(app, "vite-test/loss.test.ts"), [
      'import { expect, test } from "vitest";',
      'import { grad } from "dualts";',
      'import { loss } from "../src/loss.ts";',
      "",
      'test("the gradient of the compiled loss", () => {',
      "  const xs = new Float64Array([-2, -1, -0.5, 0.3, 1, 2.5]);",
      "  const ys = new Float64Array([0, 0, 1, 0, 1, 1]);",
      "  const [g0, g1] = grad(loss)(0.2, -0.7, xs, ys) as number[];",
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
    ].join("\n"));
    const vitest = await timed("vitest", () => node([join(app, "node_modules/vitest/vitest.mjs"), "run", "--config", "vitest.config.mjs"], app));
    ok(vitest, "vitest run in the fresh project");
    expect(vitest.stdout).toMatch(/1 passed/);
  });

  test("dualts check and dualts show run from the installed package", async () => {
    const dualts = join(app, "node_modules/.bin/dualts");
    expect(ok(await run(dualts, ["check", "src"], app), "dualts check")).toMatchObject({ stdout: "", stderr: "" });
    const show = ok(await run(dualts, ["show", "src/sigmoid.ts#sigmoid"], app), "dualts show");
    expect(show.stdout).toContain("function sigmoid_jvp(z: number, dz: number): [number, number] {");
  });
});
