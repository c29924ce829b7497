// Names are resolved by scope, never by spelling: a Math that is not
// JavaScript's, and a noDerivative that is not dualts', are reported; the
// messages name the construct in the user's words.

function noDerivative(x: number): number {
  return x * x;
}

/** @differentiable */
export function ownMath(x: number): number {
  const Math = { sin: (v: number) => 2 * v };
  return Math.sin(x);
}

/** @differentiable */
export function ownStop(x: number): number {
  return noDerivative(x) * x;
}

/** @differentiable */
export function indices(xs: number[]): number {
  let s = 0;
  for (const i in xs) s += xs[i];
  return s;
}

/** @differentiable */
export function borrowed(xs: number[]): number {
  const copy = Array.prototype.slice.call(xs);
  return copy[0];
}
