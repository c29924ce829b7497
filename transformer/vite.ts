// dualts/vite: a Vite (and Vitest) plugin running the dualts transform on
// TypeScript modules before Vite's own TypeScript handling (enforce: "pre").
// Diagnostics fail the module with every problem and its file:line:column.

import { formatDiagnostic, transformSource } from "./index.js";

export interface DualtsPluginOptions {
  /** Which module ids to transform; default: .ts/.tsx/.mts/.cts files outside node_modules. */
  readonly include?: RegExp;
}

interface PluginContext {
  error(error: { message: string; id?: string; loc?: { file?: string; line: number; column: number } }): never;
}

export default function dualts(options: DualtsPluginOptions = {}) {
  const include = options.include ?? /\.[cm]?tsx?$/;
  return {
    name: "dualts",
    enforce: "pre" as const,
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
