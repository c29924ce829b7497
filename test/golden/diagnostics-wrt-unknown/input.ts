// wrt(…) names a parameter the function does not have.

/** @differentiable wrt(w3) */
export function missing(w0: number): number {
  return w0;
}
