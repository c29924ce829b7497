// How the lecture's examples talk: options shared by every example's run(),
// headings, aligned tables and number formatting, and the check that lets
// each compiled example also run on its own (`node dist/examples/3-logistic-regression.js`).

import { realpathSync } from "node:fs";
import { fileURLToPath } from "node:url";

export interface ExampleOptions {
  /** Where the narration goes, one line at a time (default: console.log). */
  readonly log?: (line: string) => void;
  /** The folder the figures are written to (default: examples/out/ of this repository). */
  readonly outDir?: string;
  /** Show progress bars (default: when standard output is a terminal and log is console.log). */
  readonly progress?: boolean;
}

export function logOf(options: ExampleOptions): (line: string) => void {
  return options.log ?? ((line) => console.log(line));
}

/** The example's title, underlined. */
export function heading(log: (line: string) => void, title: string): void {
  log("");
  log(title);
  log("─".repeat([...title].length));
}

/** A number with a fixed number of decimals and an explicit minus sign. */
export function fmt(x: number, digits = 6): string {
  return x.toFixed(digits);
}

/** fmt with a space where the minus sign would be, so that columns of signed numbers line up. */
export function signed(x: number, digits = 6): string {
  return (x < 0 || Object.is(x, -0) ? "" : " ") + x.toFixed(digits);
}

/** (a, b, c) with each entry formatted. */
export function tuple(xs: ArrayLike<number>, digits = 6): string {
  return `(${Array.from(xs, (x) => fmt(x, digits)).join(", ")})`;
}

/** Rows of cells as lines, each column padded to its widest cell; `indent` spaces in front. */
export function table(rows: readonly (readonly string[])[], indent = 3, gap = 3): string[] {
  const width = (s: string) => [...s].length;
  const columns = Math.max(...rows.map((r) => r.length));
  const widths = Array.from({ length: columns }, (_, c) => Math.max(0, ...rows.map((r) => width(r[c] ?? ""))));
  return rows.map((r) => (" ".repeat(indent) + r.map((cell, c) => (c === r.length - 1 ? cell : cell + " ".repeat(widths[c] - width(cell) + gap))).join("")).trimEnd());
}

/** True when the module at `moduleUrl` is the script node was started with. */
export function isMain(moduleUrl: string): boolean {
  const script = process.argv[1];
  if (!script) return false;
  try {
    return realpathSync(script) === realpathSync(fileURLToPath(moduleUrl));
  } catch {
    return false;
  }
}
