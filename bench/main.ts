// `npm run bench`: every case's contenders checked against the hand-written
// derivative, then timed with tinybench in this one process; the build-time
// comparison; the targets' ratios once more, measured in pairs; the
// optimisers of dualts/optimize against fmin and ml-levenberg-marquardt
// (optimize.ts); then bench/RESULTS.md and the figure bench/gradient-cost.svg.
//
// Knobs, for a quicker or a steadier run: BENCH_TIME=ms, the time budget
// per contender and round (default 80); BENCH_ROUNDS, the rounds (default
// 5: more, shorter rounds, so that a burst of other load decides fewer
// figures); BENCH_ONLY=id,id, only the named cases (and no build timing;
// the id "optimize" names the optimisation bench, which otherwise runs only
// without BENCH_ONLY); BENCH_BUILDS=all, time the build of bench/ as well as
// examples/.

import { loadavg } from "node:os";
import { buildCases, type Case, type Kind } from "./cases.js";
import { measureBuildTimes } from "./build-time.js";
import { measure, pairedRatio, type Timing } from "./harness.js";
import { writeReport } from "./report.js";
import { runOptimize, type OptimizeRun } from "./optimize.js";
import { loadProblems } from "./optimize-problems.js";

const started = performance.now();
const loadAtStart = loadavg()[0];
const time = Number(process.env.BENCH_TIME ?? 80);
const rounds = Number(process.env.BENCH_ROUNDS ?? 5);
const only = process.env.BENCH_ONLY?.split(",");

/** Every derivative against the hand-written one; a disagreement stops the run. */
function verify(c: Case): void {
  const ref = Array.from(c.reference);
  const scale = Math.max(...ref.map(Math.abs), 1e-300);
  for (const entry of c.entries) {
    if (!entry.derivative) continue;
    const got = Array.from(entry.derivative());
    const [rtol, atol] = entry.float32 ? [2e-3, 2e-4 * scale] : [1e-8, 1e-10 * scale];
    const bad = got.length !== ref.length ? 0 : got.findIndex((g, i) => !(Math.abs(g - ref[i]) <= atol + rtol * Math.abs(ref[i])));
    if (got.length !== ref.length || bad >= 0) {
      throw new Error(
        `${c.title} / ${entry.name}: derivative disagrees with the hand-written one` + (bad >= 0 ? ` at entry ${bad}: ${got[bad]} vs ${ref[bad]}` : `: ${got.length} entries, expected ${ref.length}`),
      );
    }
  }
}

const { cases: all, peerInfo, symbolicMs } = await buildCases();
const cases = only ? all.filter((c) => only.includes(c.id)) : all;
for (const c of cases) verify(c);
console.log(`All ${cases.reduce((s, c) => s + c.entries.filter((e) => e.derivative).length, 0)} derivatives agree with the hand-written ones.\n`);

const results: { case: Case; timings: Timing[] }[] = [];
for (const c of cases) {
  const timings = measure(c.title, c.entries, { time, warmupTime: Math.min(100, time), iterations: 5, rounds });
  results.push({ case: c, timings });
  const primal = timings[0].medianMs;
  console.log(c.title);
  for (const t of timings) console.log(`  ${t.name.padEnd(62)} ${(t.medianMs * 1000).toFixed(2).padStart(12)} µs ${(t.medianMs / primal).toFixed(2).padStart(10)} × primal`);
  console.log();
}

// The targets' ratios, measured in pairs (harness.ts's pairedRatio): "case:slow/base" → slow's time over base's.
const targetPairs: [string, Kind, Kind][] = [
  ["bce", "primal", "grad"],
  ["bce", "primal", "jvp"],
  ["bce", "grad", "tfjs"],
  ["bce", "primal", "chunked"],
  ["bce", "chunked", "tfjs"],
  ["rosenbrock-100", "primal", "grad"],
  ...cases
    .filter((c) => c.entries.some((e) => e.kind === "grad1"))
    .flatMap((c): [string, Kind, Kind][] => [
      [c.id, "grad1", "dual1"],
      [c.id, "grad1", "minimal"],
      [c.id, "grad", "runtime"],
      [c.id, "minimal", "dual1"],
      [c.id, "primal", "planned"],
      [c.id, "grad", "planned"],
    ]),
  // jacobian(f) as it is against both modes, compiled and over the runtime's operations.
  ...cases
    .filter((c) => c.entries.some((e) => e.kind === "asIs"))
    .flatMap((c): [string, Kind, Kind][] => [
      [c.id, "forward", "asIs"],
      [c.id, "reverse", "asIs"],
      [c.id, "runtimeForward", "runtime"],
      [c.id, "runtimeReverse", "runtime"],
    ]),
];
const paired: Record<string, number> = {};
for (const [id, base, slow] of targetPairs) {
  const entries = cases.find((c) => c.id === id)?.entries;
  const [b, s] = [base, slow].map((kind) => entries?.find((e) => e.kind === kind));
  if (b && s) paired[`${id}:${slow}/${base}`] = pairedRatio(b.run, s.run);
}
console.log("Paired ratios for the targets:", paired, "\n");

let optimize: OptimizeRun | undefined;
if (!only || only.includes("optimize")) {
  console.log("dualts/optimize against fmin and ml-levenberg-marquardt:");
  const { problems, fitProblems } = await loadProblems();
  optimize = runOptimize(problems, fitProblems, { budgetMs: 15 * time });
  console.log();
}

const builds = only ? [] : measureBuildTimes();
const file = await writeReport({ results, paired, builds, peerInfo, symbolicMs, seconds: (performance.now() - started) / 1000, rounds, load: [loadAtStart, loadavg()[0]], optimize });
console.log(`Wrote ${file} in ${((performance.now() - started) / 1000).toFixed(0)} s.`);
