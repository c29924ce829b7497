// Closed-form derivatives of the plain-TypeScript corpus
// (test/programs/corpus-plain*.ts), written out by hand, for
// test/corpus-plain.test.ts. Array parameters are read as ArrayLike so that
// number[] and Float64Array arguments both work.

import type { Gradient } from "../../src/index.js";

type Vec = ArrayLike<number>;
const sigmoid = (t: number) => 1 / (1 + Math.exp(-t));
const zeros = (rows: number, columns: number) => Array.from({ length: rows }, () => new Array<number>(columns).fill(0));

/** ∇²Σ 100·(x[i+1] − x[i]²)² + (1 − x[i])² */
export function rosenbrockHessian(x: Vec): number[][] {
  const h = zeros(x.length, x.length);
  for (let i = 0; i + 1 < x.length; i++) {
    h[i][i] += 1200 * x[i] ** 2 - 400 * x[i + 1] + 2;
    h[i + 1][i + 1] += 200;
    h[i][i + 1] -= 400 * x[i];
    h[i + 1][i] -= 400 * x[i];
  }
  return h;
}

/** ∇(a · b) = (b, a); the Hessian over (a, b) is [[0, I], [I, 0]]. */
export const dotGradient = (a: Vec, b: Vec): Gradient => [Array.from(b), Array.from(a)];
export function dotHessian(a: Vec): number[][] {
  const n = a.length;
  const h = zeros(2 * n, 2 * n);
  for (let i = 0; i < n; i++) h[i][n + i] = h[n + i][i] = 1;
  return h;
}

/** ∂/∂x Σ wᵢ·xᵢ² = 2·w·x; the Hessian is diag(2w). */
export const weightedSumOfSquaresGradient = (x: Vec, w: Vec): Gradient => Array.from(x, (xi, i) => 2 * w[i] * xi);
export function weightedSumOfSquaresHessian(x: Vec, w: Vec): number[][] {
  const h = zeros(x.length, x.length);
  for (let i = 0; i < x.length; i++) h[i][i] = 2 * w[i];
  return h;
}

/** controlFlow's gradient, carried along its control flow by hand (total and ∂total/∂x together). */
export function controlFlowGradient(x: Vec): number[] {
  const n = x.length;
  if (n === 0) return [];
  let total = 0;
  let g = new Array<number>(n).fill(0);
  for (let i = 0; i < n; i++) {
    if (x[i] < -1.5) continue;
    total += x[i] ** 2;
    g[i] += 2 * x[i];
  }
  for (let i = 0; i < n && !(x[i] > 1.9); i++) {
    total += Math.sin(x[i]);
    g[i] += Math.cos(x[i]);
  }
  for (let k = 0; k < n; k++) {
    if (k % 3 === 0) {
      total += 2 * x[k];
      g[k] += 2;
    } else if (k % 3 === 1) {
      total -= x[k] ** 3 / 3;
      g[k] -= x[k] ** 2;
    } else {
      const m = 1 + 0.1 * x[k];
      g = g.map((gi) => gi * m);
      g[k] += 0.1 * total;
      total *= m;
    }
  }
  for (let j = 0; j < n; j++) {
    if (x[j] > 1.95) {
      const out = g.map((gi) => gi * x[j]);
      out[j] += total;
      return out;
    }
  }
  return g;
}

/** Mean squared error of σ(w0 + w1·x) against y: gradient and Hessian over (w0, w1). */
export function logisticSquaredErrorGradient(w0: number, w1: number, xs: Vec, ys: Vec): Gradient {
  let g0 = 0;
  let g1 = 0;
  for (let i = 0; i < xs.length; i++) {
    const s = sigmoid(w0 + w1 * xs[i]);
    const term = (2 * (s - ys[i]) * s * (1 - s)) / xs.length;
    g0 += term;
    g1 += term * xs[i];
  }
  return [g0, g1];
}
export function logisticSquaredErrorHessian(w0: number, w1: number, xs: Vec, ys: Vec): number[][] {
  const h = zeros(2, 2);
  for (let i = 0; i < xs.length; i++) {
    const s = sigmoid(w0 + w1 * xs[i]);
    const ds = s * (1 - s);
    const c = (2 * (ds * ds + (s - ys[i]) * ds * (1 - 2 * s))) / xs.length;
    h[0][0] += c;
    h[0][1] += c * xs[i];
    h[1][0] += c * xs[i];
    h[1][1] += c * xs[i] ** 2;
  }
  return h;
}

