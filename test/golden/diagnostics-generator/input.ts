// A generator cannot be differentiated.

/** @differentiable */
export function* generator(x: number) {
  yield x;
}
