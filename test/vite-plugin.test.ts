// The Vite plugin itself: what it transforms, what it leaves alone, and how
// it reports diagnostics (every problem, with its file:line:column).

import { describe, expect, test } from "vitest";
// The built transform (dist/), as users load it; npm test builds first.
import dualts from "../dist/transformer/vite.js";

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

  test("fails a module with every diagnostic and the first one's location", () => {
    const code = [
      "function helper(x: number): number { return x; }",
      "/** @differentiable */",
      "export function f(x: number): number {",
      "  return helper(x) + eval('x');",
      "}",
      "",
    ].join("\n");
    const { error } = transform(code, "/app/src/f.ts");
    expect(error?.id).toBe("/app/src/f.ts");
    expect(error?.loc).toEqual({ file: "/app/src/f.ts", line: 4, column: 9 });
    expect(error?.message.split("\n")).toEqual([
      expect.stringMatching(/^\/app\/src\/f\.ts:4:10 - error DUALTS1001: helper\(…\) has no derivative/),
      expect.stringMatching(/^\/app\/src\/f\.ts:4:22 - error DUALTS1005: eval cannot be differentiated/),
    ]);
  });
});
