// A derivative that would be lost without a word is reported where it
// happens, with how to write it instead. (This compiled before, and its
// derivative came out wrong or the generated code did not load.)
// Here: a const in a block hiding a differentiated local.

/** @differentiable */
export function hidesLocal(x: number): number {
  const t = x * 2;
  let s = t;
  {
    const t = x * x; // chunk mode shared one set of lanes for both t
    s += t;
  }
  return s + t;
}