/** Σ log(1 + exp(c·xᵢ)) / c: ∂/∂xᵢ = σ(c·xᵢ), ∂/∂c = Σ xᵢ·σ(c·xᵢ)/c − s/c². */
export function softplusSumGradient(x: Vec, c: number): Gradient {
  let s = 0;
  let weighted = 0;
  for (let i = 0; i < x.length; i++) {
    s += Math.log1p(Math.exp(c * x[i]));
    weighted += x[i] * sigmoid(c * x[i]);
  }
  return [Array.from(x, (xi) => sigmoid(c * xi)), weighted / c - s / c ** 2];
}

/** √(x² + y² + 1) + x·exp(−y) */
export function bumpGradient(x: number, y: number): Gradient {
  const r = Math.hypot(x, y, 1);
  return [x / r + Math.exp(-y), y / r - x * Math.exp(-y)];
}
export function bumpHessian(x: number, y: number): number[][] {
  const r = Math.hypot(x, y, 1);
  const e = Math.exp(-y);
  const xy = (-x * y) / r ** 3 - e;
  return [
    [1 / r - x ** 2 / r ** 3, xy],
    [xy, 1 / r - y ** 2 / r ** 3 + x * e],
  ];
}

/** bump(x, 2x)·x = (√(5x² + 1) + x·exp(−2x))·x */
export function bumpTwiceDerivatives(x: number): [number, number] {
  const r = Math.sqrt(5 * x * x + 1);
  const e = Math.exp(-2 * x);
  const g = r + x * e;
  const dg = (5 * x) / r + e - 2 * x * e;
  const d2g = 5 / r ** 3 - 4 * e + 4 * x * e;
  return [dg * x + g, d2g * x + 2 * dg];
}

/** k·(x − y)² + sin(x·y) */
export function couplingGradient(k: number, x: number, y: number): Gradient {
  return [2 * k * (x - y) + y * Math.cos(x * y), -2 * k * (x - y) + x * Math.cos(x * y)];
}
export function couplingHessian(k: number, x: number, y: number): number[][] {
  const s = Math.sin(x * y);
  const xy = -2 * k + Math.cos(x * y) - x * y * s;
  return [
    [2 * k - y * y * s, xy],
    [xy, 2 * k - x * x * s],
  ];
}

/** Jacobian of y[i] = x[i]·Σ_{j ≤ i} x[j]. */
export function prefixProductsJacobian(x: Vec): number[][] {
  const j = zeros(x.length, x.length);
  let prefix = 0;
  for (let i = 0; i < x.length; i++) {
    prefix += x[i];
    for (let k = 0; k < i; k++) j[i][k] = x[i];
    j[i][i] = prefix + x[i];
  }
  return j;
}

/** Jacobian of out[i] = Σ_{j ≤ i} exp(x[j]) / (i + 1). */
export function cumulativeExpJacobian(x: Vec): number[][] {
  const j = zeros(x.length, x.length);
  for (let i = 0; i < x.length; i++) for (let k = 0; k <= i; k++) j[i][k] = Math.exp(x[k]) / (i + 1);
  return j;
}

/** Jacobian of [r0 cos t0, r0 sin t0, r1 cos t1, …] over (r, theta). */
export function polarPairsJacobian(r: Vec, theta: Vec): number[][] {
  const n = r.length;
  const j = zeros(2 * n, 2 * n);
  for (let i = 0; i < n; i++) {
    j[2 * i][i] = Math.cos(theta[i]);
    j[2 * i][n + i] = -r[i] * Math.sin(theta[i]);
    j[2 * i + 1][i] = Math.sin(theta[i]);
    j[2 * i + 1][n + i] = r[i] * Math.cos(theta[i]);
  }
  return j;
}
