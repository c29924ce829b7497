// The Vite plugin itself: what it transforms, what it leaves alone, and how
// it reports diagnostics (every problem, with its file:line:column). Which
// ids it transforms is checked through its transform hook, and against a
// real Vite server: the plugin transforms a module exactly when Vite serves
// that id as the file's code.

import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { createServer, type ViteDevServer } from "vite";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
// The built transform (dist/), as users load it; npm test builds first.
import { transformSource } from "../dist/transformer/index.js";
import dualts from "../dist/transformer/vite.js";

const marked = "/** @differentiable */\nexport function sq(x: number): number {\n  return x * x;\n}\n";

interface Reported {
  message: string;
  id?: string;
  loc?: { file?: string; line: number; column: number };
}

/** Runs the plugin's transform hook with a context whose error() records and throws, as Vite's does. */
function transform(code: string, id: string): { result: unknown; error?: Reported } {
  const plugin = dualts();
  let error: Reported | undefined;
  const context = {
    error(e: Reported): never {
      error = e;
      throw new Error(e.message);
    },
  };
  try {
    return { result: plugin.transform.call(context, code, id) };
  } catch {
    return { result: undefined, error };
  }
}

describe("dualts/vite", () => {
  test("runs before Vite's own TypeScript handling", () => {
    expect(dualts()).toMatchObject({ name: "dualts", enforce: "pre" });
  });

  test("transforms marked TypeScript modules, with a source map", () => {
    const { result } = transform("/** @differentiable */\nexport function sq(x: number): number {\n  return x * x;\n}\n", "/app/src/sq.ts");
    const { code, map } = result as { code: string; map: string };
    expect(code).toContain("function sq_jvp(x, dx)");
    expect(code).toContain('Object.defineProperty(sq, Symbol.for("dualts.derivative")');
    expect(JSON.parse(map).sources).toEqual(["sq.ts"]);
  });

  test("leaves alone modules that mark nothing, other file types and node_modules", () => {
    expect(transform("export const a = 1;\n", "/app/src/a.ts").result).toBeNull();
    expect(transform("/** @differentiable */ function f(x) { return x; }", "/app/src/a.js").result).toBeNull();
    expect(transform("/** @differentiable */ export function f(x: number) { return x; }", "/app/node_modules/lib/a.ts").result).toBeNull();
    expect(transform("/** @differentiable */ export function f(x: number): number { return x; }", "/app/src/a.ts?import").result).not.toBeNull();
  });

  test.each([
    // [id, transformed]: the module is the file's code, compiled by Vite as TypeScript
    ["/app/src/sq.ts", true],
    ["/app/src/sq.mts", true],
    ["/app/src/sq.tsx", true],
    ["/app/src/sq.ts?v=123", true],
    ["/app/src/sq.ts?t=1712345678", true],
    ["/app/src/sq.ts?import", true],
    ["/app/src/sq.ts?import&v=4f2a", true],
    ["/app/src/sq.ts?inline", true],
    ["/app/src/sq.ts?worker_file&type=module", true],
    // something else: a string, a URL, a worker's wrapper, a virtual module, a declaration file, a dependency
    ["/app/src/sq.ts?raw", false],
    ["/app/src/sq.ts?raw&v=1", false],
    ["/app/src/sq.ts?url", false],
    ["/app/src/sq.ts?import&url", false],
    ["/app/src/sq.ts?worker", false],
    ["/app/src/sq.ts?worker&inline", false],
    ["/app/src/sq.ts?sharedworker", false],
    ["\0virtual:sq.ts", false],
    ["\0/app/src/sq.ts?commonjs-proxy", false],
    ["/app/src/types.d.ts", false],
    ["/app/src/types.d.mts", false],
    ["/app/src/styles.d.css.ts", false],
    ["/app/src/sq.cts", false],
    ["/app/node_modules/model/sq.ts", false],
    ["C:\\app\\node_modules\\model\\sq.ts", false],
    ["/app/src/App.vue?vue&type=script&lang.ts", false],
  ])("%s: transformed %s", (id, transformed) => {
    const { result, error } = transform(marked, id);
    expect(error).toBeUndefined();
    if (transformed) expect((result as { code: string }).code).toContain("function sq_jvp(x, dx)");
    else expect(result).toBeNull();
  });

  test("a declaration file mentioning differentiable is left alone, and transformSource compiles one to nothing, as tsc does", () => {
    const declarations = "export declare function differentiable<F>(f: F): F;\n";
    expect(transform(declarations, "/app/src/types.d.ts")).toEqual({ result: null });
    expect(transformSource(declarations, { fileName: "types.d.ts" })).toEqual({ code: "", diagnostics: [] });
    // When TypeScript itself gives up on a file for another reason than its depth, the message does not blame nesting.
    const cts = 'import { a } from "./a.cjs";\n' + marked;
    for (const d of transformSource(cts, { fileName: "sq.cts" }).diagnostics) expect(d.message).not.toMatch(/nested/);
  });

  test("a .tsx module keeps its JSX for Vite's own handling", () => {
    const { result } = transform(`${marked}export const view = <output>{sq(3)}</output>;\n`, "/app/src/view.tsx");
    const { code } = result as { code: string };
    expect(code).toContain("function sq_jvp(x, dx)");
    expect(code).toContain("<output>{sq(3)}</output>");
  });

  test("property: an id is transformed exactly when its query has none of Vite's special parameters (raw, url, worker, sharedworker)", () => {
    const special = ["raw", "url", "worker", "sharedworker"];
    const name = fc.constantFrom(...special, "v", "t", "import", "inline", "worker_file", "type", "direct", "lang.ts", "macro");
    const parameter = fc.tuple(name, fc.option(fc.stringMatching(/^[a-z0-9]{1,6}$/), { nil: undefined }));
    fc.assert(
      fc.property(fc.array(parameter, { maxLength: 4 }), fc.constantFrom("/app/src/sq.ts", "/app/src/sq.mts", "/app/src/sq.tsx"), (parameters, file) => {
        const query = parameters.map(([k, v]) => (v === undefined ? k : `${k}=${v}`)).join("&");
        const id = query === "" ? file : `${file}?${query}`;
        const { result, error } = transform(marked, id);
        expect(error).toBeUndefined();
        expect(result !== null, id).toBe(!parameters.some(([k]) => special.includes(k)));
      }),
    );
  });

  test("fails a module with every diagnostic and the first one's location", () => {
    const code = ["function helper(x: number): number { return x; }", "/** @differentiable */", "export function f(x: number): number {", "  return helper(x) + eval('x');", "}", ""].join("\n");
    const { error } = transform(code, "/app/src/f.ts");
    expect(error?.id).toBe("/app/src/f.ts");
    expect(error?.loc).toEqual({ file: "/app/src/f.ts", line: 4, column: 9 });
    expect(error?.message.split("\n")).toEqual([
      expect.stringMatching(/^\/app\/src\/f\.ts:4:10 - error DUALTS1001: helper\(…\) has no derivative/),
      expect.stringMatching(/^\/app\/src\/f\.ts:4:22 - error DUALTS1005: eval cannot be differentiated/),
    ]);
  });

  test("options are checked where they are written: a typo in vite.config.ts is an error, not ignored", () => {
    const plugin = dualts as (options?: unknown) => unknown;
    expect(() => plugin({ inlcude: /\.ts$/ })).toThrow("dualts(): unknown option 'inlcude'; the only option is include (a RegExp of the module files to transform)");
    expect(() => plugin({ include: "src/**/*.ts" })).toThrow('dualts(): include must be a RegExp of the module files to transform, such as /\\.ts$/, not the string "src/**/*.ts"');
    expect(() => plugin(null)).toThrow("dualts(): the options must be an object such as { include: /\\.ts$/ }, not null");
    expect(() => plugin([/\.ts$/])).toThrow("not an array");
    expect(plugin({ include: /\.mts$/ })).toMatchObject({ name: "dualts" });
    expect(plugin()).toMatchObject({ name: "dualts" });
  });
});

