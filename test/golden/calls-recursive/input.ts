// A function that calls itself, differentiated with respect to x only.

/** @differentiable wrt(x) */
export function power(x: number, n: number): number {
  return n === 0 ? 1 : x * power(x, n - 1);
}
