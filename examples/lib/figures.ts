// The lecture's figures, as SVG files in examples/out/: charts are Vega-Lite
// specifications compiled to Vega and rendered in Node without a browser
// (renderer "none" + toSVG); graphs are Graphviz DOT rendered by Graphviz
// compiled to WebAssembly (@viz-js/viz, which carries its .wasm inline, so
// nothing is downloaded at run time).

import { mkdirSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { instance, type Viz } from "@viz-js/viz";
import * as vega from "vega";
import { compile, type TopLevelSpec } from "vega-lite";
import type { ExampleOptions } from "./narration.js";

/** This repository's examples/out/ (the compiled file lives in dist/examples/lib/). */
export const defaultOutDir = fileURLToPath(new URL("../../../examples/out/", import.meta.url));

/** Writes `svg` to outDir/name and returns the path written. */
function save(options: ExampleOptions, name: string, svg: string): string {
  const dir = options.outDir ?? defaultOutDir;
  mkdirSync(dir, { recursive: true });
  const file = join(dir, name);
  writeFileSync(file, svg);
  return file;
}

/** The path as the narration shows it: relative to the working directory when inside it. */
export function shown(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel.startsWith("..") ? file : rel;
}

/** A chart: the Vega-Lite specification rendered to SVG. */
export async function writeChart(options: ExampleOptions, name: string, spec: TopLevelSpec): Promise<string> {
  const view = new vega.View(vega.parse(compile(spec).spec), { renderer: "none" });
  const svg = await view.toSVG();
  view.finalize();
  return save(options, name, svg);
}

let viz: Promise<Viz> | undefined;

/** A graph: the DOT text laid out by Graphviz and rendered to SVG. */
export async function writeGraph(options: ExampleOptions, name: string, dot: string): Promise<string> {
  viz ??= instance();
  const svg = (await viz).renderString(dot, { format: "svg" });
  return save(options, name, svg);
}
