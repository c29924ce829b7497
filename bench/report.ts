// bench/RESULTS.md and the figure bench/gradient-cost.svg from one run's
// timings: the machine, every figure as a ratio to that case's primal (or to
// another contender of the same run), the targets met or missed, and
// the build-time comparison. The SVG is a Vega-Lite chart rendered in Node
// (renderer "none" + toSVG), as examples/lib/figures.ts does.

import { writeFileSync } from "node:fs";
import { arch, cpus, platform, release } from "node:os";
import { fileURLToPath } from "node:url";
import * as vega from "vega";
import { compile, type TopLevelSpec } from "vega-lite";
import type { BuildTime } from "./build-time.js";
import type { Case, Kind } from "./cases.js";
import type { Timing } from "./harness.js";
import { duration, percent, ratio, version } from "./format.js";
import { optimizeSection } from "./optimize-report.js";
import type { OptimizeRun } from "./optimize.js";

export interface Run {
  readonly results: readonly { case: Case; timings: Timing[] }[];
  /** The targets' ratios measured in pairs: "case:slow/base" → slow's time over base's. */
  readonly paired: Readonly<Record<string, number>>;
  readonly builds: readonly BuildTime[];
  readonly peerInfo: string;
  readonly symbolicMs: Record<string, number>;
  readonly seconds: number;
  readonly rounds: number;
  /** The 1-minute load average at the start and at the end of the run. */
  readonly load: readonly [number, number];
  /** dualts/optimize against fmin and ml-levenberg-marquardt (optimize.ts), unless BENCH_ONLY left it out. */
  readonly optimize?: OptimizeRun;
}

const benchDir = fileURLToPath(new URL("../../bench/", import.meta.url));

/** Median time of a case's contender of the given kind. */
function time(run: Run, id: string, kind: Kind): number {
  const r = run.results.find((x) => x.case.id === id);
  const i = r?.case.entries.findIndex((e) => e.kind === kind) ?? -1;
  return r && i >= 0 ? r.timings[i].medianMs : NaN;
}
const vsPrimal = (run: Run, id: string, kind: Kind) => time(run, id, kind) / time(run, id, "primal");
/** slow's time over base's for a target: measured in pairs where the run did, else from the two medians. */
const targetRatio = (run: Run, id: string, slow: Kind, base: Kind) => run.paired[`${id}:${slow}/${base}`] ?? time(run, id, slow) / time(run, id, base);

const gradientCases = (run: Run) => run.results.filter((r) => r.case.entries.some((e) => e.kind === "grad1"));
const jacobianCases = (run: Run) => run.results.filter((r) => r.case.entries.some((e) => e.kind === "asIs"));
const rosenbrock = (run: Run) => run.results.filter((r) => r.case.id.startsWith("rosenbrock-"));

/** slow's time over base's in every gradient case, and the cases with the lowest and the highest ratio. */
function ratioRange(run: Run, slow: Kind, base: Kind) {
  const all = gradientCases(run).map((r) => ({ id: r.case.id, title: r.case.title, like: targetRatio(run, r.case.id, slow, base) }));
  const low = all.reduce((a, b) => (b.like < a.like ? b : a));
  const high = all.reduce((a, b) => (b.like > a.like ? b : a));
  return { all, low, high, text: `${ratio(low.like)} (${low.title}) to ${ratio(high.like)} (${high.title})` };
}

interface Target {
  readonly text: string;
  readonly measured: string;
  readonly met: boolean;
}

