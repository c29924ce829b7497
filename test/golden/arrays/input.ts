// Arrays: parameters, local arrays written in place, push, for…of, and a
// vector result (for jacobian).

/** @differentiable */
export function sumOfSquares(v: number[]): number {
  let total = 0;
  for (const x of v) {
    total += x * x;
  }
  return total;
}

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

/** @differentiable */
export function cumulative(v: readonly number[]): number[] {
  const out: number[] = [];
  let running = 0;
  for (let i = 0; i < v.length; i++) {
    running += v[i];
    out.push(running * running);
  }
  return out;
}

/** @differentiable */
export function scratch(x: number, y: number): number {
  const buffer = new Float64Array(2);
  buffer[0] = x * y;
  buffer[1] = buffer[0] + Math.hypot(x, y);
  return buffer[1];
}
