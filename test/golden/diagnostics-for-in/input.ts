// Names are resolved by scope, never by spelling; the messages name the
// construct in the user's words.
// Here: for…in over an array of differentiated values.

/** @differentiable */
export function indices(xs: number[]): number {
  let s = 0;
  for (const i in xs) s += xs[i];
  return s;
}
