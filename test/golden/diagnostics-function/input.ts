// Diagnostics about a function as a whole, and about its marker.

/** @differentiable */
export function* generator(x: number) {
  yield x;
}

/** @differentiable */
export async function later(x: number): Promise<number> {
  return x;
}

/** @differentiable */
export function label(x: number): string {
  return "x = " + x;
}

/** @differentiable wrt(w3) */
export function missing(w0: number): number {
  return w0;
}

/** @differentiable with respect to everything */
export function unreadable(w0: number): number {
  return w0;
}
