// A derivative that would be lost without a word is reported where it
// happens, with how to write it instead. (This compiled before, and its
// derivative came out wrong or the generated code did not load.)
// Here: a differentiated value turned into a string and back (console.log
// may read one).

/** @differentiable */
export function throughString(x: number): number {
  const scaled = Number(`${x * 2}`);
  console.log(`x = ${x}`); // a message nobody reads back: fine
  return scaled;
}
