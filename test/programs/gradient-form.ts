// Functions for the gradient form (grad's one pass over a few numbers, the
// value's own work skipped): plain TypeScript, compiled by the transform
// through the Vitest plugin. Each one has something the form must get right.

/**
 * Domain errors in skipped code: log and sqrt of negative numbers, log1p below −1.
 * @differentiable
 */
export function domains(a: number, b: number, c: number): number {
  const u = Math.log(a) * 2 - Math.log2(b * b - 1);
  const v = Math.sqrt(c) + Math.log1p(c - a);
  return u + v / 3;
}

/**
 * A product of value-only values would need its factors' values: `acc` is not value-only here.
 * @differentiable
 */
export function product(a: number, b: number): number {
  let acc = 1;
  for (let i = 0; i < 3; i++) acc = acc * (a + i * b);
  return acc;
}

/**
 * Branches on a value: the value of `s` is needed, `out` is not.
 * @differentiable
 */
export function branches(a: number, b: number): number {
  let s = a * b;
  let out = 0;
  if (s > 1) out += Math.log(s) * 0.5;
  else out -= Math.sin(s) / 4;
  out *= 3;
  s = s + b;
  return out + (s > 0 ? Math.cos(s) : Math.atan(s));
}

/**
 * 0 · ∞ in skipped code: 0 · log(0) is NaN.
 * @differentiable
 */
export function zeroTimesInfinity(a: number, y: number): number {
  return y * Math.log(a * a) + a;
}

/**
 * Overflow in skipped code: the bound overflows too, and the form defers.
 * @differentiable wrt(a)
 */
export function overflow(a: number, scale: number): number {
  let total = 0;
  for (let i = 0; i < 4; i++) total = total * scale + Math.tanh(a);
  return total - total;
}

/**
 * A return written before the statement that skips a log, reached after it (the loop comes back).
 * @differentiable
 */
export function earlyReturn(a: number, b: number): number {
  let total = 0;
  for (let i = 0; i < 3; i++) {
    if (i === 2) return total;
    total += Math.log(a - i * b);
  }
  return total;
}

/**
 * Not a number result, or array parameters, or NaN-safe: no gradient form.
 * @differentiable
 */
export function summed(x: number[]): number {
  let total = 0;
  for (let i = 0; i < x.length; i++) total += Math.log(x[i]);
  return total;
}

/** @differentiable nansafe */
export function guardedRatio(a: number, b: number): number {
  return a / b + Math.log(b);
}

/**
 * wrt in an order other than the parameters': the gradient comes in wrt's order.
 * @differentiable wrt(b, a)
 */
export function reordered(a: number, b: number, c: number): number {
  return Math.log(a) * b * b + c * a;
}
