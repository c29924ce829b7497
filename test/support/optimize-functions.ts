// The marked function that test/optimize.test.ts and
// test/optimize-options.test.ts both minimise: Rosenbrock's, written out
// (the standard problem sets are in optimization-problems.ts).

/** @differentiable */
export function rosenbrock(x: number[]): number {
  return (1 - x[0]) ** 2 + 100 * (x[1] - x[0] ** 2) ** 2;
}
