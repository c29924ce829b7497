// Derivatives that would be lost without a word: each is reported where it
// happens, with how to write it instead. (These compiled before, and their
// derivatives came out wrong or the generated code did not load.)

/** @differentiable */
export function inCondition(x: number): number {
  let y = x;
  let i = 0;
  while ((y = y * 1.1) < 100 && i++ < 3) {}
  return y;
}

/** @differentiable */
export function logicalAssignment(x: number): number {
  let y = 0;
  y ||= x * x;
  return y;
}

/** @differentiable */
export function inObject(x: number): number {
  const o = { v: x * x };
  return o.v * 2;
}

/** @differentiable */
export function throughString(x: number): number {
  const scaled = Number(`${x * 2}`);
  console.log(`x = ${x}`); // a message nobody reads back: fine
  return scaled;
}

/** @differentiable */
export function hidesParameter(x: number): number {
  let s = 0;
  for (let k = 0; k < 2; k++) {
    const x = k;
    s += x;
  }
  return s * x;
}

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

/** @differentiable */
export function readsItself(x: number): number {
  var y = x;
  for (let i = 0; i < 2; i++) {
    var y = y * x;
  }
  return y;
}

/** @differentiable */
export function withThis(this: void, x: number): number {
  return x * x;
}
