// Names are resolved by scope, never by spelling; the messages name the
// construct in the user's words.
// Here: a noDerivative that is not dualts'.

function noDerivative(x: number): number {
  return x * x;
}

/** @differentiable */
export function ownStop(x: number): number {
  return noDerivative(x) * x;
}
