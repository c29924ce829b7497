// The same functions written over dualts' runtime operations (add, mul, exp,
// …) instead of JavaScript's operators: what a user writes without the
// transform. grad runs them on Dual numbers, one pass per input; the
// benchmark compares them with the generated code of functions.ts.

import { add, cos, div, exp, log, mul, neg, pow, sqrt, sub, tanh, type Real } from "dualts";
import { B1, B2, B3, D, H1, H2, W1, W2, W3 } from "./functions.js";

const sigmoid = (t: Real) => div(1, add(1, exp(neg(t))));

export function bce(w0: Real, w1: Real, xs: Float64Array, ys: Float64Array): Real {
  let total: Real = 0;
  for (let i = 0; i < xs.length; i++) {
    const p = sigmoid(add(w0, mul(w1, xs[i])));
    total = add(total, add(mul(ys[i], log(p)), mul(1 - ys[i], log(sub(1, p)))));
  }
  return neg(div(total, xs.length));
}

export function polynomial(w0: Real, w1: Real, w2: Real): Real {
  return add(add(w0, mul(3, pow(w1, 2))), mul(5, pow(w2, 3)));
}

export function rosenbrock(x: ArrayLike<Real>): Real {
  let sum: Real = 0;
  for (let i = 0; i + 1 < x.length; i++) {
    const a = sub(x[i + 1], mul(x[i], x[i]));
    const b = sub(1, x[i]);
    sum = add(sum, add(mul(100, mul(a, a)), mul(b, b)));
  }
  return sum;
}

export function ackley(x: ArrayLike<Real>): Real {
  let squares: Real = 0;
  let cosines: Real = 0;
  for (let i = 0; i < x.length; i++) {
    squares = add(squares, mul(x[i], x[i]));
    cosines = add(cosines, cos(mul(2 * Math.PI, x[i])));
  }
  const n = x.length;
  return add(sub(mul(-20, exp(mul(-0.2, sqrt(div(squares, n))))), exp(div(cosines, n))), 20 + Math.E);
}

export function mlpLoss(p: ArrayLike<Real>, X: Float64Array, Y: Float64Array): Real {
  const h1 = new Array<Real>(H1);
  const h2 = new Array<Real>(H2);
  let total: Real = 0;
  for (let s = 0; s < Y.length; s++) {
    for (let j = 0; j < H1; j++) {
      let a = p[B1 + j];
      for (let k = 0; k < D; k++) a = add(a, mul(p[W1 + j * D + k], X[s * D + k]));
      h1[j] = tanh(a);
    }
    for (let j = 0; j < H2; j++) {
      let a = p[B2 + j];
      for (let k = 0; k < H1; k++) a = add(a, mul(p[W2 + j * H1 + k], h1[k]));
      h2[j] = tanh(a);
    }
    let out = p[B3];
    for (let k = 0; k < H2; k++) out = add(out, mul(p[W3 + k], h2[k]));
    const e = sub(out, Y[s]);
    total = add(total, mul(e, e));
  }
  return div(total, Y.length);
}

export function ackleySums(x: ArrayLike<Real>): Real[] {
  let squares: Real = 0;
  let cosines: Real = 0;
  for (let i = 0; i < x.length; i++) {
    squares = add(squares, mul(x[i], x[i]));
    cosines = add(cosines, cos(mul(2 * Math.PI, x[i])));
  }
  return [squares, cosines];
}

export function fitResiduals(a: Real, b: Real, c: Real, ts: Float64Array, ys: Float64Array): Real[] {
  const residuals: Real[] = [];
  for (let i = 0; i < ts.length; i++) residuals.push(sub(add(mul(a, exp(mul(neg(b), ts[i]))), c), ys[i]));
  return residuals;
}
