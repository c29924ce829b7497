// if / else if, early returns, a conditional expression and a switch in one
// function: code after an early return runs only where the branch did not
// return.

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
