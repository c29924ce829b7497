// A derivative that would be lost without a word is reported where it
// happens, with how to write it instead. (This compiled before, and its
// derivative came out wrong or the generated code did not load.)
// Here: an assignment inside a loop's condition.

/** @differentiable */
export function inCondition(x: number): number {
  let y = x;
  let i = 0;
  while ((y = y * 1.1) < 100 && i++ < 3) {}
  return y;
}
