// Ackley's function over a Float64Array with for…of, compiled by the transform.
// In a module of its own because today the generic form the transform emits for
// `for (const xi of x)` over a differentiated array rewrites the loop variable to
// `ops.primal(xi)`, which is not valid JavaScript, and that fails the module.

/**
 * −20·exp(−0.2·√(Σx²/n)) − exp(Σcos(2πx)/n) + 20 + e, over a Float64Array with for…of.
 * @differentiable
 */
export function ackley(x: Float64Array): number {
  let squares = 0;
  let cosines = 0;
  for (const xi of x) {
    squares += xi * xi;
    cosines += Math.cos(2 * Math.PI * xi);
  }
  const n = x.length;
  return -20 * Math.exp(-0.2 * Math.sqrt(squares / n)) - Math.exp(cosines / n) + 20 + Math.E;
}
