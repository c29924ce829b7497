// Branches and loops: conditions read primal values; break, continue and
// early returns keep their places.

/** @differentiable */
export function piecewise(x: number, y: number): number {
  if (x > y) {
    return x * y;
  } else if (x < 0) {
    return -x;
  }
  const t = x > 1 ? Math.log(x) : y * y;
  switch (Math.sign(y)) {
    case 1:
      return t + y;
    case -1:
      return t - y;
    default:
      return t;
  }
}

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
