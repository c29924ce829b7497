// `dualts gen` and links: symbolic and hard links at --out, inside it, at the
// inputs and at --root never make it write onto a source or outside the
// real --out, nor remove anything there in watch mode; a symbolic link to a
// folder inside --out stops it with exit code 2 naming the link, one at an
// output's place is replaced by the generated file, and inputs reached
// through links are read as any others. A property test sets random traps
// of links and checks that nothing outside --out changes, whatever the
// outcome.

import { existsSync, linkSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, rmSync, symlinkSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, test } from "vitest";
// The built CLI (dist/), as users run it; npm test builds first.
import { watchGen } from "../dist/cli/watch.js";
import { capture, dualts, scratchFolder, sigmoidTs, watchPasses } from "./support/cli-run.js";

const { project, remove } = scratchFolder("dualts-cli-links-");
afterAll(remove);

const squareTs = "/** @differentiable */\nexport function square(x: number): number {\n  return x * x;\n}\n";

/** Every entry under `dir`, links not followed: path → file text, link target or "folder". */
function snapshot(dir: string): Record<string, string> {
  const found: Record<string, string> = {};
  const visit = (folder: string) => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      const key = relative(dir, path);
      const stat = lstatSync(path);
      if (stat.isSymbolicLink()) found[key] = `link → ${readlinkSync(path)}`;
      else if (stat.isDirectory()) {
        found[key] = "folder";
        visit(path);
      } else found[key] = readFileSync(path, "utf8");
    }
  };
  visit(dir);
  return found;
}

