// The corpus of standard AD test functions (test/support/corpus.ts) written
// as a user writes them: plain TypeScript with operators, Math functions,
// loops, branches and arrays, marked differentiable and compiled by the
// transform. Closed-form derivatives live beside the test that holds these
// to them (test/support/corpus-plain.closed.ts, test/corpus-plain.test.ts).
//
// A transform diagnostic or a syntax error in generated code fails a whole
// module, so the corpus functions that currently trip one live in modules of
// their own (corpus-plain-*.ts, each saying why), which the test imports lazily:
// their tests fail without taking this module's down with them.

import { differentiable } from "../../src/index.js";

// ---------------------------------------------------------------- scalar → scalar

/** @differentiable */
export function xSinX(x: number): number {
  return x * Math.sin(x);
}

/** @differentiable */
export function gaussian(x: number): number {
  return Math.exp(-x * x);
}

/** @differentiable */
export function logOverX(x: number): number {
  return Math.log(1 + x * x) / x;
}

/** @differentiable */
export function tanhCubed(x: number): number {
  return Math.tanh(x) ** 3;
}

/** @differentiable */
export function sqrtQuartic(x: number): number {
  return Math.sqrt(1 + x ** 4);
}

/**
 * xⁿ by repeated multiplication, recursively; n is a count, not differentiated.
 * @differentiable wrt(x)
 */
export function power(x: number, n: number): number {
  if (n <= 0) return 1;
  return x * power(x, n - 1);
}

/**
 * A piecewise function with a ternary and a branch on the input.
 * @differentiable
 */
export function piecewise(x: number): number {
  const s = x < 0 ? x * x : Math.sin(x);
  if (x > 1) {
    return s * Math.exp(1 - x);
  }
  return s + x / 2;
}

// ---------------------------------------------------------------- vector → scalar

/**
 * Σ 100·(x[i+1] − x[i]²)² + (1 − x[i])²
 * @differentiable
 */
export function rosenbrock(x: number[]): number {
  let sum = 0;
  for (let i = 0; i + 1 < x.length; i++) {
    const a = x[i + 1] - x[i] * x[i];
    const b = 1 - x[i];
    sum += 100 * a * a + b * b;
  }
  return sum;
}

/**
 * a · b, an array against a Float64Array.
 * @differentiable
 */
export function dot(a: number[], b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

/**
 * Σ wᵢ·xᵢ² with the weights as data (not differentiated).
 * @differentiable wrt(x)
 */
export function weightedSumOfSquares(x: number[], w: number[]): number {
  let s = 0;
  let i = 0;
  while (i < x.length) {
    s += w[i] * x[i] ** 2;
    i += 1;
  }
  return s;
}

// ---------------------------------------------------------------- vector → vector

/**
 * y[i] = Σ_{j ≤ i} x[j]·x[i], written in place into a local array.
 * @differentiable
 */
export function prefixProducts(x: number[]): number[] {
  const n = x.length;
  const y = new Array(n).fill(0);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      y[i] += x[j] * x[i];
    }
  }
  return y;
}

/**
 * A running sum of exp(x) in a Float64Array, copied out with push.
 * @differentiable
 */
export function cumulativeExp(x: Float64Array): number[] {
  const n = x.length;
  const acc = new Float64Array(n);
  let running = 0;
  for (let i = 0; i < n; i++) {
    running += Math.exp(x[i]);
    acc[i] = running;
  }
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push(acc[i] / (i + 1));
  return out;
}

/**
 * Polar to Cartesian, pairwise: [r0 cos t0, r0 sin t0, r1 cos t1, …], built with push.
 * @differentiable
 */
export function polarPairs(r: number[], theta: number[]): number[] {
  const out: number[] = [];
  for (let i = 0; i < r.length; i++) {
    out.push(r[i] * Math.cos(theta[i]), r[i] * Math.sin(theta[i]));
  }
  return out;
}

/**
 * The corpus's twist: a vector of three from two scalars, returned as a literal.
 * @differentiable
 */
export function twist(r: number, theta: number): number[] {
  return [r * Math.cos(theta), r * Math.sin(theta), r * r];
}

// ---------------------------------------------------------------- calls between differentiable functions

/** @differentiable */
export function sigmoid(t: number): number {
  return 1 / (1 + Math.exp(-t));
}

/** @differentiable */
export function sumOfSquares(v: number[]): number {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i] * v[i];
  return s;
}

/**
 * Logistic regression's mean squared error: calls sigmoid per point and sumOfSquares on the residuals.
 * @differentiable wrt(w0, w1)
 */
export function logisticSquaredError(w0: number, w1: number, xs: Float64Array, ys: Float64Array): number {
  const residuals: number[] = [];
  for (let i = 0; i < xs.length; i++) {
    residuals.push(sigmoid(w0 + w1 * xs[i]) - ys[i]);
  }
  return sumOfSquares(residuals) / xs.length;
}

// ---------------------------------------------------------------- differentiable(…) expressions

export const bump = differentiable((x: number, y: number) => Math.sqrt(x * x + y * y + 1) + x * Math.exp(-y));

export const softplusSum = differentiable(function (x: number[], scale: number) {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += Math.log(1 + Math.exp(scale * x[i]));
  return s / scale;
});

/** x⁵ through the recursive power: an arrow calling a declaration of the same file. */
export const power5 = differentiable((x: number) => power(x, 5));

/**
 * A declaration that calls a differentiable(…) arrow of the same file.
 * @differentiable
 */
export function bumpTwice(x: number): number {
  return bump(x, 2 * x) * x;
}

// ---------------------------------------------------------------- methods

export class Model {
  constructor(readonly stiffness: number) {}

  /** ½·k·x² + cos x: a method reading a field of the instance. */
  @differentiable
  energy(x: number): number {
    return 0.5 * this.stiffness * x * x + Math.cos(x);
  }

  /** Two coupled coordinates: every parameter of a method is differentiated by default. */
  @differentiable
  coupling(x: number, y: number): number {
    const d = x - y;
    return this.stiffness * d * d + Math.sin(x * y);
  }
}
