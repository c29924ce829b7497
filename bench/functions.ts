// The benchmark's functions as a user writes them: plain TypeScript over
// numbers and Float64Arrays, marked @differentiable and compiled by the
// dualts transform (tspc with the plugin, see bench/tsconfig.json). The
// transform leaves each function as written — that is the primal the
// benchmark measures — and generates its JVP, chunk-mode JVP and generic form.

/**
 * The lecture's binary cross-entropy of σ(w0 + w1·x):
 * L = −1/N Σ [yᵢ log f(xᵢ) + (1 − yᵢ) log(1 − f(xᵢ))].
 * @differentiable wrt(w0, w1)
 */
export function bce(w0: number, w1: number, xs: Float64Array, ys: Float64Array): number {
  let total = 0;
  for (let i = 0; i < xs.length; i++) {
    const p = 1 / (1 + Math.exp(-(w0 + w1 * xs[i])));
    total += ys[i] * Math.log(p) + (1 - ys[i]) * Math.log(1 - p);
  }
  return -total / xs.length;
}

/**
 * The lecture's graph w0 + 3·w1² + 5·w2³.
 * @differentiable
 */
export function polynomial(w0: number, w1: number, w2: number): number {
  return w0 + 3 * w1 ** 2 + 5 * w2 ** 3;
}

/**
 * Σ 100·(xᵢ₊₁ − xᵢ²)² + (1 − xᵢ)².
 * @differentiable
 */
export function rosenbrock(x: Float64Array): number {
  let sum = 0;
  for (let i = 0; i + 1 < x.length; i++) {
    const a = x[i + 1] - x[i] * x[i];
    const b = 1 - x[i];
    sum += 100 * a * a + b * b;
  }
  return sum;
}

/**
 * −20·exp(−0.2·√(Σx²/n)) − exp(Σcos(2πx)/n) + 20 + e.
 * @differentiable
 */
export function ackley(x: Float64Array): number {
  let squares = 0;
  let cosines = 0;
  for (let i = 0; i < x.length; i++) {
    squares += x[i] * x[i];
    cosines += Math.cos(2 * Math.PI * x[i]);
  }
  const n = x.length;
  return -20 * Math.exp(-0.2 * Math.sqrt(squares / n)) - Math.exp(cosines / n) + 20 + Math.E;
}

// ── A small neural network ──────────────────────────────────────────────────
// D inputs → H1 tanh units → H2 tanh units → one linear output, mean squared
// error over a batch. All weights live in one Float64Array, layer by layer:
// W1 (H1×D), b1 (H1), W2 (H2×H1), b2 (H2), w3 (H2), b3.

export const D = 4;
export const H1 = 16;
export const H2 = 8;
export const W1 = 0;
export const B1 = W1 + H1 * D;
export const W2 = B1 + H1;
export const B2 = W2 + H2 * H1;
export const W3 = B2 + H2;
export const B3 = W3 + H2;
export const parameterCount = B3 + 1;

/**
 * Mean squared error of the network on X (one row of D inputs per sample) against Y.
 * @differentiable wrt(p)
 */
export function mlpLoss(p: Float64Array, X: Float64Array, Y: Float64Array): number {
  const h1 = new Float64Array(H1);
  const h2 = new Float64Array(H2);
  let total = 0;
  for (let s = 0; s < Y.length; s++) {
    for (let j = 0; j < H1; j++) {
      let a = p[B1 + j];
      for (let k = 0; k < D; k++) a += p[W1 + j * D + k] * X[s * D + k];
      h1[j] = Math.tanh(a);
    }
    for (let j = 0; j < H2; j++) {
      let a = p[B2 + j];
      for (let k = 0; k < H1; k++) a += p[W2 + j * H1 + k] * h1[k];
      h2[j] = Math.tanh(a);
    }
    let out = p[B3];
    for (let k = 0; k < H2; k++) out += p[W3 + k] * h2[k];
    const e = out - Y[s];
    total += e * e;
  }
  return total / Y.length;
}

// ── Jacobians ───────────────────────────────────────────────────────────────

/**
 * Ackley's two sums, Σ xᵢ² and Σ cos(2π·xᵢ), as two outputs: a wide Jacobian (2 × n).
 * @differentiable
 */
export function ackleySums(x: Float64Array): number[] {
  let squares = 0;
  let cosines = 0;
  for (let i = 0; i < x.length; i++) {
    squares += x[i] * x[i];
    cosines += Math.cos(2 * Math.PI * x[i]);
  }
  return [squares, cosines];
}

/**
 * The residuals a·exp(−b·tᵢ) + c − yᵢ of an exponential fit to (tᵢ, yᵢ): a tall Jacobian (m × 3),
 * as least squares' Gauss–Newton and Levenberg–Marquardt steps need.
 * @differentiable wrt(a, b, c)
 */
export function fitResiduals(a: number, b: number, c: number, ts: Float64Array, ys: Float64Array): number[] {
  const residuals: number[] = [];
  for (let i = 0; i < ts.length; i++) residuals.push(a * Math.exp(-b * ts[i]) + c - ys[i]);
  return residuals;
}
