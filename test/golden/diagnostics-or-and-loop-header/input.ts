// || on a differentiated value, and a loop header that computes one.

/** @differentiable */
export function unsupportedHere(x: number): number {
  const either = x || 1;
  let total = 0;
  for (let s = x; s < 10; s = s * 2) {
    total += s;
  }
  return either + total;
}
