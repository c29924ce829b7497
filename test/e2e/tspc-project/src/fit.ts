// Functions for dualts/optimize, marked as a user marks them: Rosenbrock's
// banana valley for minimize, and the residuals of an exponential decay
// fitted to data for leastSquares (the `!` after an element: see loss.ts).

/** @differentiable */
export function rosenbrock(x: number[]): number {
  return (1 - x[0]!) ** 2 + 100 * (x[1]! - x[0]! ** 2) ** 2;
}

/** @differentiable wrt(p) */
export function decayMisfit(p: number[], t: number[], y: number[]): number[] {
  const r: number[] = [];
  for (let i = 0; i < t.length; i++) r.push(p[0]! * Math.exp(-p[1]! * t[i]!) - y[i]!);
  return r;
}
