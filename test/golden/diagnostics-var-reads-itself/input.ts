// A derivative that would be lost without a word is reported where it
// happens, with how to write it instead. (This compiled before, and its
// derivative came out wrong or the generated code did not load.)
// Here: a var declaration that reads its own variable.

/** @differentiable */
export function readsItself(x: number): number {
  var y = x;
  for (let i = 0; i < 2; i++) {
    var y = y * x;
  }
  return y;
}
