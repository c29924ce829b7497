// Reassigning a parameter's copy, and an increment of a plain counter.

/** @differentiable */
export function expOfItself(x: number): number {
  let y = x;
  y = Math.exp(y);
  let n = 0;
  n++;
  return y * n;
}