describe("gen never writes through a link", () => {
  test("an --out that is a symbolic link to the sources (or into them): exit code 2, the inputs unchanged", async () => {
    const dir = project("out-link", { "src/sigmoid.ts": sigmoidTs, "src/sub/square.ts": squareTs });
    symlinkSync("src", join(dir, "gen"));
    symlinkSync("src/sub", join(dir, "gen-sub"));
    const before = snapshot(join(dir, "src"));
    expect(await dualts(dir, "gen", "src", "--out", "gen")).toEqual({
      code: 2,
      out: "",
      err: "dualts: --out gen would overwrite the input src (--out gen is src, through symbolic links): choose another output folder",
    });
    expect((await dualts(dir, "gen", "src", "--out", "gen-sub")).code).toBe(2);
    expect((await dualts(dir, "gen", "src/sub/square.ts", "--out", "gen-sub")).code).toBe(2);
    expect(snapshot(join(dir, "src"))).toEqual(before);
  });

  test("an input given through a symbolic link, or --out given through one: --out in the real sources is still caught", async () => {
    const dir = project("input-link", { "src/sigmoid.ts": sigmoidTs });
    symlinkSync("src", join(dir, "srclink"));
    const before = snapshot(join(dir, "src"));
    expect((await dualts(dir, "gen", "srclink", "--out", "src")).err).toBe(
      "dualts: --out src would overwrite the input srclink (srclink is src, through symbolic links): choose another output folder",
    );
    expect((await dualts(dir, "gen", "srclink/sigmoid.ts", "--out", "src")).code).toBe(2);
    expect((await dualts(dir, "gen", "src", "--out", "srclink")).code).toBe(2);
    expect(snapshot(join(dir, "src"))).toEqual(before);
    // An --out inside a folder searched for inputs: its files would be taken for sources, and sources there written over.
    expect(await dualts(dir, "gen", "srclink", "--out", "src/gen")).toEqual({
      code: 2,
      out: "",
      err: "dualts: --out src/gen is inside srclink, a folder searched for inputs (srclink is src, through symbolic links): its files would be taken for sources, and sources there written over; choose an output folder outside the inputs",
    });
    expect((await dualts(dir, "gen", "src", "--out", "srclink/gen")).code).toBe(2);
    expect(snapshot(join(dir, "src"))).toEqual(before);
    // A file's own folder is not searched: an --out there is fine.
    expect(await dualts(dir, "gen", "srclink/sigmoid.ts", "--out", "src/gen")).toMatchObject({ code: 0, err: "dualts gen: 1 file in src/gen/, 1 differentiable function" });
  });

  test("a link inside a folder searched that leads into --out, or to a folder holding it: exit code 2", async () => {
    const dir = project("walk-into-out", { "src/sigmoid.ts": sigmoidTs, "gen/sub/old.ts": "export {};\n", "build/gen/keep.ts": "export {};\n" });
    symlinkSync("../gen/sub", join(dir, "src/sub"));
    expect(await dualts(dir, "gen", "src", "--out", "gen")).toEqual({
      code: 2,
      out: "",
      err: "dualts: src/sub/old.ts is gen/sub/old.ts through symbolic links, inside --out gen: gen would write over its own input; choose another output folder",
    });
    rmSync(join(dir, "src/sub"));
    symlinkSync("../build", join(dir, "src/build"));
    expect((await dualts(dir, "gen", "src", "--out", "build/gen")).err).toBe(
      "dualts: --out build/gen is inside src/build, a folder searched for inputs (src/build is build, through symbolic links): its files would be taken for sources, and sources there written over; choose an output folder outside the inputs",
    );
  });

  test("a symbolic link to a folder inside --out: exit code 2 naming it, nothing written behind it", async () => {
    const dir = project("folder-link", { "src/sigmoid.ts": sigmoidTs, "src/sub/square.ts": squareTs, "outside/keep.txt": "keep\n" });
    mkdirSync(join(dir, "gen"));
    symlinkSync(join(dir, "outside"), join(dir, "gen/sub"));
    const run = await dualts(dir, "gen", "src", "--out", "gen");
    expect(run).toEqual({
      code: 2,
      out: "",
      err: `dualts: gen/sub is a symbolic link to ${join(dir, "outside")}: gen writes and removes files only inside --out gen, never through a link, and gen/sub/square.ts is behind it; remove the link, or choose another --out`,
    });
    expect(snapshot(join(dir, "outside"))).toEqual({ "keep.txt": "keep\n" });
    expect(existsSync(join(dir, "gen/sigmoid.ts")), "nothing is written before the check").toBe(false);
  });

  test("a symbolic link at an output's place is replaced by the generated file; its target is unchanged", async () => {
    const dir = project("file-link", { "src/sigmoid.ts": sigmoidTs, "outside/sigmoid.ts": "// not to be touched\n" });
    mkdirSync(join(dir, "gen"));
    symlinkSync("../outside/sigmoid.ts", join(dir, "gen/sigmoid.ts"));
    const run = await dualts(dir, "gen", "src", "--out", "gen");
    expect(run.code).toBe(0);
    expect(run.err.split("\n")).toEqual([
      "dualts gen: gen/sigmoid.ts was a symbolic link to ../outside/sigmoid.ts (the link's target is unchanged); replaced it with the generated file",
      "dualts gen: 1 file in gen/, 1 differentiable function",
    ]);
    expect(readFileSync(join(dir, "outside/sigmoid.ts"), "utf8")).toBe("// not to be touched\n");
    expect(lstatSync(join(dir, "gen/sigmoid.ts")).isFile()).toBe(true);
    expect(readFileSync(join(dir, "gen/sigmoid.ts"), "utf8")).toContain("function sigmoid_jvp(");
  });

  test("a hard link to an input inside --out: the input unchanged, the output a file of its own", async () => {
    const dir = project("hard-link", { "src/sigmoid.ts": sigmoidTs, "src/plain.ts": "export const answer = 42;\n" });
    mkdirSync(join(dir, "gen"));
    linkSync(join(dir, "src/sigmoid.ts"), join(dir, "gen/sigmoid.ts"));
    // A file that marks nothing is copied as it is: the same text, but still not the same file.
    linkSync(join(dir, "src/plain.ts"), join(dir, "gen/plain.ts"));
    const run = await dualts(dir, "gen", "src", "--out", "gen");
    expect(run.code).toBe(0);
    expect(run.err).toContain("dualts gen: gen/sigmoid.ts was a hard link to the source src/sigmoid.ts (which is unchanged); replaced it with the generated file");
    expect(run.err).toContain("dualts gen: gen/plain.ts was a hard link to the source src/plain.ts (which is unchanged)");
    expect(readFileSync(join(dir, "src/sigmoid.ts"), "utf8")).toBe(sigmoidTs);
    for (const name of ["sigmoid.ts", "plain.ts"]) {
      expect(lstatSync(join(dir, "src", name)).nlink, name).toBe(1);
      expect(lstatSync(join(dir, "gen", name)).ino, name).not.toBe(lstatSync(join(dir, "src", name)).ino);
    }
    expect(readFileSync(join(dir, "gen/sigmoid.ts"), "utf8")).toContain("function sigmoid_jvp(");
  });
});

