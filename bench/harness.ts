// Timing with tinybench: one Bench per case and round, one task per
// contender, the median of the samples as the figure. Each case runs in
// `rounds` rounds, the contenders' order reversed every other round, and a
// contender's figure is its lowest round median: drift and other processes'
// bursts during one round do not decide a ratio. Calls shorter than the
// timer can resolve are batched: each sample times a batch of calls lasting
// at least BATCH_MS and records the mean per call (tinybench's
// overriddenDuration, with overriddenIterationCost so the time budget counts
// the whole batch).
//
// The targets' ratios are measured in pairs as well (pairedRatio): the two
// contenders timed back to back in many short rounds, so that load which
// comes and goes on a shared machine falls on both sides of a ratio alike.

import { Bench } from "tinybench";

export interface Contender {
  /** What the table calls it. */
  readonly name: string;
  /** One call of the thing measured. */
  readonly run: () => unknown;
  /** A remark for the table (what exactly runs, why a figure is missing). */
  readonly note?: string;
}

export interface Timing {
  readonly name: string;
  /** Median time per call, in milliseconds. */
  readonly medianMs: number;
  /** Relative margin of error of the mean, in percent (tinybench's rme). */
  readonly rme: number;
  readonly samples: number;
  readonly note?: string;
}

export interface HarnessOptions {
  /** Time budget per contender, ms (tinybench's time; also at least `iterations` samples). */
  readonly time: number;
  readonly warmupTime: number;
  readonly iterations: number;
  readonly rounds: number;
}

const BATCH_MS = 0.1;

/** Where results go so that no call can be optimized away. */
export let sink: unknown;

/** The time of one call in ms, estimated from the calls made in about 2 ms (at most 10,000). */
function timePerCall(run: () => unknown): number {
  let calls = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < 2 && calls < 10_000) {
    sink = run();
    calls++;
    elapsed = performance.now() - start;
  }
  return elapsed / calls;
}

/** Calls per batch so that one batch lasts at least `ms`. */
function callsFor(run: () => unknown, ms: number): number {
  return Math.max(1, Math.ceil(ms / timePerCall(run)));
}

/** Calls per sample: enough for one batch to last BATCH_MS. */
const batchSize = (run: () => unknown) => callsFor(run, BATCH_MS);

/** One round: every contender in the given order, one tinybench task each. */
function round(title: string, contenders: readonly Contender[], options: HarnessOptions): Timing[] {
  const bench = new Bench({
    name: title,
    time: options.time,
    warmupTime: options.warmupTime,
    iterations: options.iterations,
    warmupIterations: 2,
    throws: true,
  });
  for (const contender of contenders) {
    const run = contender.run;
    const calls = batchSize(run);
    bench.add(
      contender.name,
      () => {
        const start = bench.now();
        for (let i = 0; i < calls; i++) sink = run();
        const elapsed = bench.now() - start;
        return { overriddenDuration: elapsed / calls, overriddenIterationCost: elapsed };
      },
      { async: false },
    );
  }
  bench.runSync();
  return contenders.map((contender, i) => {
    const result = bench.tasks[i].result;
    if (result.state !== "completed") throw new Error(`${title} / ${contender.name}: ${result.state}`);
    return {
      name: contender.name,
      medianMs: result.latency.p50,
      rme: result.latency.rme,
      samples: result.latency.samplesCount,
      note: contender.note,
    };
  });
}

/** Times each contender in this process, in `rounds` rounds; each figure is the contender's lowest round median. */
export function measure(title: string, contenders: readonly Contender[], options: HarnessOptions): Timing[] {
  const best = new Map<string, Timing>();
  for (let r = 0; r < options.rounds; r++) {
    const order = r % 2 === 0 ? contenders : [...contenders].reverse();
    for (const t of round(title, order, options)) {
      const previous = best.get(t.name);
      const samples = t.samples + (previous?.samples ?? 0);
      best.set(t.name, previous && previous.medianMs <= t.medianMs ? { ...previous, samples } : { ...t, samples });
    }
  }
  return contenders.map((c) => best.get(c.name)!);
}

/** The time per call of a batch of `calls` calls, in ms. */
function timeBatch(run: () => unknown, calls: number): number {
  const start = performance.now();
  for (let i = 0; i < calls; i++) sink = run();
  return (performance.now() - start) / calls;
}

/**
 * How many times longer a call of `slow` takes than a call of `base`,
 * measured in pairs: in each of `rounds` rounds a batch of each (at least
 * `batchMs` long) runs back to back, in alternating order, and the figure is
 * the median of the rounds' ratios. Load that comes and goes on a shared
 * machine then falls on both sides of a pair alike.
 */
export function pairedRatio(base: () => unknown, slow: () => unknown, rounds = 41, batchMs = 2): number {
  const baseCalls = callsFor(base, batchMs);
  const slowCalls = callsFor(slow, batchMs);
  timeBatch(base, baseCalls);
  timeBatch(slow, slowCalls);
  const ratios: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const first = r % 2 === 0;
    const a = first ? timeBatch(base, baseCalls) : NaN;
    const b = timeBatch(slow, slowCalls);
    const c = first ? a : timeBatch(base, baseCalls);
    ratios.push(b / c);
  }
  ratios.sort((x, y) => x - y);
  return ratios[rounds >> 1];
}
