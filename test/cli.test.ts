// The `dualts` command line, run in this process with its output captured:
// gen writes the user's code unchanged with the same program the transform
// compiles (held against transformSource on every golden fixture and program
// of the corpus), and the result type-checks under strict settings; show
// prints one function's generated code; check prints diagnostics only, in
// the documented format, with the documented exit codes; every command has
// --help; wrong usage gets a clear message and exit code 2.

import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { afterAll, describe, expect, test } from "vitest";
// The built CLI and transform (dist/), as users run them; npm test builds first.
import { analyze } from "../dist/cli/analyze.js";
import { spliceGenerated } from "../dist/cli/splice.js";
import { watchGen } from "../dist/cli/watch.js";
import { transformSource } from "../dist/transformer/index.js";
import { callsTs, capture, dualts, methodsTs, scratchFolder, sigmoidTs, watchPasses } from "./support/cli-run.js";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "..");
const { dir: scratch, project, remove } = scratchFolder("dualts-cli-");
afterAll(remove);

const lossTs = `// Logistic regression's loss.

import { sigmoid } from "./sigmoid.js";
import data from "../data/points.json" with { type: "json" };

/** @differentiable wrt(w0, w1) */
export function loss(w0: number, w1: number, xs: number[], ys: number[]): number {
  let total = 0;
  for (let i = 0; i < xs.length; i++) {
    const p = sigmoid(w0 + w1 * xs[i]);
    total += ys[i] * Math.log(p) + (1 - ys[i]) * Math.log(1 - p);
  }
  return -total / xs.length;
}

export const points = data;
`;
const brokenTs = `export function helper(x: number): number {
  return x;
}

/** @differentiable */
export function bad(w: number): number {
  return helper(w) * 2;
}
`;

/** Where generated code has to go in unusual places: a shebang, a nested function, a namespace, code after a function on its line. */
const placement = `#!/usr/bin/env node
// A header comment, detached from the code by a blank line.

export function outer(k: number): number {
  /** @differentiable */
  function inner(x: number): number {
    return x * x * k;
  }
  return inner(k);
}

export namespace Shapes {
  /** @differentiable */
  export function area(r: number): number {
    return Math.PI * r * r;
  }
}

/** @differentiable */ export function tight(x: number): number { return x * 2; } export const after = 1;

const table = {
  square: differentiable((x: number) => x * x, { wrt: ["x"], }),
};
declare function differentiable<F>(f: F, options?: unknown): F;
`;

/** The files marked differentiable in the repository's fixtures, with no diagnostics: the golden inputs and the corpus. */
function fixtures(): { name: string; code: string }[] {
  const golden = readdirSync(join(here, "golden"))
    .map((d) => join(here, "golden", d, "input.ts"))
    .filter(existsSync);
  const programs = readdirSync(join(here, "programs"))
    .filter((f) => f.endsWith(".ts"))
    .map((f) => join(here, "programs", f));
  return [...golden, ...programs]
    .map((path) => ({ name: path.slice(here.length + 1), code: readFileSync(path, "utf8") }))
    .concat([{ name: "placement.ts", code: placement }])
    .filter(({ name, code }) => analyze(name, code).diagnostics.length === 0);
}

/** JavaScript with comments and layout taken out, for comparing programs. */
function program(js: string): string {
  const bare = ts.transpileModule(js, { compilerOptions: { removeComments: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext } });
  return bare.outputText.replace(/\s+/g, "");
}

describe("gen writes the transform's program as TypeScript", () => {
  test.each(fixtures().map((f) => [f.name, f.code] as const))("%s", (name, code) => {
    const analysis = analyze(name, code);
    const spliced = spliceGenerated(analysis.sourceFile, analysis.result!);
    // The same program as the compiled output of the transform…
    const compiled = ts.transpileModule(spliced, { fileName: name, compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext } });
    expect(program(compiled.outputText)).toBe(program(transformSource(code, { fileName: name }).code));
    // …with every line the user wrote kept as written, but those that carry a marker call or decorator
    // (which get the information object) and a one-line marked declaration with code after it on its line.
    const kept = spliced.split("\n");
    let at = 0;
    for (const line of code.split("\n").filter((l) => !/differentiable[(]|@differentiable\s*$|@differentiable[(]|@differentiable \*\/ .*\} \S/.test(l))) {
      const found = kept.indexOf(line, at);
      expect(found, `line kept in order: ${JSON.stringify(line)}`).toBeGreaterThanOrEqual(at);
      at = found + 1;
    }
  });
});

