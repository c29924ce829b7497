// The same functions and gradients in two other JavaScript libraries:
//
// - TensorFlow.js: tf.grads on its CPU backend (plain JavaScript, float32 —
//   the only float type that backend computes in). Each function is written
//   as a TF.js user would write it, vectorized over tensors; the data tensors
//   are made once, the parameters per call, and every gradient is read back
//   with dataSync() so the work cannot stay pending.
// - mathjs: the symbolic `derivative`, where a function is one closed-form
//   expression of named scalars (the polynomial, Rosenbrock with n = 2, and
//   the BCE's summand, evaluated once per data point). The derivative is
//   taken and compiled once, before timing; the benchmark times evaluation.

import * as tf from "@tensorflow/tfjs";
import { derivative, parse, type EvalFunction } from "mathjs";
import { B1, B2, B3, D, H1, H2, W1, W2, W3 } from "./functions.js";

/** The CPU backend in production mode (no debug checks, no "install tfjs-node" banner). */
export async function startTensorFlow(): Promise<string> {
  tf.enableProdMode();
  await tf.setBackend("cpu");
  await tf.ready();
  return `@tensorflow/tfjs ${tf.version.tfjs}, backend ${tf.getBackend()}`;
}

const read = (t: tf.Tensor) => Array.from(t.dataSync());
/** TF.js tensors take float32 (or plain arrays), not Float64Array. */
const f32 = (a: Float64Array) => Float32Array.from(a);

/** ∇ BCE over (w0, w1), with the data as tensors made once. */
export function tfBce(xs: Float64Array, ys: Float64Array) {
  const x = tf.keep(tf.tensor1d(f32(xs)));
  const y = tf.keep(tf.tensor1d(f32(ys)));
  const oneMinusY = tf.keep(tf.sub(1, y));
  const loss = (w0: tf.Tensor, w1: tf.Tensor) => {
    const p = tf.sigmoid(tf.add(w0, tf.mul(w1, x)));
    return tf.neg(tf.mean(tf.add(tf.mul(y, tf.log(p)), tf.mul(oneMinusY, tf.log(tf.sub(1, p))))));
  };
  const g = tf.grads(loss);
  return (w0: number, w1: number): number[] => tf.tidy(() => g([tf.scalar(w0), tf.scalar(w1)]).map((t) => t.dataSync()[0]));
}

export function tfPolynomial() {
  const g = tf.grads((w0: tf.Tensor, w1: tf.Tensor, w2: tf.Tensor) => tf.add(tf.add(w0, tf.mul(3, tf.square(w1))), tf.mul(5, tf.pow(w2, 3))));
  return (w0: number, w1: number, w2: number): number[] => tf.tidy(() => g([tf.scalar(w0), tf.scalar(w1), tf.scalar(w2)]).map((t) => t.dataSync()[0]));
}

function tfRosenbrockLoss(x: tf.Tensor): tf.Scalar {
  const n = x.shape[0];
  const head = tf.slice(x, 0, n - 1);
  const a = tf.sub(tf.slice(x, 1, n - 1), tf.square(head));
  return tf.sum(tf.add(tf.mul(100, tf.square(a)), tf.square(tf.sub(1, head))));
}

export function tfRosenbrock() {
  const g = tf.grad(tfRosenbrockLoss);
  return (x: Float64Array): number[] => tf.tidy(() => read(g(tf.tensor1d(f32(x)))));
}

/** Column j of the Hessian is ∇(∂f/∂xⱼ): n nested gradients. */
export function tfRosenbrockHessian() {
  const inner = tf.grad(tfRosenbrockLoss);
  return (x: Float64Array): number[][] =>
    tf.tidy(() => {
      const t = tf.tensor1d(f32(x));
      return Array.from(x, (_, j) => read(tf.grad((v: tf.Tensor) => tf.sum(tf.slice(inner(v), j, 1)))(t)));
    });
}

