// An array parameter read by for…of, summed into a number.

/** @differentiable */
export function sumOfSquares(v: number[]): number {
  let total = 0;
  for (const x of v) {
    total += x * x;
  }
  return total;
}
