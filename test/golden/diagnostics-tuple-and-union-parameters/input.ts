// Parameters dualts cannot differentiate yet: a tuple, and a number or an
// array.

/** @differentiable */
export function pair(p: [number, number], either: number | number[]): number {
  return p[0];
}
