// A conditional expression: the condition reads primal values.

/** @differentiable */
export function logOrSquare(x: number, y: number): number {
  const t = x > 1 ? Math.log(x) : y * y;
  return t * x;
}
