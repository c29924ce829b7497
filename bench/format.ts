// How the bench's reports print numbers (report.ts, optimize-report.ts):
// ratios, percentages, durations and the versions of the packages measured.

import { existsSync, readFileSync } from "node:fs";

/** A package's version, from the nearest node_modules that has it (from dist/bench/ or, under Vitest, bench/). */
export function version(pkg: string): string {
  for (let dir = new URL("./", import.meta.url); ; dir = new URL("../", dir)) {
    const file = new URL(`node_modules/${pkg}/package.json`, dir);
    if (existsSync(file)) return (JSON.parse(readFileSync(file, "utf8")) as { version: string }).version;
    if (dir.pathname === "/") throw new Error(`${pkg} is not installed`);
  }
}

export const percent = (r: number) => `${r >= 0 ? "+" : "−"}${Math.abs(r * 100).toFixed(0)}%`;
export const ratio = (r: number) => (r >= 100 ? r.toFixed(0) : r >= 10 ? r.toFixed(1) : r.toFixed(2)) + "×";
export function duration(ms: number): string {
  if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`;
  if (ms >= 1) return `${ms.toFixed(2)} ms`;
  if (ms >= 1e-3) return `${(ms * 1e3).toFixed(2)} µs`;
  return `${(ms * 1e6).toFixed(1)} ns`;
}
