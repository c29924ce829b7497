// A derivative that would be lost without a word is reported where it
// happens, with how to write it instead. (This compiled before, and its
// derivative came out wrong or the generated code did not load.)
// Here: a `this` parameter.

/** @differentiable */
export function withThis(this: void, x: number): number {
  return x * x;
}
