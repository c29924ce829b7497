// What the transform costs at build time: each project compiled by plain tsc,
// by tspc without the dualts plugin, and by tspc with it (its own tsconfig),
// in interleaved rounds, each a fresh process emitting into a temporary
// folder. Each run is measured by its CPU time (user + system, reported by
// the compiler process itself as it exits), which other processes on the
// machine disturb far less than wall time; wall time is kept beside it. The
// transform's share is tspc with the plugin against tspc without it (same
// compiler, same patching); tsc is shown for reference.

import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(fileURLToPath(new URL("../..", import.meta.url)));
const tsc = join(root, "node_modules/typescript/bin/tsc");
const tspc = join(root, "node_modules/ts-patch/bin/tspc.js");

export interface Timed {
  /** CPU time of the compiler process, ms (median of the rounds). */
  readonly cpuMs: number;
  /** Wall time, ms (median of the rounds). */
  readonly wallMs: number;
}

export interface BuildTime {
  readonly project: string;
  readonly files: number;
  readonly rounds: number;
  readonly tsc: Timed;
  readonly tspcPlain: Timed;
  readonly tspc: Timed;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Preloaded into each compiler process: writes its CPU time (ms) to $DUALTS_CPU_FILE on exit. */
const cpuReporter = `process.on("exit", () => {
  const { user, system } = process.cpuUsage();
  require("node:fs").writeFileSync(process.env.DUALTS_CPU_FILE, String((user + system) / 1000));
});
`;

/** One compiler run; throws with its output if it fails. */
function compile(compiler: string, config: string, outDir: string, scratch: string): { cpu: number; wall: number } {
  const reporter = join(scratch, "cpu-reporter.cjs");
  const cpuFile = join(scratch, "cpu.txt");
  if (!existsSync(reporter)) writeFileSync(reporter, cpuReporter);
  const start = performance.now();
  const run = spawnSync(process.execPath, ["--require", reporter, compiler, "-p", config, "--outDir", outDir, "--pretty", "false"], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, DUALTS_CPU_FILE: cpuFile },
  });
  const wall = performance.now() - start;
  if (run.status !== 0) throw new Error(`${compiler} -p ${config} failed:\n${run.stdout}${run.stderr}`);
  return { cpu: Number(readFileSync(cpuFile, "utf8")), wall };
}

/** True when some emitted .js file carries generated derivative code. */
function transformed(dir: string): boolean {
  const files = readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".js"));
  return files.some((f) => readFileSync(join(dir, f), "utf8").includes('Symbol.for("dualts.derivative")'));
}

function measureProject(project: string, rounds: number, scratch: string): BuildTime {
  const config = join(root, project, "tsconfig.json");
  // Inside the repository (dist/, ignored by git), so that type packages resolve from node_modules as for the original.
  const plainConfig = join(root, "dist/bench", `${project}.no-transform.tsconfig.json`);
  writeFileSync(plainConfig, JSON.stringify({ extends: config, compilerOptions: { plugins: [] } }));
  const variants = [
    ["tsc", tsc, config],
    ["plain", tspc, plainConfig],
    ["transform", tspc, config],
  ] as const;
  const runs = new Map<string, { cpu: number; wall: number }[]>(variants.map(([name]) => [name, []]));
  for (let round = 0; round < rounds; round++) {
    for (const [name, compiler, cfg] of variants) runs.get(name)!.push(compile(compiler, cfg, join(scratch, `${project}-${name}`), scratch));
  }
  if (!transformed(join(scratch, `${project}-transform`)) || transformed(join(scratch, `${project}-plain`))) {
    throw new Error(`${project}: expected generated code from tspc with the plugin only`);
  }
  const timed = (name: string): Timed => ({ cpuMs: median(runs.get(name)!.map((r) => r.cpu)), wallMs: median(runs.get(name)!.map((r) => r.wall)) });
  const files = readdirSync(join(scratch, `${project}-tsc`), { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".js")).length;
  return { project, files, rounds, tsc: timed("tsc"), tspcPlain: timed("plain"), tspc: timed("transform") };
}

/** examples/ when it is a tspc project with the dualts plugin, else bench/ (or both when BENCH_BUILDS=all). */
export function measureBuildTimes(rounds = 3): BuildTime[] {
  const scratch = mkdtempSync(join(tmpdir(), "dualts-bench-build-"));
  try {
    const examples = join(root, "examples/tsconfig.json");
    const examplesReady = existsSync(examples) && readFileSync(examples, "utf8").includes("transformer");
    const projects = process.env.BENCH_BUILDS === "all" ? ["examples", "bench"] : examplesReady ? ["examples"] : ["bench"];
    return projects.map((p) => measureProject(p, rounds, scratch));
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
