// Standard AD test functions written over the runtime's operations, each with
// its analytic derivative, shared by the corpus tests (and later the transform).

import { add, cos, exp, log, mul, sin, sqrt, sub, tanh, div, pow, type Real } from "../../src/index.js";

const PI2 = 2 * Math.PI;

export interface ScalarCase {
  name: string;
  f: (x: Real) => Real;
  df: (x: number) => number;
  points: number[];
}

export const scalarCases: ScalarCase[] = [
  { name: "x·sin(x)", f: (x) => mul(x, sin(x)), df: (x) => Math.sin(x) + x * Math.cos(x), points: [-2, 0, 0.5, 3] },
  { name: "exp(−x²)", f: (x) => exp(mul(-1, mul(x, x))), df: (x) => -2 * x * Math.exp(-x * x), points: [-1, 0, 0.7] },
  { name: "log(1 + x²)/x", f: (x) => div(log(add(1, mul(x, x))), x), df: (x) => ((2 * x * x) / (1 + x * x) - Math.log(1 + x * x)) / (x * x), points: [-2, 0.3, 4] },
  { name: "tanh(x)³", f: (x) => pow(tanh(x), 3), df: (x) => 3 * Math.tanh(x) ** 2 * (1 - Math.tanh(x) ** 2), points: [-1, 0.2, 2] },
  { name: "√(1 + x⁴)", f: (x) => sqrt(add(1, pow(x, 4))), df: (x) => (2 * x ** 3) / Math.sqrt(1 + x ** 4), points: [-1.5, 0, 1] },
];

/** Σ 100·(x[i+1] − x[i]²)² + (1 − x[i])² */
export function rosenbrock(x: Real[]): Real {
  let sum: Real = 0;
  for (let i = 0; i + 1 < x.length; i++) {
    const a = sub(x[i + 1], mul(x[i], x[i]));
    const b = sub(1, x[i]);
    sum = add(sum, add(mul(100, mul(a, a)), mul(b, b)));
  }
  return sum;
}

export function rosenbrockGradient(x: number[]): number[] {
  const g = new Array<number>(x.length).fill(0);
  for (let i = 0; i + 1 < x.length; i++) {
    const a = x[i + 1] - x[i] * x[i];
    g[i] += -400 * x[i] * a - 2 * (1 - x[i]);
    g[i + 1] += 200 * a;
  }
  return g;
}

/** −20·exp(−0.2·√(Σx²/n)) − exp(Σcos(2πx)/n) + 20 + e */
export function ackley(x: Real[]): Real {
  let squares: Real = 0;
  let cosines: Real = 0;
  for (const xi of x) {
    squares = add(squares, mul(xi, xi));
    cosines = add(cosines, cos(mul(PI2, xi)));
  }
  const n = x.length;
  return add(sub(mul(-20, exp(mul(-0.2, sqrt(div(squares, n))))), exp(div(cosines, n))), 20 + Math.E);
}

export function ackleyGradient(x: number[]): number[] {
  const n = x.length;
  const r = Math.sqrt(x.reduce((s, v) => s + v * v, 0) / n);
  const c = x.reduce((s, v) => s + Math.cos(PI2 * v), 0) / n;
  return x.map((v) => (4 * Math.exp(-0.2 * r) * v) / (n * r) + (Math.exp(c) * PI2 * Math.sin(PI2 * v)) / n);
}

/** A vector → vector map: polar to Cartesian with a twist, J known in closed form. */
export function twist(r: Real, theta: Real): Real[] {
  return [mul(r, cos(theta)), mul(r, sin(theta)), mul(r, r)];
}

export function twistJacobian(r: number, theta: number): number[][] {
  return [
    [Math.cos(theta), -r * Math.sin(theta)],
    [Math.sin(theta), r * Math.cos(theta)],
    [2 * r, 0],
  ];
}
