// switch on a primal value, a return in each case.

/** @differentiable */
export function bySign(x: number, y: number): number {
  switch (Math.sign(y)) {
    case 1:
      return x + y;
    case -1:
      return x - y;
    default:
      return x;
  }
}
