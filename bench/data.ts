// The benchmark's inputs: deterministic pseudo-random data (mulberry32), so
// every run measures the same work and the smoke test can rebuild it small.

import { D, parameterCount } from "./functions.js";

/** A seeded uniform generator on [0, 1). */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** N points xᵢ ∈ [−4, 4] with labels drawn from σ(0.5 + 1.5·x): the lecture's logistic regression. */
export function bceData(n: number, seed = 1): { xs: Float64Array; ys: Float64Array } {
  const u = random(seed);
  const xs = new Float64Array(n);
  const ys = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    xs[i] = 8 * u() - 4;
    ys[i] = u() < 1 / (1 + Math.exp(-(0.5 + 1.5 * xs[i]))) ? 1 : 0;
  }
  return { xs, ys };
}

/** A point in [lo, hi]ⁿ. */
export function point(n: number, lo: number, hi: number, seed = 2): Float64Array {
  const u = random(seed);
  return Float64Array.from({ length: n }, () => lo + (hi - lo) * u());
}

/** A batch of `samples` rows of D inputs, a smooth target, and small initial weights. */
export function mlpData(samples: number, seed = 3): { X: Float64Array; Y: Float64Array; p: Float64Array } {
  const u = random(seed);
  const X = Float64Array.from({ length: samples * D }, () => 2 * u() - 1);
  const Y = Float64Array.from({ length: samples }, (_, s) => Math.sin(X[s * D] + 2 * X[s * D + 1]) - X[s * D + 2] * X[s * D + 3]);
  const p = Float64Array.from({ length: parameterCount }, () => u() - 0.5);
  return { X, Y, p };
}

/** m samples tᵢ ∈ [0, 4] of 2·exp(−0.7·t) + 0.5 with a little noise: an exponential fit's data. */
export function fitData(m: number, seed = 4): { ts: Float64Array; ys: Float64Array } {
  const u = random(seed);
  const ts = Float64Array.from({ length: m }, (_, i) => (4 * i) / (m - 1));
  const ys = ts.map((t) => 2 * Math.exp(-0.7 * t) + 0.5 + 0.05 * (u() - 0.5));
  return { ts, ys };
}
