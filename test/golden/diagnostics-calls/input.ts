// Diagnostics inside a function: each names the construct, says how to
// fix it, and points at it.

function helper(x: number): number {
  return x + 1;
}

let counter = 0;

/** @differentiable */
export function bad(x: number, xs: number[]): number {
  counter = counter + 1;
  xs[0] = x;
  const y = helper(x);
  const f = (t: number) => t * x;
  return y + eval("x") + f(1);
}

/** @differentiable */
export function unsupportedHere(x: number): number {
  const either = x || 1;
  let total = 0;
  for (let s = x; s < 10; s = s * 2) {
    total += s;
  }
  return either + total;
}
