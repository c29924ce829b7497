// The lecture's second graph, w0 + 3·w1² + 5·w2³.

/** @differentiable */
export function polynomial(w0: number, w1: number, w2: number): number {
  return w0 + 3 * w1 ** 2 + 5 * w2 ** 3;
}