function targets(run: Run): Target[] {
  const out: Target[] = [];
  const ran = (id: string) => run.results.some((r) => r.case.id === id);
  if (!ran("bce") || !ran("rosenbrock-100")) return out; // a partial run (BENCH_ONLY) judges no targets
  const bceGrad = targetRatio(run, "bce", "grad", "primal");
  const bceChunked = targetRatio(run, "bce", "chunked", "primal");
  out.push({
    text: "BCE (N = 10,000): generated gradient ≤ 1.5× primal",
    measured: `${ratio(bceGrad)}, grad(f) as it is: the gradient form (the chunk-mode JVP, which computes the value too: ${ratio(bceChunked)})`,
    met: bceGrad <= 1.5,
  });
  const bceJvp = targetRatio(run, "bce", "jvp", "primal");
  out.push({ text: "BCE: one generated JVP ≤ 1.3× primal", measured: ratio(bceJvp), met: bceJvp <= 1.3 });
  const tf = targetRatio(run, "bce", "tfjs", "grad");
  const tfChunked = targetRatio(run, "bce", "tfjs", "chunked");
  out.push({
    text: "BCE: generated gradient ≥ 20× faster than TF.js tf.grads",
    measured: `${ratio(tf)} faster, grad(f) as it is (the chunk-mode JVP, with the value: ${ratio(tfChunked)} faster)`,
    met: tf >= 20,
  });
  const r100 = targetRatio(run, "rosenbrock-100", "grad", "primal");
  const others = (
    [
      ["chunked", "forward chunked"],
      ["grad1", "forward, chunk 1"],
      ["tape", "runtime tape"],
    ] as const
  ).map(([k, label]) => `${label} ${ratio(vsPrimal(run, "rosenbrock-100", k))}`);
  out.push({
    text: "Rosenbrock n = 100: gradient ≤ 150× primal (1 + 1.5·n)",
    measured: `${ratio(r100)}, grad(f) as it is: the generated reverse mode (${others.join(", ")})`,
    met: r100 <= 150,
  });
  const duals = ratioRange(run, "dual1", "grad1");
  out.push({
    text: "Dual runtime within 3× of the generated code (gradient, one tangent per pass on both sides; every gradient case)",
    measured:
      `BCE ${ratio(duals.all.find((d) => d.id === "bce")!.like)}; from ${duals.text}; with both at grad(f)'s default, from ${ratioRange(run, "runtime", "grad").text}. ` +
      `The textbook Dual (bench/minimal-dual.ts: value and tangent only), measured like the Duals: from ${ratioRange(run, "minimal", "grad1").text}`,
    met: duals.all.every((d) => d.like <= 3),
  });
  // Issue 16: the per-call overhead of a plan, and the Dual runtime against the textbook Dual.
  const planned = (id: string) => targetRatio(run, id, "planned", "primal");
  const asBefore = gradientCases(run).map((r) => ({ title: r.case.title, like: targetRatio(run, r.case.id, "planned", "grad") }));
  const slowest = asBefore.reduce((a, b) => (b.like > a.like ? b : a));
  out.push({
    text: "Rosenbrock n = 2: grad(f) ≤ 4× primal (made once, then called)",
    measured: `${ratio(planned("rosenbrock-2"))} (grad(f) made per call: ${ratio(targetRatio(run, "rosenbrock-2", "grad", "primal"))}; hand-written ${ratio(vsPrimal(run, "rosenbrock-2", "analytic"))}; the chunk-mode JVP alone, no API: ${ratio(vsPrimal(run, "rosenbrock-2", "raw"))})`,
    met: planned("rosenbrock-2") <= 4,
  });
  out.push({
    text: "Lecture polynomial: grad(f) ≤ 2× primal (made once, then called)",
    measured: `${ratio(planned("polynomial"))} (grad(f) made per call: ${ratio(targetRatio(run, "polynomial", "grad", "primal"))}; hand-written ${ratio(vsPrimal(run, "polynomial", "analytic"))})`,
    met: planned("polynomial") <= 2,
  });
  out.push({
    text: "grad(f) made once no slower than made per call, in every gradient case",
    measured: `at most ${ratio(slowest.like)} of it (${slowest.title})`,
    met: slowest.like <= 1.05,
  });
  const textbook = ratioRange(run, "dual1", "minimal");
  out.push({
    text: "dualts' Duals within 1.3× of the textbook Dual (bench/minimal-dual.ts), one tangent per pass, every gradient case",
    measured: `from ${textbook.text}`,
    met: textbook.all.every((d) => d.like <= 1.3),
  });
  for (const b of run.builds) {
    const added = b.tspc.cpuMs / b.tspcPlain.cpuMs - 1;
    out.push({
      text: `tspc build of ${b.project}/: the transform adds ≤ 25% (CPU time)`,
      measured: `${percent(added)} (tspc ${duration(b.tspc.cpuMs)} vs ${duration(b.tspcPlain.cpuMs)} without the plugin; tsc ${duration(b.tsc.cpuMs)})`,
      met: added <= 0.25,
    });
  }
  return out;
}

