// for (with continue and break), while and do…while in one function.

/** @differentiable wrt(x) */
export function loops(x: number, n: number): number {
  let total = 0;
  for (let i = 0; i < n; i++) {
    if (i === 2) continue;
    if (i > 5) break;
    total += x ** i;
  }
  let k = 0;
  while (k < 3) {
    total = total * x + 1;
    k++;
  }
  do {
    total -= x;
  } while (total > 100);
  return total;
}
