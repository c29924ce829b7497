// dualts/vite: a Vite (and Vitest) plugin running the dualts transform on
// TypeScript modules before Vite's own TypeScript handling (enforce: "pre").
// Diagnostics fail the module with every problem and its file:line:column.
//
// Which module ids it transforms is decided here, in transformedFile: those
// whose module is the code of a TypeScript file that Vite compiles (.ts,
// .mts, .tsx — Vite's own default; it serves .cts untouched), other than a
// declaration file, a virtual module (\0…) or a dependency (node_modules).
// A query leaves the module alone where Vite makes it something other than
// the file's code: ?raw (a string), ?url (a URL), ?worker and ?sharedworker
// (a wrapper that starts the worker) — Vite's own list of special queries.
// Any other query (?v=…, ?t=…, ?import, ?inline, a worker's own
// ?worker_file&type=module, another plugin's) still names the file's code,
// which Vite serves compiled, so it is transformed.

import { DECLARATION_FILE } from "./files.js";
import { formatDiagnostic, transformSource } from "./index.js";

export interface DualtsPluginOptions {
  /**
   * Which module files to transform, by their path without the query;
   * default: .ts, .mts and .tsx (the files Vite itself compiles as
   * TypeScript). Declaration files, virtual modules and node_modules are
   * left alone whatever this says.
   */
  readonly include?: RegExp;
}

/** The part of Vite's plugin context the plugin uses: failing a module with its location. */
export interface PluginContext {
  error(error: { message: string; id?: string; loc?: { file?: string; line: number; column: number } }): never;
}

/** The files Vite's own TypeScript handling compiles (its default include, /\.(m?ts|[jt]sx)$/, less .jsx). */
const VITE_TYPESCRIPT = /\.(?:m?ts|tsx)$/;

/** Query parameters under which Vite serves something other than the file's code (Vite's SPECIAL_QUERY_RE). */
const NOT_THE_CODE = new Set(["raw", "url", "worker", "sharedworker"]);

/** A dependency: it ships compiled code, and Vite pre-bundles it in dev where no plugin of ours runs. */
const DEPENDENCY = /[\\/]node_modules[\\/]/;

/** The file a module id names, if the plugin transforms it; undefined if the module is left alone. */
function transformedFile(id: string, include: RegExp = VITE_TYPESCRIPT): string | undefined {
  if (id.startsWith("\0")) return undefined;
  const queryAt = id.indexOf("?");
  const file = queryAt < 0 ? id : id.slice(0, queryAt);
  if (!include.test(file) || DECLARATION_FILE.test(file) || DEPENDENCY.test(file)) return undefined;
  if (queryAt >= 0) {
    for (const name of new URLSearchParams(id.slice(queryAt + 1)).keys()) if (NOT_THE_CODE.has(name)) return undefined;
  }
  return file;
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

/** The plugin's options, checked where they are written (a typo in vite.config.ts says so, rather than being ignored). */
function checkOptions(options: unknown): asserts options is DualtsPluginOptions {
  if (typeof options !== "object" || options === null || Array.isArray(options)) {
    throw new TypeError(`dualts(): the options must be an object such as { include: /\\.ts$/ }, not ${Array.isArray(options) ? "an array" : options === null ? "null" : typeof options}`);
  }
  for (const key of Object.keys(options)) {
    if (key !== "include") throw new TypeError(`dualts(): unknown option '${key}'; the only option is include (a RegExp of the module files to transform)`);
  }
  const include = (options as { include?: unknown }).include;
  if (include !== undefined && !(include instanceof RegExp)) {
    throw new TypeError(`dualts(): include must be a RegExp of the module files to transform, such as /\\.ts$/, not ${typeof include === "string" ? `the string "${include}"` : typeof include}`);
  }
}

/**
 * The plugin: `plugins: [dualts()]` in vite.config.ts or vitest.config.ts.
 * Transforms each TypeScript module that marks a function @differentiable
 * (see transformedFile for which ids), failing the module on diagnostics.
 */
export default function dualts(options: DualtsPluginOptions = {}): DualtsVitePlugin {
  checkOptions(options);
  const include = options.include ?? VITE_TYPESCRIPT;
  return {
    name: "dualts",
    enforce: "pre",
    transform(this: PluginContext, code: string, id: string) {
      const file = transformedFile(id, include);
      if (file === undefined) return null;
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
