// Copies of an array parameter, by slice() and by a spread: a copy may be
// written into, where the parameter may not.

/** @differentiable */
export function scaledEnds(xs: number[]): number {
  const copy = xs.slice();
  copy[0] = copy[0] * 2;
  const spread = [...xs];
  return copy[0] + spread[spread.length - 1];
}
