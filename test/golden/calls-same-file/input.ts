// A call to a differentiable function of the same file: its generated code
// is called directly.

/** @differentiable */
export function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

/** @differentiable */
export function logistic(w: number, x: number): number {
  return sigmoid(w * x);
}
