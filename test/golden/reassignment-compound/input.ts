// Reassignment and compound assignment: the tangent of `y = y * y` must use
// the old y.

/** @differentiable */
export function square(x: number): number {
  let y = x;
  y = y * y;
  y += Math.sin(y);
  y *= 2;
  y -= x / 3;
  y /= 1 + x * x;
  y **= 2;
  return y;
}