export function tfAckley() {
  const g = tf.grad((x: tf.Tensor) => {
    const n = x.shape[0];
    const r = tf.sqrt(tf.div(tf.sum(tf.square(x)), n));
    const c = tf.div(tf.sum(tf.cos(tf.mul(2 * Math.PI, x))), n);
    return tf.add(tf.sub(tf.mul(-20, tf.exp(tf.mul(-0.2, r))), tf.exp(c)), 20 + Math.E);
  });
  return (x: Float64Array): number[] => tf.tidy(() => read(g(tf.tensor1d(f32(x)))));
}

/** The network of functions.ts on the whole batch at once: matMul, tanh, mean squared error. */
export function tfMlp(X: Float64Array, Y: Float64Array) {
  const x = tf.keep(tf.tensor2d(f32(X), [Y.length, D]));
  const y = tf.keep(tf.tensor1d(f32(Y)));
  const g = tf.grad((p: tf.Tensor) => {
    const w1 = tf.reshape(tf.slice(p, W1, H1 * D), [H1, D]);
    const w2 = tf.reshape(tf.slice(p, W2, H2 * H1), [H2, H1]);
    const w3 = tf.reshape(tf.slice(p, W3, H2), [H2, 1]);
    const h1 = tf.tanh(tf.add(tf.matMul(x, w1, false, true), tf.slice(p, B1, H1)));
    const h2 = tf.tanh(tf.add(tf.matMul(h1, w2, false, true), tf.slice(p, B2, H2)));
    const out = tf.add(tf.reshape(tf.matMul(h2, w3), [Y.length]), tf.slice(p, B3, 1));
    return tf.mean(tf.square(tf.sub(out, y)));
  });
  return (p: Float64Array): number[] => tf.tidy(() => read(g(tf.tensor1d(f32(p)))));
}

// ── mathjs ─────────────────────────────────────────────────────────────────

/** The symbolic partials of `expression` with respect to each variable, compiled; and how long that took. */
function symbolicPartials(expression: string, variables: readonly string[]): { partials: EvalFunction[]; ms: number } {
  const start = performance.now();
  const node = parse(expression);
  const partials = variables.map((v) => derivative(node, v).compile());
  return { partials, ms: performance.now() - start };
}

export function mathjsPolynomial() {
  const { partials, ms } = symbolicPartials("w0 + 3 * w1^2 + 5 * w2^3", ["w0", "w1", "w2"]);
  const gradient = (w0: number, w1: number, w2: number): number[] => {
    const scope = { w0, w1, w2 };
    return partials.map((p) => p.evaluate(scope) as number);
  };
  return { gradient, symbolicMs: ms };
}

export function mathjsRosenbrock2() {
  const { partials, ms } = symbolicPartials("100 * (x1 - x0^2)^2 + (1 - x0)^2", ["x0", "x1"]);
  const gradient = (x: Float64Array): number[] => {
    const scope = { x0: x[0], x1: x[1] };
    return partials.map((p) => p.evaluate(scope) as number);
  };
  return { gradient, symbolicMs: ms };
}

/** The BCE summand's symbolic partials, evaluated at every point and averaged. */
export function mathjsBce() {
  const term = "-(y * log(1 / (1 + exp(-(w0 + w1 * x)))) + (1 - y) * log(1 - 1 / (1 + exp(-(w0 + w1 * x)))))";
  const { partials, ms } = symbolicPartials(term, ["w0", "w1"]);
  const [d0, d1] = partials;
  const gradient = (w0: number, w1: number, xs: Float64Array, ys: Float64Array): number[] => {
    const scope = { w0, w1, x: 0, y: 0 };
    let g0 = 0;
    let g1 = 0;
    for (let i = 0; i < xs.length; i++) {
      scope.x = xs[i];
      scope.y = ys[i];
      g0 += d0.evaluate(scope) as number;
      g1 += d1.evaluate(scope) as number;
    }
    return [g0 / xs.length, g1 / xs.length];
  };
  return { gradient, symbolicMs: ms };
}
