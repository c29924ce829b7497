// The lecture's binary cross-entropy as a user writes it: plain
// TypeScript, marked, differentiated with respect to the weights.

/** @differentiable wrt(w0, w1) */
export function loss(w0: number, w1: number, xs: Float64Array, ys: Float64Array): number {
  let total = 0;
  for (let i = 0; i < xs.length; i++) {
    const z = w0 + w1 * xs[i];
    const p = 1 / (1 + Math.exp(-z));
    total += ys[i] * Math.log(p) + (1 - ys[i]) * Math.log(1 - p);
  }
  return -total / xs.length;
}
