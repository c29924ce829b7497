// Every problem of a function is reported at once, each at its construct:
// a write to outer state, a write into a parameter, a call with no
// derivative, a closure over a differentiated value, eval.

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