function caseTable(r: { case: Case; timings: Timing[] }): string {
  const primal = r.timings[0].medianMs;
  const rows = r.timings.map((t) => `| ${t.name} | ${ratio(t.medianMs / primal)} | ${duration(t.medianMs)} | ±${t.rme.toFixed(1)}% | ${t.note ?? ""} |`);
  return [`### ${r.case.title}`, "", "| contender | × primal | median | rme | note |", "|---|--:|--:|--:|---|", ...rows].join("\n");
}

const routes: [Kind, string][] = [
  ["grad1", "forward, one tangent per pass"],
  ["chunked", "forward, chunked"],
  ["record", "generated reverse"],
  ["tape", "runtime tape"],
];

function growthTable(run: Run): string {
  const rows = rosenbrock(run).map(
    (r) =>
      `| ${r.case.inputs} | ${routes.map(([k]) => ratio(vsPrimal(run, r.case.id, k))).join(" | ")} | ${ratio(vsPrimal(run, r.case.id, "dual1"))} | ${ratio(vsPrimal(run, r.case.id, "dual"))} | ${ratio(vsPrimal(run, r.case.id, "runtime"))} | ${ratio(vsPrimal(run, r.case.id, "analytic"))} | ${ratio(1 + 1.5 * r.case.inputs)} |`,
  );
  return [
    "| n | " + routes.map(([, l]) => l).join(" | ") + " | Dual runtime, chunk 1 | Dual runtime, forward mode's default | runtime, grad(f) as it is | hand-written | 1 + 1.5·n |",
    "|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|",
    ...rows,
  ].join("\n");
}

async function writeFigure(run: Run): Promise<string> {
  const values = rosenbrock(run).flatMap((r) => [
    ...routes.map(([k, route]) => ({ n: r.case.inputs, route, ratio: vsPrimal(run, r.case.id, k) })),
    { n: r.case.inputs, route: "bound 1 + 1.5·n", ratio: 1 + 1.5 * r.case.inputs },
  ]);
  const spec: TopLevelSpec = {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: "Rosenbrock: gradient time / primal time against the number of inputs",
    width: 480,
    height: 320,
    data: { values },
    mark: { type: "line", point: true },
    encoding: {
      x: { field: "n", type: "quantitative", scale: { type: "log" }, title: "inputs n" },
      y: { field: "ratio", type: "quantitative", scale: { type: "log" }, title: "× primal" },
      color: {
        field: "route",
        type: "nominal",
        title: null,
        legend: { labelLimit: 320, orient: "bottom", columns: 2 },
        scale: { domain: [...routes.map(([, route]) => route), "bound 1 + 1.5·n"], range: ["#d62728", "#ff7f0e", "#2ca02c", "#1f77b4", "#999999"] },
      },
      strokeDash: { condition: { test: "datum.route === 'bound 1 + 1.5·n'", value: [4, 4] }, value: [1, 0] },
    },
  };
  const view = new vega.View(vega.parse(compile(spec).spec), { renderer: "none" });
  const svg = await view.toSVG();
  view.finalize();
  writeFileSync(benchDir + "gradient-cost.svg", svg);
  return "gradient-cost.svg";
}

