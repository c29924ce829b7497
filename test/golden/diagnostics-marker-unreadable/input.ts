// A marker the transform cannot read.

/** @differentiable with respect to everything */
export function unreadable(w0: number): number {
  return w0;
}