describe("dualts gen", () => {
  test("writes the project to --out; the result type-checks with strict settings and no transform", async () => {
    const dir = project("gen-strict", {
      "src/sigmoid.ts": sigmoidTs,
      "src/loss.ts": lossTs,
      "data/points.json": "[1, 2]",
      "src/methods.ts": methodsTs,
      "src/calls.ts": callsTs,
      "src/activations.ts": "/** @differentiable */\nexport function softplus(x: number): number {\n  return Math.log1p(Math.exp(x));\n}\n",
      "src/plain.ts": "export const answer = 42;\n",
      "package.json": '{ "type": "module" }\n',
    });
    const run = await dualts(dir, "gen", "src", "--out", "build/gen");
    expect(run.out).toBe("");
    expect(run.err).toBe("dualts gen: 6 files in build/gen/, 9 differentiable functions");
    expect(run.code).toBe(0);
    // A file that marks nothing is copied as it is; the others say where they come from.
    expect(readFileSync(join(dir, "build/gen/plain.ts"), "utf8")).toBe("export const answer = 42;\n");
    const loss = readFileSync(join(dir, "build/gen/loss.ts"), "utf8");
    expect(loss.split("\n")[0]).toMatch(/^\/\/ Generated by `dualts gen` from src\/loss\.ts/);
    expect(loss).toContain('import { sigmoid } from "./sigmoid.js";'); // a file gen writes too: unchanged
    expect(loss).toContain('import data from "../../data/points.json" with { type: "json" };'); // anything else: back to the original
    expect(loss).toContain("function loss_jvp(");
    expect(loss).toContain(lossTs.slice(lossTs.indexOf("/** @differentiable wrt(w0, w1) */"), lossTs.indexOf("export const points")));

    const options: ts.CompilerOptions = {
      strict: true,
      noEmit: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      resolveJsonModule: true,
      skipLibCheck: true,
      types: [],
      noUnusedLocals: true,
      noUnusedParameters: true,
      noImplicitReturns: true,
      paths: { dualts: [join(root, "src/index.ts")] },
    };
    const files = readdirSync(join(dir, "build/gen")).map((f) => join(dir, "build/gen", f));
    const diagnostics = ts.getPreEmitDiagnostics(ts.createProgram(files, options)).filter((d) => d.file?.fileName.startsWith(dir));
    expect(diagnostics.map((d) => `${d.file?.fileName}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`)).toEqual([]);
  });

  test("a file with diagnostics is not written; exit code 1", async () => {
    const dir = project("gen-broken", { "src/bad.ts": brokenTs, "src/sigmoid.ts": sigmoidTs });
    const run = await dualts(dir, "gen", "src", "-o", "out");
    expect(run.code).toBe(1);
    expect(run.out).toMatch(/^src\/bad\.ts:7:10 - error DUALTS1001: helper\(…\) has no derivative/);
    expect(run.err).toContain("not written because of the errors above: src/bad.ts");
    expect(existsSync(join(dir, "out/bad.ts"))).toBe(false);
    expect(existsSync(join(dir, "out/sigmoid.ts"))).toBe(true);
  });

  test("keeps the folder structure relative to the inputs' common folder, or --root", async () => {
    const dir = project("gen-root", { "src/a/sigmoid.ts": sigmoidTs, "src/b/plain.ts": "export {};\n" });
    expect((await dualts(dir, "gen", "src/a/sigmoid.ts", "src/b/plain.ts", "--out", "g1")).code).toBe(0);
    expect(existsSync(join(dir, "g1/a/sigmoid.ts")) && existsSync(join(dir, "g1/b/plain.ts"))).toBe(true);
    expect((await dualts(dir, "gen", "src/a/sigmoid.ts", "--out", "g2")).code).toBe(0);
    expect(existsSync(join(dir, "g2/sigmoid.ts"))).toBe(true);
    expect(await dualts(dir, "gen", "src/a/sigmoid.ts", "--out", "g3", "--root", ".")).toMatchObject({ code: 0 });
    expect(existsSync(join(dir, "g3/src/a/sigmoid.ts"))).toBe(true);
  });

  test("wrong usage: a clear message and exit code 2", async () => {
    const dir = project("gen-usage", { "src/sigmoid.ts": sigmoidTs, "notes.md": "# notes\n" });
    expect(await dualts(dir, "gen", "src/missing.ts", "--out", "gen")).toEqual({ code: 2, out: "", err: "dualts: src/missing.ts: no such file or folder" });
    expect(await dualts(dir, "gen", "notes.md", "--out", "gen")).toEqual({ code: 2, out: "", err: "dualts: notes.md: not a TypeScript file (.ts, .tsx, .mts, .cts)" });
    expect(await dualts(dir, "gen", "src", "--out", "src")).toEqual({ code: 2, out: "", err: "dualts: --out src would overwrite the input src: choose another output folder" });
    const noOut = await dualts(dir, "gen", "src");
    expect(noOut.code).toBe(2);
    expect(noOut.err).toContain("required option '-o, --out <dir>' not specified");
  });

  test("--watch generates again when a file changes, keeps the last good output of a broken one, removes that of a deleted one", async () => {
    const dir = project("gen-watch", { "src/sigmoid.ts": sigmoidTs });
    const io = capture(dir);
    const { onPass, passWhere } = watchPasses();
    const square = join(dir, "gen/square.ts");
    const first = passWhere(() => true);
    const watcher = watchGen(["src"], { out: "gen" }, io, onPass);
    try {
      expect((await first).written).toEqual(["gen/sigmoid.ts"]);
      const added = passWhere((r) => r.outputs.has(square));
      writeFileSync(join(dir, "src/square.ts"), "/** @differentiable */\nexport function square(x: number): number {\n  return x * x;\n}\n");
      await added;
      expect(readFileSync(square, "utf8")).toContain("function square_jvp(");
      expect(io.lines.err).toContain("dualts gen: updated gen/square.ts");
      // An edit with diagnostics: reported, and the last good output stays.
      const broken = passWhere((r) => r.failed.includes("src/square.ts"));
      writeFileSync(join(dir, "src/square.ts"), brokenTs);
      await broken;
      expect(io.lines.out.some((l) => l.startsWith("src/square.ts:7:10 - error DUALTS1001:"))).toBe(true);
      expect(readFileSync(square, "utf8")).toContain("function square_jvp(");
      const removed = passWhere((r) => !r.outputs.has(square));
      rmSync(join(dir, "src/square.ts"));
      await removed;
      expect(existsSync(square)).toBe(false);
      expect(io.lines.err).toContain("dualts gen: removed gen/square.ts");
    } finally {
      watcher.close();
    }
  });
});

