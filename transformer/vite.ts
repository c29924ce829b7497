// dualts/vite: a Vite (and Vitest) plugin running the dualts transform on
// TypeScript modules before Vite's own TypeScript handling (enforce: "pre").
// Diagnostics fail the module with every problem and its file:line:column.

import { formatDiagnostic, transformSource } from "./index.js";

export interface DualtsPluginOptions {
  /** Which module ids to transform; default: .ts/.tsx/.mts/.cts files outside node_modules. */
  readonly include?: RegExp;
}

/** The part of Vite's plugin context the plugin uses: failing a module with its location. */
export interface PluginContext {
  error(error: { message: string; id?: string; loc?: { file?: string; line: number; column: number } }): never;
}

/**
 * The plugin, typed without naming Vite's own types (so dualts needs no Vite to type-check), and
 * exported so that a project's declaration emit can name it (`export const plugin = dualts()`).
 */
export interface DualtsVitePlugin {
  readonly name: "dualts";
  readonly enforce: "pre";
  transform(this: PluginContext, code: string, id: string): { code: string; map: string | null } | null;
}

/** The Vite (and Vitest) plugin: runs the dualts transform on TypeScript modules before Vite's own handling. */
export default function dualts(options: DualtsPluginOptions = {}): DualtsVitePlugin {
  const include = options.include ?? /\.[cm]?tsx?$/;
  return {
    name: "dualts",
    enforce: "pre",
    transform(this: PluginContext, code: string, id: string) {
      const file = id.split("?")[0];
      if (!include.test(file) || file.includes("/node_modules/")) return null;
      // Cheap test first: most modules mark nothing.
      if (!code.includes("differentiable")) return null;
      const result = transformSource(code, { fileName: file });
      if (result.diagnostics.length > 0) {
        const first = result.diagnostics[0];
        this.error({
          message: result.diagnostics.map(formatDiagnostic).join("\n"),
          id: file,
          loc: { file, line: first.line, column: first.column - 1 },
        });
      }
      return { code: result.code, map: result.sourceMap ?? null };
    },
  };
}