describe("inputs and --root through symbolic links are read as any others", () => {
  test("a linked folder or file given, and linked files and folders inside a folder given", async () => {
    const dir = project("read-links", {
      "real/src/sigmoid.ts": sigmoidTs,
      "shared/square.ts": 'import { helper } from "./helper.js";\n' + squareTs + "export const h = helper;\n",
      "shared/helper.ts": "export const helper = 1;\n",
      "lib/extra/cube.ts": "/** @differentiable */\nexport function cube(x: number): number {\n  return x * x * x;\n}\n",
    });
    symlinkSync("real/src", join(dir, "src"));
    symlinkSync("../../shared/square.ts", join(dir, "real/src/square.ts"));
    symlinkSync("../../lib/extra", join(dir, "real/src/extra"));
    symlinkSync("..", join(dir, "real/src/up")); // a loop back up: followed once, not forever
    const run = await dualts(dir, "gen", "src", "--out", "gen");
    expect(run.code).toBe(0);
    const written = snapshot(join(dir, "gen"));
    expect(
      Object.keys(written)
        .filter((p) => p.endsWith(".ts"))
        .sort(),
    ).toEqual(["extra/cube.ts", "sigmoid.ts", "square.ts"]);
    expect(written["square.ts"]).toContain("function square_jvp(");
    expect(written["extra/cube.ts"]).toContain("function cube_jvp(");
    // The linked file's import resolves where the file really is (as Node and TypeScript resolve it), pointed back at the original.
    expect(written["square.ts"]).toContain('import { helper } from "../shared/helper.js";');
    expect(await dualts(dir, "gen", "src/square.ts", "--out", "gen-one")).toMatchObject({ code: 0, err: "dualts gen: 1 file in gen-one/, 1 differentiable function" });
    expect(readFileSync(join(dir, "gen-one/square.ts"), "utf8")).toContain('import { helper } from "../shared/helper.js";');
  });

  test("an import between two files given, whose links place their outputs differently from the files, reaches the other's output", async () => {
    const dir = project("import-layout", {
      "shared/b.ts": 'import { c } from "./c.js";\nimport { i } from "./dir";\nimport { d } from "./d.js";\nexport const b = c + i + d;\n',
      "shared/c.ts": "export const c = 1;\n",
      "shared/d.ts": "export const d = 1;\n",
      "shared/dir/index.ts": "export const i = 1;\n",
      "src/a.ts": sigmoidTs,
    });
    symlinkSync("../shared/b.ts", join(dir, "src/b.ts"));
    mkdirSync(join(dir, "src/lib"));
    symlinkSync("../../shared/c.ts", join(dir, "src/lib/c.ts"));
    symlinkSync("../../shared/dir", join(dir, "src/lib/dir"));
    expect((await dualts(dir, "gen", "src", "--out", "gen")).code).toBe(0);
    expect(readFileSync(join(dir, "gen/b.ts"), "utf8").split("\n").slice(0, 3)).toEqual([
      'import { c } from "./lib/c.js";', // given (as src/lib/c.ts): its output
      'import { i } from "./lib/dir";', // given (src/lib/dir/index.ts): its output, in the specifier's own form
      'import { d } from "../shared/d.js";', // not given: the original
    ]);
  });

  test("--root through a symbolic link places the files as the real folder would", async () => {
    const dir = project("root-link", { "src/a/sigmoid.ts": sigmoidTs });
    symlinkSync("src", join(dir, "rootlink"));
    expect((await dualts(dir, "gen", "src/a/sigmoid.ts", "--out", "g1", "--root", "rootlink")).code).toBe(0);
    expect(existsSync(join(dir, "g1/a/sigmoid.ts"))).toBe(true);
    expect((await dualts(dir, "gen", "rootlink/a/sigmoid.ts", "--out", "g2", "--root", "src")).code).toBe(0);
    expect(existsSync(join(dir, "g2/a/sigmoid.ts"))).toBe(true);
  });

  test("a symbolic link to nothing among the inputs is named, with its target", async () => {
    const dir = project("dangling", { "src/sigmoid.ts": sigmoidTs });
    symlinkSync("gone.ts", join(dir, "src/lost.ts"));
    expect(await dualts(dir, "gen", "src", "--out", "gen")).toEqual({ code: 2, out: "", err: "dualts: src/lost.ts is a symbolic link to gone.ts, which does not exist: fix or remove the link" });
  });
});

