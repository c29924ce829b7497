// A differentiable function that calls a function with no derivative: tspc
// must fail with DUALTS1001 at the call, in TypeScript's own format.

function helper(x: number): number {
  return x * x;
}

/** @differentiable */
export function model(w: number): number {
  return 2 * helper(w);
}
