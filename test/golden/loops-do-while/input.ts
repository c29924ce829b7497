// A do…while loop, whose condition reads a differentiated value's primal.

/** @differentiable */
export function countDown(x: number): number {
  let total = x * x;
  do {
    total -= x;
  } while (total > 100);
  return total;
}
