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
// Contenders that last up to seconds a call (whole optimiser runs) are timed
// by interleaved: a few rounds within a time budget, every contender once a
// round, medians and round-by-round ratios from the same rounds.

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

/** What interleaved measured: each contender's median time per call (ms), and the ratio of two of them measured round by round. */
export interface Interleaved {
  readonly medians: readonly number[];
  readonly rounds: number;
  /** The median over rounds of contender `slow`'s time over contender `base`'s in the same round. */
  ratio(slow: number, base: number): number;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/**
 * Times contenders whose one call lasts anywhere from microseconds to seconds (whole optimiser runs),
 * interleaved: in each round every contender runs one batch (calls enough to last `batchMs`, at
 * least one), in an order reversed every other round, until `budgetMs` is spent — at least
 * `minRounds` rounds, at most `maxRounds`. The first call of each is a warm-up, not counted. Load
 * that comes and goes falls on every contender of a round alike, and the ratios are taken round by
 * round, as in pairedRatio.
 */
export function interleaved(runs: readonly (() => unknown)[], options: { budgetMs: number; minRounds: number; maxRounds: number; batchMs?: number }): Interleaved {
  const calls = runs.map((run) => callsFor(run, options.batchMs ?? 1));
  const times: number[][] = runs.map(() => []);
  const start = performance.now();
  let rounds = 0;
  while (rounds < options.maxRounds && (rounds < options.minRounds || performance.now() - start < options.budgetMs)) {
    const order = runs.map((_, i) => (rounds % 2 === 0 ? i : runs.length - 1 - i));
    for (const i of order) times[i].push(timeBatch(runs[i], calls[i]));
    rounds++;
  }
  return {
    medians: times.map(median),
    rounds,
    ratio: (slow, base) => median(times[slow].map((t, r) => t / times[base][r])),
  };
}
