// `npm start`: the lecture on automatic differentiation, step by step. Each
// step is its own example (examples/1-…ts to 5-…ts), written the way a user
// of dualts writes code: plain TypeScript marked @differentiable, compiled by
// tspc with the dualts transform. Each exports run(), which narrates, writes
// its figures to examples/out/ and returns its numbers (the tests use them);
// each also runs on its own: node dist/examples/3-logistic-regression.js.

import { run as whyDerivatives } from "./1-why-derivatives.js";
import { run as polynomialGraph } from "./2-polynomial-graph.js";
import { run as logisticRegression } from "./3-logistic-regression.js";
import { run as computationalGraph } from "./4-computational-graph.js";
import { run as languageModel } from "./5-language-model.js";
import { defaultOutDir, shown } from "./lib/figures.js";
import { isMain, logOf, type ExampleOptions } from "./lib/narration.js";

/** The lecture's steps, in order. */
export const steps = [whyDerivatives, polynomialGraph, logisticRegression, computationalGraph, languageModel] as const;

export async function run(options: ExampleOptions = {}): Promise<{ seconds: number; figures: string[] }> {
  const log = logOf(options);
  const start = performance.now();
  log("dualts: the lecture on automatic differentiation, step by step");
  log("Every function differentiated below is plain TypeScript marked /** @differentiable */ in examples/,");
  log("compiled by tspc with the dualts transform, which wrote its derivative code at build time.");
  const figures: string[] = [];
  for (const step of steps) figures.push(...(await step(options)).figures);
  const seconds = (performance.now() - start) / 1000;
  log("");
  log(`All five steps in ${seconds.toFixed(1)} s. Figures in ${shown(options.outDir ?? defaultOutDir)}:`);
  log(`  ${figures.map((f) => f.split("/").pop()).join(", ")}`);
  return { seconds, figures };
}

if (isMain(import.meta.url)) await run();