test("--watch removes the outputs of deleted inputs by their own name only, never through a link", async () => {
  const dir = project("watch-links", {
    "src/sigmoid.ts": sigmoidTs,
    "src/square.ts": squareTs,
    "src/sub/cube.ts": squareTs.replaceAll("square", "cube"),
    "outside/cube.ts": "// outside\n",
    "outside/square.ts": "// outside too\n",
  });
  const io = capture(dir);
  const { onPass, passWhere } = watchPasses();
  const first = passWhere(() => true);
  const watcher = watchGen(["src"], { out: "gen" }, io, onPass);
  try {
    expect((await first).written.sort()).toEqual(["gen/sigmoid.ts", "gen/square.ts", "gen/sub/cube.ts"]);
    // Someone swaps an output for a link to a file outside, and an output folder for a link to a folder outside.
    rmSync(join(dir, "gen/square.ts"));
    symlinkSync(join(dir, "outside/square.ts"), join(dir, "gen/square.ts"));
    rmSync(join(dir, "gen/sub"), { recursive: true });
    symlinkSync(join(dir, "outside"), join(dir, "gen/sub"));
    const gone = passWhere((r) => r.outputs.size === 1);
    rmSync(join(dir, "src/square.ts"));
    rmSync(join(dir, "src/sub"), { recursive: true });
    await gone;
    expect(snapshot(join(dir, "outside"))).toEqual({ "cube.ts": "// outside\n", "square.ts": "// outside too\n" });
    expect(existsSync(join(dir, "gen/square.ts")) || lstatSync(join(dir, "gen/square.ts"), { throwIfNoEntry: false }) !== undefined).toBe(false);
    expect(io.lines.err).toContain("dualts gen: removed gen/square.ts");
    expect(io.lines.err).toContain(
      `dualts gen: not removed: gen/sub is a symbolic link to ${join(dir, "outside")}: gen writes and removes files only inside --out gen, never through a link, and gen/sub/cube.ts is behind it; remove the link, or choose another --out`,
    );
  } finally {
    watcher.close();
  }
});

/** The places a trap can sit in --out: each output's path and the folders on the way. */
const outputPlaces = ["sigmoid.ts", "plain.ts", "sub", "sub/square.ts", "sub/deep", "sub/deep/cube.ts"];
/** What a trap can point at: the inputs, their folders, and a file and a folder outside. */
const targets = ["src/sigmoid.ts", "src/plain.ts", "src/sub/square.ts", "src", "src/sub", "outside/file.ts", "outside/folder"];

