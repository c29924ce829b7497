// A derivative that would be lost without a word is reported where it
// happens, with how to write it instead. (This compiled before, and its
// derivative came out wrong or the generated code did not load.)
// Here: a const in a loop hiding a differentiated parameter.

/** @differentiable */
export function hidesParameter(x: number): number {
  let s = 0;
  for (let k = 0; k < 2; k++) {
    const x = k;
    s += x;
  }
  return s * x;
}
