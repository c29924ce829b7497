// A derivative that would be lost without a word is reported where it
// happens, with how to write it instead. (This compiled before, and its
// derivative came out wrong or the generated code did not load.)
// Here: an object holding a differentiated value.

/** @differentiable */
export function inObject(x: number): number {
  const o = { v: x * x };
  return o.v * 2;
}
