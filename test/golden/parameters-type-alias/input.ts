// Parameters are read by their types: a number under another name is a
// number.

type Real = number;

/** @differentiable */
export function scaled(x: Real, k: number): number {
  return x * k;
}
