// push onto a local array, from a readonly array parameter, and the array
// returned.

/** @differentiable */
export function cumulative(v: readonly number[]): number[] {
  const out: number[] = [];
  let running = 0;
  for (let i = 0; i < v.length; i++) {
    running += v[i];
    out.push(running * running);
  }
  return out;
}