describe("dualts show", () => {
  const dir = project("show", {
    "src/loss.ts": lossTs,
    "src/sigmoid.ts": sigmoidTs,
    "src/bad.ts": brokenTs,
    "data/points.json": "[]",
    "src/methods.ts": methodsTs,
  });

  test("prints the JVP and the generic form of a function declaration", async () => {
    const run = await dualts(dir, "show", "src/loss.ts#loss");
    expect(run.code).toBe(0);
    expect(run.err).toBe("");
    const lines = run.out.split("\n");
    expect(lines[0]).toBe("// dualts show src/loss.ts#loss: the code the transform generates for loss");
    expect(run.out).toMatch(/^function loss_jvp\(w0: number, dw0: number, w1: number, dw1: number, xs: number\[\], ys: number\[\]\): \[number, number\] \{$/m);
    expect(run.out).toMatch(/^function loss_generic\(ops: any, /m);
    expect(run.out).toContain("// tangent of: total += ys[i] * Math.log(p) + (1 - ys[i]) * Math.log(1 - p);");
    expect(run.out).not.toContain("Object.defineProperty");
  });

  test("a differentiable(…) constant and a method (as Class.method or method)", async () => {
    const norm = await dualts(dir, "show", "src/methods.ts#norm");
    expect(norm.code).toBe(0);
    expect(norm.out).toMatch(/^function norm_jvp\(x: number, dx: number, y: number, dy: number\): \[number, number\] \{$/m);
    expect(norm.out).toMatch(/^function norm_generic\(/m);
    const energy = await dualts(dir, "show", "src/methods.ts#Spring.energy");
    expect(energy.code).toBe(0);
    expect(energy.out).toMatch(/^function energy_jvp\(this: any, x: number, dx: number\)/m);
    expect((await dualts(dir, "show", "src/methods.ts#energy")).out).toBe(energy.out.replace("#Spring.energy", "#energy"));
  });

  test("an unknown name lists the file's differentiable functions; exit code 2", async () => {
    expect(await dualts(dir, "show", "src/methods.ts#nrom")).toEqual({
      code: 2,
      out: "",
      err: "dualts: src/methods.ts has no differentiable function named 'nrom'; its differentiable functions: norm, scaled, Spring.energy",
    });
    expect(await dualts(dir, "show", "src/methods.ts")).toEqual({
      code: 2,
      out: "",
      err: "dualts: name the function after a '#', e.g. dualts show src/methods.ts#norm; its differentiable functions: norm, scaled, Spring.energy",
    });
    expect((await dualts(dir, "show", "src/nope.ts#f")).err).toBe("dualts: src/nope.ts: no such file or folder");
    expect((await dualts(dir, "show", "src#f")).err).toBe("dualts: src: show takes one TypeScript source file, e.g. dualts show src/loss.ts#loss");
  });

  test("a function the transform rejects: its diagnostics instead; exit code 1", async () => {
    const run = await dualts(dir, "show", "src/bad.ts#bad");
    expect(run.code).toBe(1);
    expect(run.err).toBe("dualts show: no code was generated for bad: the transform reported");
    expect(run.out).toMatch(/^src\/bad\.ts:7:10 - error DUALTS1001: /);
  });
});

describe("dualts check", () => {
  const dir = project("check", { "src/sigmoid.ts": sigmoidTs, "src/bad.ts": brokenTs, "lib/ok.ts": sigmoidTs });

  test("prints only the diagnostics, as file:line:col - error DUALTSxxxx: message; exit code 1", async () => {
    const run = await dualts(dir, "check", "src");
    expect(run.code).toBe(1);
    expect(run.err).toBe("");
    const lines = run.out.split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^src\/bad\.ts:7:10 - error DUALTS1001: helper\(…\) has no derivative, but its arguments depend on the differentiated parameters of bad/);
    for (const line of lines) expect(line).toMatch(/^[^:]+:\d+:\d+ - error DUALTS\d{4}: \S/);
  });

  test("clean files: no output, exit code 0", async () => {
    expect(await dualts(dir, "check", "lib", "src/sigmoid.ts")).toEqual({ code: 0, out: "", err: "" });
  });

  test("a missing file: exit code 2", async () => {
    expect(await dualts(dir, "check", "src/sigmoid.ts", "src/gone.ts")).toEqual({ code: 2, out: "", err: "dualts: src/gone.ts: no such file or folder" });
  });
});

describe("help and usage", () => {
  test.each([[], ["gen"], ["show"], ["check"]])("dualts %s --help", async (...command) => {
    const run = await dualts(scratch, ...command, "--help");
    expect(run.code).toBe(0);
    expect(run.out).toMatch(new RegExp(`^Usage: dualts ${command.length ? `${command[0]} ` : ""}\\[options\\]`));
    if (command.length > 0) expect(run.out).toContain("Examples:");
  });

  test("no command or an unknown one: usage on stderr, exit code 2", async () => {
    const none = await dualts(scratch);
    expect(none.code).toBe(2);
    expect(none.err).toContain("Usage: dualts [options] [command]");
    const unknown = await dualts(scratch, "chek", "src");
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain("error: unknown command 'chek'");
    expect(unknown.err).toContain("Did you mean check?");
  });

  test("--version prints package.json's version", async () => {
    const version = (JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { version: string }).version;
    expect(await dualts(scratch, "--version")).toEqual({ code: 0, out: version, err: "" });
  });
});
