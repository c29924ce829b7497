// if / else if with early returns, and code after them.

/** @differentiable */
export function clipped(x: number, y: number): number {
  if (x > y) {
    return x * y;
  } else if (x < 0) {
    return -x;
  }
  return x + y;
}
