// The optimisation bench's problems: the standard set where the tests keep
// it, test/support/optimization-problems.ts and the three files it imports
// (mgh-residuals, mgh-data-fits, mgh-objectives), compiled here at run time by
// the dualts transform's one-file entry (transformSource, what the Vite
// plugin runs for the tests) into dist/bench/ and imported from there.
//
// Why not in the bench's build: bench/tsconfig.json has rootDir bench/, so a
// file outside it cannot join the program (TS6059); widening rootDir to the
// repository makes TypeScript resolve the package's self-imports ("dualts",
// "dualts/optimize", "#routes") to src/ instead of dist/, recompiling src/
// into dist/src/ under the bench's settings. This way the file is neither
// moved nor copied, and the bench checks the shape it relies on.

import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { transformSource } from "dualts/transformer";
import type { FitProblem, MinimizeProblem } from "./optimize.js";

/** The set's files, the entry point first: each compiled beside the others, so their relative imports resolve. */
const FILES = ["optimization-problems", "mgh-residuals", "mgh-data-fits", "mgh-objectives"];
const sourceOf = (name: string) => new URL(`../../test/support/${name}.ts`, import.meta.url);
const compiledOf = (name: string) => new URL(`./${name}.js`, import.meta.url);
const source = sourceOf(FILES[0]);

function check(what: string, list: unknown, fields: readonly string[]): void {
  if (!Array.isArray(list) || list.length === 0) throw new Error(`${fileURLToPath(source)}: expected a non-empty array ${what}`);
  for (const item of list) {
    const missing = fields.filter((f) => !(f in (item as object)));
    if (missing.length > 0) throw new Error(`${fileURLToPath(source)}: ${what} entry ${(item as { name?: string }).name ?? "?"} lacks ${missing.join(", ")}`);
  }
}

/** Compiles and imports the standard problem set. */
export async function loadProblems(): Promise<{ problems: MinimizeProblem[]; fitProblems: FitProblem[] }> {
  for (const name of FILES) {
    const fileName = fileURLToPath(sourceOf(name));
    const { code, diagnostics } = transformSource(readFileSync(fileName, "utf8"), { fileName });
    if (diagnostics.length > 0) throw new Error(`${fileName}: the transform reported ${diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`).join("; ")}`);
    writeFileSync(compiledOf(name), code);
  }
  const set = (await import(compiledOf(FILES[0]).href)) as { problems: MinimizeProblem[]; fitProblems: FitProblem[] };
  check("problems", set.problems, ["name", "f", "x0", "minimum", "valueAtStart"]);
  check("fitProblems", set.fitProblems, ["name", "residuals", "x0"]);
  return { problems: set.problems, fitProblems: set.fitProblems };
}
