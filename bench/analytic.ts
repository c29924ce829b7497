// Hand-written gradients (and one Hessian, two Jacobians): the formulas a person derives on
// paper and codes directly — the floor every automatic route is measured
// against, and the reference the benchmark checks every contender with.

import { B1, B2, B3, D, H1, H2, W1, W2, W3, parameterCount } from "./functions.js";

/** ∂L/∂w0 = 1/N Σ (f(xᵢ) − yᵢ), ∂L/∂w1 = 1/N Σ (f(xᵢ) − yᵢ)·xᵢ. */
export function bceGradient(w0: number, w1: number, xs: Float64Array, ys: Float64Array): number[] {
  let g0 = 0;
  let g1 = 0;
  for (let i = 0; i < xs.length; i++) {
    const residual = 1 / (1 + Math.exp(-(w0 + w1 * xs[i]))) - ys[i];
    g0 += residual;
    g1 += residual * xs[i];
  }
  return [g0 / xs.length, g1 / xs.length];
}

export function polynomialGradient(_w0: number, w1: number, w2: number): number[] {
  return [1, 6 * w1, 15 * w2 * w2];
}

export function rosenbrockGradient(x: Float64Array): Float64Array {
  const g = new Float64Array(x.length);
  for (let i = 0; i + 1 < x.length; i++) {
    const a = x[i + 1] - x[i] * x[i];
    g[i] += -400 * x[i] * a - 2 * (1 - x[i]);
    g[i + 1] += 200 * a;
  }
  return g;
}

/** The Rosenbrock Hessian: tridiagonal. */
export function rosenbrockHessian(x: Float64Array): number[][] {
  const n = x.length;
  const h = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i + 1 < n; i++) {
    h[i][i] += 1200 * x[i] * x[i] - 400 * x[i + 1] + 2;
    h[i][i + 1] -= 400 * x[i];
    h[i + 1][i] -= 400 * x[i];
    h[i + 1][i + 1] += 200;
  }
  return h;
}

export function ackleyGradient(x: Float64Array): Float64Array {
  const n = x.length;
  let squares = 0;
  let cosines = 0;
  for (let i = 0; i < n; i++) {
    squares += x[i] * x[i];
    cosines += Math.cos(2 * Math.PI * x[i]);
  }
  const r = Math.sqrt(squares / n);
  const outer = (4 * Math.exp(-0.2 * r)) / (n * r);
  const wave = (Math.exp(cosines / n) * 2 * Math.PI) / n;
  const g = new Float64Array(n);
  for (let i = 0; i < n; i++) g[i] = outer * x[i] + wave * Math.sin(2 * Math.PI * x[i]);
  return g;
}

/** Backpropagation through the network of functions.ts, written out by hand. */
export function mlpGradient(p: Float64Array, X: Float64Array, Y: Float64Array): Float64Array {
  const g = new Float64Array(parameterCount);
  const h1 = new Float64Array(H1);
  const h2 = new Float64Array(H2);
  const d1 = new Float64Array(H1);
  const scale = 2 / Y.length;
  for (let s = 0; s < Y.length; s++) {
    const x = s * D;
    for (let j = 0; j < H1; j++) {
      let a = p[B1 + j];
      for (let k = 0; k < D; k++) a += p[W1 + j * D + k] * X[x + k];
      h1[j] = Math.tanh(a);
    }
    for (let j = 0; j < H2; j++) {
      let a = p[B2 + j];
      for (let k = 0; k < H1; k++) a += p[W2 + j * H1 + k] * h1[k];
      h2[j] = Math.tanh(a);
    }
    let out = p[B3];
    for (let k = 0; k < H2; k++) out += p[W3 + k] * h2[k];
    const dOut = scale * (out - Y[s]);
    g[B3] += dOut;
    d1.fill(0);
    for (let j = 0; j < H2; j++) {
      g[W3 + j] += dOut * h2[j];
      const d2 = dOut * p[W3 + j] * (1 - h2[j] * h2[j]);
      g[B2 + j] += d2;
      for (let k = 0; k < H1; k++) {
        g[W2 + j * H1 + k] += d2 * h1[k];
        d1[k] += d2 * p[W2 + j * H1 + k];
      }
    }
    for (let j = 0; j < H1; j++) {
      const dz = d1[j] * (1 - h1[j] * h1[j]);
      g[B1 + j] += dz;
      for (let k = 0; k < D; k++) g[W1 + j * D + k] += dz * X[x + k];
    }
  }
  return g;
}

/** Rows ∂(Σ xᵢ²)/∂x = 2x and ∂(Σ cos 2πxᵢ)/∂x = −2π·sin(2πx). */
export function ackleySumsJacobian(x: Float64Array): number[][] {
  return [Array.from(x, (v) => 2 * v), Array.from(x, (v) => -2 * Math.PI * Math.sin(2 * Math.PI * v))];
}

/** Row i: ∂rᵢ/∂(a, b, c) = (e, −a·tᵢ·e, 1) with e = exp(−b·tᵢ). */
export function fitJacobian(a: number, b: number, ts: Float64Array): number[][] {
  return Array.from(ts, (t) => {
    const e = Math.exp(-b * t);
    return [e, -a * t * e, 1];
  });
}
