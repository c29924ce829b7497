// A for loop with continue and break.

/** @differentiable wrt(x) */
export function partialPowers(x: number, n: number): number {
  let total = 0;
  for (let i = 0; i < n; i++) {
    if (i === 2) continue;
    if (i > 5) break;
    total += x ** i;
  }
  return total;
}