describe("in a real Vite server", () => {
  // Two dev servers on the same files, one with the plugin: the plugin must transform a module exactly when Vite serves its id as the file's code.
  const folder = mkdtempSync(join(tmpdir(), "dualts-vite-"));
  writeFileSync(join(folder, "sq.ts"), marked);
  writeFileSync(join(folder, "types.d.ts"), "export declare function differentiable<F>(f: F): F;\n");
  writeFileSync(join(folder, "sq.cts"), marked);
  const serve = (plugins: unknown[]) =>
    createServer({
      root: folder,
      configFile: false,
      logLevel: "silent",
      plugins: plugins as [],
      server: { middlewareMode: true, hmr: false, ws: false },
      optimizeDeps: { noDiscovery: true, include: [] },
    });
  let plain: ViteDevServer;
  let withDualts: ViteDevServer;
  beforeAll(async () => {
    [plain, withDualts] = await Promise.all([serve([]), serve([dualts()])]);
  });
  afterAll(async () => {
    await Promise.all([plain?.close(), withDualts?.close()]);
    rmSync(folder, { recursive: true, force: true });
  });

  test.each(["", "?v=123", "?t=5", "?import", "?inline", "?worker_file&type=module", "?direct", "?macro", "?raw", "?url", "?worker", "?sharedworker", "?worker&inline", "?raw&import"])(
    "/sq.ts%s",
    async (query) => {
      const served = (await plain.transformRequest(`/sq.ts${query}`))!.code;
      const isTheCode = /export function sq\(x\)/.test(served);
      const code = (await withDualts.transformRequest(`/sq.ts${query}`))!.code;
      expect(code.includes("function sq_jvp(x, dx)")).toBe(isTheCode);
      if (!isTheCode) expect(code).toBe(served);
    },
  );

  test("a declaration file and a .cts file are served as Vite serves them without the plugin", async () => {
    for (const url of ["/types.d.ts", "/sq.cts"]) {
      expect((await withDualts.transformRequest(url))!.code, url).toBe((await plain.transformRequest(url))!.code);
    }
  });
});
