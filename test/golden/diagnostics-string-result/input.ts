// A result that is not a number or an array of numbers.

/** @differentiable */
export function label(x: number): string {
  return "x = " + x;
}
