// A while loop: Horner's rule.

/** @differentiable */
export function horner(x: number): number {
  let total = 1;
  let k = 0;
  while (k < 3) {
    total = total * x + 1;
    k++;
  }
  return total;
}