export async function writeReport(run: Run): Promise<string> {
  const figure = await writeFigure(run);
  const cpu = cpus();
  const t = targets(run);
  const lines = [
    "# Benchmark results",
    "",
    `Written by \`npm run bench\` (bench/main.ts) on ${new Date().toISOString().slice(0, 10)}; the run took ${run.seconds.toFixed(0)} s. Do not edit: run it again.`,
    "",
    `- Machine: ${cpu[0]?.model.trim() ?? "unknown CPU"}, ${cpu.length} cores, ${platform()} ${release()} ${arch()}`,
    `- Load average (1 min) ${run.load[0].toFixed(1)} at the start and ${run.load[1].toFixed(1)} at the end of the run, on ${cpu.length} cores${run.load[0] > cpu.length / 2 || run.load[1] > cpu.length / 2 ? ": other processes were busy, so the figures are noisier than on an idle machine" : ""}`,
    `- Node ${process.version} (V8 ${process.versions.v8}); tinybench ${version("tinybench")}; ${run.peerInfo}; mathjs ${version("mathjs")}`,
    "- Every figure is a ratio of two medians measured in this one run and process: a contender's time over the same case's primal (the untransformed function), unless the row says otherwise.",
    `- Times per call are tinybench medians. Each case ran in ${run.rounds} round(s), the contenders' order reversed every other round, and each contender's figure is its lowest round median. Calls shorter than 0.1 ms are timed in batches.`,
    "- Every derivative was checked against the hand-written one before timing (float64: 1e-8 relative; TF.js computes in float32: 2e-3).",
    "",
    "## Targets (issues 6 and 16)",
    "",
    `${t.filter((x) => x.met).length} of ${t.length} met. The targets' ratios are measured in pairs (bench/harness.ts's pairedRatio): the two contenders timed back to back in 41 short rounds, the figure the median of the rounds' ratios, so that load which comes and goes on a shared machine falls on both sides of a ratio alike. The tables below are tinybench medians taken one contender at a time, and their ratios can differ from these.`,
    "",
    "| target | measured | |",
    "|---|---|---|",
    ...t.map((x) => `| ${x.text} | ${x.measured} | ${x.met ? "met" : "**missed**"} |`),
    "",
    "The runtime against the generated code, per case (the runtime's time over the generated code's, both measured in pairs like the targets): Duals against the generated JVP, one tangent per pass on both sides; the textbook Dual of bench/minimal-dual.ts (a value and a tangent, nothing else: no tags, lanes, tape variables or NaN rules) measured the same way, as a yardstick for what any Dual costs on this engine; and grad(f) as it is on both sides, where the runtime takes its tape from 4 inputs on and the generated code its reverse mode from 13:",
    "",
    "| case | Duals, both one tangent per pass (chunk 1) | textbook Dual, the same way | both grad(f) as it is |",
    "|---|--:|--:|--:|",
    ...gradientCases(run).map(
      (r) =>
        `| ${r.case.title} | ${ratio(targetRatio(run, r.case.id, "dual1", "grad1"))} | ${ratio(targetRatio(run, r.case.id, "minimal", "grad1"))} | ${ratio(targetRatio(run, r.case.id, "runtime", "grad"))} |`,
    ),
    "",
    "## Gradient cost against the number of inputs",
    "",
    `Rosenbrock, × primal. Figure: [${figure}](${figure}) (generated by this run, not committed).`,
    "",
    growthTable(run),
    "",
    "## Jacobians: the mode jacobian(f) chooses",
    "",
    "jacobian(f) as it is against each mode (its time over the mode's, measured in pairs like the targets; below 1× it is faster). Without a mode it runs f once on plain numbers to count the outputs m, then takes reverse mode where m ≤ n (compiled) or m ≤ 2n (over the runtime's operations), else forward mode.",
    "",
    "| case | compiled: over forward | compiled: over reverse | runtime: over Duals | runtime: over its tape |",
    "|---|--:|--:|--:|--:|",
    ...jacobianCases(run).map(
      (r) =>
        `| ${r.case.title} | ${ratio(targetRatio(run, r.case.id, "asIs", "forward"))} | ${ratio(targetRatio(run, r.case.id, "asIs", "reverse"))} | ${ratio(targetRatio(run, r.case.id, "runtime", "runtimeForward"))} | ${ratio(targetRatio(run, r.case.id, "runtime", "runtimeReverse"))} |`,
    ),
    "",
    "## Cases",
    "",
    ...run.results.flatMap((r) => [caseTable(r), ""]),
    ...(run.optimize ? optimizeSection(run.optimize) : []),
    "## Build time",
    "",
    `Medians of ${run.builds[0]?.rounds ?? 0} interleaved runs per compiler, each a fresh process emitting into a temporary folder: CPU time (user + system, as the compiler process reports it on exit; other load on the machine disturbs it far less) and, in parentheses, wall time.`,
    "",
    "| project | .js files | tsc | tspc without the plugin | tspc with the dualts transform | transform's share (CPU) | tspc with the transform vs tsc (CPU) |",
    "|---|--:|--:|--:|--:|--:|--:|",
    ...run.builds.map((b) => {
      const t = (x: { cpuMs: number; wallMs: number }) => `${duration(x.cpuMs)} (${duration(x.wallMs)})`;
      return `| ${b.project}/ | ${b.files} | ${t(b.tsc)} | ${t(b.tspcPlain)} | ${t(b.tspc)} | ${percent(b.tspc.cpuMs / b.tspcPlain.cpuMs - 1)} | ${percent(b.tspc.cpuMs / b.tsc.cpuMs - 1)} |`;
    }),
    "",
    "## Notes",
    "",
    '- JVP: `jvp(f, args, tangents)` through the public API, one tangent; gradients: `grad(f, { chunk: 1 })` (one forward pass per input), `grad(f, { chunk: K })` (chunk mode, K ≤ 12 lanes per pass, balanced as grad balances them; the chunk-mode JVP computes the value too), `grad(f, { mode: "reverse" })` (the generated record form: one run recording onto a typed-array tape, one backward sweep; its twin that skips the value\'s logs where the function has one), `grad(f)` as it is (the gradient form where f has one — differentiated parameters at most 12 numbers: one pass, lanes unrolled, value-only work skipped —, else forward chunked up to 12 inputs, the generated reverse mode from 13), and the generic form on the runtime\'s reverse tape (`grad(f, { mode: "reverse" })` with the record form hidden). Runtime: the same function written over dualts\' operations (bench/runtime.ts): `grad` on Duals with `chunk: 1` (one tangent per pass) and with `mode: "forward"` (one tangent per pass below 16 inputs, lanes from 16), and `grad(f)` as it is (Duals up to 3 inputs, the runtime\'s tape from 4).',
    "- TF.js: `tf.grads`/`tf.grad` in production mode on the CPU backend (pure JavaScript, float32), vectorized over tensors; data tensors made once, parameters per call, gradients read with `dataSync()`.",
    `- mathjs: \`derivative\` of a closed-form expression, compiled once before timing (symbolic work: polynomial ${duration(run.symbolicMs.polynomial ?? NaN)}, Rosenbrock n = 2 ${duration(run.symbolicMs.rosenbrock2 ?? NaN)}, BCE summand ${duration(run.symbolicMs.bce ?? NaN)}); the BCE's summand is evaluated at each of the N points. It does not apply to loops over arrays (Ackley, n > 2, the network).`,
    "- For the tiny functions (polynomial, Rosenbrock n = 2) a call costs nanoseconds, and the ratios mostly measure the API's per-call work (selecting and seeding inputs), not differentiation.",
    "",
  ];
  const file = benchDir + "RESULTS.md";
  writeFileSync(file, lines.join("\n"));
  return file;
}
