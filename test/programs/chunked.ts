// Functions of many inputs, for chunk mode: plain TypeScript, compiled.

/** @differentiable */
export function rosenbrock(x: number[]): number {
  let sum = 0;
  for (let i = 0; i + 1 < x.length; i++) {
    const a = x[i + 1] - x[i] * x[i];
    sum += 100 * a * a + (1 - x[i]) ** 2;
  }
  return sum;
}

/** @differentiable wrt(x, scale) */
export function mixed(x: Float64Array, scale: number, offsets: number[]): number {
  let total = 0;
  for (let i = 0; i < x.length; i++) {
    total += Math.sin(scale * x[i] + offsets[i]) * Math.exp(-0.1 * x[i] * x[i]);
  }
  return total * scale;
}

/** @differentiable */
export function smoothed(v: number[]): number[] {
  const out = new Array(v.length).fill(0);
  for (let i = 0; i < v.length; i++) {
    const left = i > 0 ? v[i - 1] : v[i];
    out[i] = Math.tanh(0.5 * left + v[i] * v[i]);
  }
  return out;
}

/**
 * Returns its parameter: the chunk-mode JVP hands back the seed lanes it was given.
 * @differentiable
 */
export function identity(x: number[]): number[] {
  return x;
}

/**
 * Returns its first parameter: its tangent is the first seed itself.
 * @differentiable
 */
export function first(a: number, b: number): number {
  return a + 0 * b;
}

/**
 * scale · Σ log(vᵢ): NaN where some vᵢ < 0; scale is data, not differentiated.
 * @differentiable wrt(v)
 */
export function scaledLogSum(v: number[], scale: number): number {
  let total = 0;
  for (let i = 0; i < v.length; i++) total += Math.log(v[i]);
  return scale * total;
}

/**
 * s·x in a new Float64Array: a Float64Array result.
 * @differentiable
 */
export function scaledCopy(x: Float64Array, s: number): Float64Array {
  const out = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) out[i] = s * x[i];
  return out;
}