test("property: whatever links are set at --out, in it and at the inputs, no source and nothing outside the real --out changes", async () => {
  const trap = fc.record({ at: fc.constantFrom(...outputPlaces), kind: fc.constantFrom("symbolic", "hard"), to: fc.constantFrom(...targets) });
  const setup = fc.record({
    traps: fc.array(trap, { maxLength: 4 }),
    out: fc.constantFrom("gen", "link to a fresh folder", "link to src", "link to src/sub", "src/gen"),
    input: fc.constantFrom("src", "link to src", "the files"),
  });
  let run = 0;
  await fc.assert(
    fc.asyncProperty(setup, async ({ traps, out, input }) => {
      const dir = project(`property-${run++}`, {
        "src/sigmoid.ts": sigmoidTs,
        "src/plain.ts": "export const answer = 42;\n",
        "src/sub/square.ts": squareTs,
        "src/sub/deep/cube.ts": squareTs.replaceAll("square", "cube"),
        "outside/file.ts": "// outside\n",
        "outside/folder/keep.ts": "// kept\n",
      });
      const outFolder = out === "src/gen" ? "src/gen" : "gen";
      if (out === "link to a fresh folder") mkdirSync(join(dir, "fresh"));
      if (out.startsWith("link to ")) symlinkSync(join(dir, out === "link to a fresh folder" ? "fresh" : out.slice("link to ".length)), join(dir, "gen"));
      const realOut = out === "link to a fresh folder" ? join(dir, "fresh") : out.startsWith("link to src") ? undefined : join(dir, outFolder);
      for (const t of realOut === undefined ? [] : traps) {
        const at = join(realOut!, t.at);
        if (t.kind === "hard" && lstatSync(join(dir, t.to)).isDirectory()) continue;
        try {
          mkdirSync(dirname(at), { recursive: true });
          if (t.kind === "symbolic") symlinkSync(join(dir, t.to), at);
          else linkSync(join(dir, t.to), at);
        } catch {
          // Something already sits there or on the way (an earlier trap): this one is not set.
        }
      }
      if (input === "link to src") symlinkSync("src", join(dir, "srclink"));
      const before = { src: snapshot(join(dir, "src")), outside: snapshot(join(dir, "outside")) };
      const args = input === "src" ? ["src"] : input === "link to src" ? ["srclink"] : ["src/sigmoid.ts", "src/plain.ts", "src/sub/square.ts", "src/sub/deep/cube.ts"];
      const result = await dualts(dir, "gen", ...args, "--out", outFolder);

      const after = { src: snapshot(join(dir, "src")), outside: snapshot(join(dir, "outside")) };
      if (outFolder === "src/gen") for (const key of Object.keys(after.src).filter((k) => k === "gen" || k.startsWith("gen/"))) delete after.src[key];
      for (const key of Object.keys(before.src).filter((k) => k === "gen" || k.startsWith("gen/"))) delete before.src[key];
      expect(after, JSON.stringify({ traps, out, input, result })).toEqual(before);
      expect([0, 2], result.err).toContain(result.code);
      if (out === "link to src" || out === "link to src/sub" || (out === "src/gen" && input !== "the files")) expect(result.code).toBe(2);
      if (result.code === 2) expect(result.err).toMatch(/^dualts: .*(would overwrite the input|is inside|is a symbolic link to|is a file where|is a folder where)/);
      if (result.code === 0) {
        // Every output is a file of its own inside the real --out, with the generated code.
        for (const [name, marked] of [
          ["sigmoid.ts", true],
          ["plain.ts", false],
          ["sub/square.ts", true],
          ["sub/deep/cube.ts", true],
        ] as const) {
          const path = join(realOut!, name);
          const stat = lstatSync(path);
          expect(stat.isFile() && stat.nlink === 1, name).toBe(true);
          expect(readFileSync(path, "utf8").includes("_jvp("), name).toBe(marked);
        }
      }
    }),
    { numRuns: 150 },
  );
});
