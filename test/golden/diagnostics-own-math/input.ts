// Names are resolved by scope, never by spelling; the messages name the
// construct in the user's words.
// Here: a Math that is not JavaScript's.

/** @differentiable */
export function ownMath(x: number): number {
  const Math = { sin: (v: number) => 2 * v };
  return Math.sin(x);
}
