// Element reads by index, and .length, of two array parameters.

/** @differentiable */
export function weightedSum(xs: number[], weights: number[]): number {
  let total = 0;
  for (let i = 0; i < xs.length; i++) {
    total += weights[i] * xs[i];
  }
  return total;
}
