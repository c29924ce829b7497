// A derivative that would be lost without a word is reported where it
// happens, with how to write it instead. (This compiled before, and its
// derivative came out wrong or the generated code did not load.)
// Here: a logical assignment.

/** @differentiable */
export function logicalAssignment(x: number): number {
  let y = 0;
  y ||= x * x;
  return y;
}
