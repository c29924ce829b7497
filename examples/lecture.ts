// `npm start`: the lecture on automatic differentiation, step by step.
//
// For now the first two steps, written over dualts' runtime operations:
//   1. the computational graph w0 + 3·w1² + 5·w2³ and its gradient;
//   2. logistic regression f(x; w0, w1) = σ(w0 + w1·x) with binary
//      cross-entropy, its gradient by forward mode, reverse mode and
//      finite differences, next to the analytic formula.

import { add, checkGradient, exp, grad, log, mul, neg, pow, sub, div, type Real } from "dualts";

const fmt = (xs: readonly number[]) => `(${xs.map((x) => x.toFixed(6)).join(", ")})`;

// ── 1. A polynomial graph ──────────────────────────────────────────────────
function polynomial(w0: Real, w1: Real, w2: Real): Real {
  return add(add(w0, mul(3, pow(w1, 2))), mul(5, pow(w2, 3)));
}

const w = [1.5, -2, 0.5] as const;
const polyGrad = grad(polynomial)(...w) as number[];
const polyAnalytic = [1, 6 * w[1], 15 * w[2] ** 2];
console.log("1. The graph w0 + 3·w1² + 5·w2³ at (w0, w1, w2) = (1.5, -2, 0.5)");
console.log(`   dualts gradient   ${fmt(polyGrad)}`);
console.log(`   analytic          ${fmt(polyAnalytic)}   = (1, 6·w1, 15·w2²)`);

// ── 2. Logistic regression with binary cross-entropy ──────────────────────
const xs = [-2, -1, -0.5, 0.3, 1, 2.5];
const ys = [0, 0, 1, 0, 1, 1];

function sigmoid(t: Real): Real {
  return div(1, add(1, exp(neg(t))));
}

/** L(w0, w1) = −1/N Σ [yᵢ log f(xᵢ) + (1 − yᵢ) log(1 − f(xᵢ))], f(x) = σ(w0 + w1·x). */
function loss(w0: Real, w1: Real, xs: number[], ys: number[]): Real {
  let total: Real = 0;
  for (let i = 0; i < xs.length; i++) {
    const f = sigmoid(add(w0, mul(w1, xs[i])));
    total = add(total, add(mul(ys[i], log(f)), mul(1 - ys[i], log(sub(1, f)))));
  }
  return neg(div(total, xs.length));
}

/** ∂L/∂w0 = 1/N Σ (f(xᵢ) − yᵢ), ∂L/∂w1 = 1/N Σ (f(xᵢ) − yᵢ)·xᵢ. */
function analyticGradient(w0: number, w1: number): number[] {
  let g0 = 0;
  let g1 = 0;
  xs.forEach((x, i) => {
    const residual = 1 / (1 + Math.exp(-(w0 + w1 * x))) - ys[i];
    g0 += residual / xs.length;
    g1 += (residual * x) / xs.length;
  });
  return [g0, g1];
}

const [w0, w1] = [0.2, -0.7];
const forward = grad(loss, { wrt: ["w0", "w1"] })(w0, w1, xs, ys) as number[];
const reverse = grad(loss, { wrt: ["w0", "w1"], mode: "reverse" })(w0, w1, xs, ys) as number[];
const check = checkGradient(loss, [w0, w1, xs, ys], { wrt: ["w0", "w1"] });
console.log("\n2. Binary cross-entropy of σ(w0 + w1·x) on 6 points, at (w0, w1) = (0.2, -0.7)");
console.log(`   loss              ${check.value.toFixed(6)}`);
console.log(`   forward mode      ${fmt(forward)}`);
console.log(`   reverse mode      ${fmt(reverse)}`);
console.log(`   finite diffs      ${fmt(check.entries.map((e) => e.numerical))}`);
console.log(`   analytic          ${fmt(analyticGradient(w0, w1))}   = (1/N Σ (f − y), 1/N Σ (f − y)·x)`);
