// Element writes into a local array (y[i] += …) in nested loops, a
// Float64Array parameter selected by wrt(…), and an array result (for
// jacobian).

/** @differentiable wrt(x) */
export function linear(x: Float64Array, a: number[][]): number[] {
  const y = new Array(a.length).fill(0);
  for (let i = 0; i < a.length; i++) {
    for (let j = 0; j < x.length; j++) {
      y[i] += a[i][j] * x[j];
    }
  }
  return y;
}
