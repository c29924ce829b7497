// Names are resolved by scope, never by spelling; the messages name the
// construct in the user's words.
// Here: an array method borrowed through Array.prototype.

/** @differentiable */
export function borrowed(xs: number[]): number {
  const copy = Array.prototype.slice.call(xs);
  return copy[0];
}
