// A differentiable helper in its own module: loss.ts imports and calls it,
// so the transform must reach its derivative across the module boundary.

/** @differentiable */
export function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}
