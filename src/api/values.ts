// How dualts' messages describe a value the caller passed: "the number 42",
// "a string ("abc")", "an array of 3", "null". One describer, so that every
// message says the same thing about the same value.

const MOST_CHARACTERS = 24;

/** The value's kind in the caller's words, with the value itself where it is short enough to show. */
export function kindOf(x: unknown): string {
  if (x === null) return "null";
  if (x === undefined) return "undefined";
  if (typeof x === "number") return `the number ${x}`;
  if (typeof x === "string") {
    const shown = x.length > MOST_CHARACTERS ? `${x.slice(0, MOST_CHARACTERS)}…` : x;
    return `a string (${JSON.stringify(shown)})`;
  }
  if (typeof x === "boolean") return `a boolean (${x})`;
  if (typeof x === "bigint") return `a bigint (${x}n)`;
  if (typeof x === "symbol") return "a symbol";
  if (typeof x === "function") return x.name ? `a function (${x.name})` : "a function";
  if (Array.isArray(x)) return `an array of ${x.length}`;
  if (ArrayBuffer.isView(x)) {
    const name = x.constructor.name;
    return `${/^[AEIOU]/.test(name) ? "an" : "a"} ${name}${"length" in x ? ` of ${(x as unknown as ArrayLike<unknown>).length}` : ""}`;
  }
  const constructor = (x as object).constructor?.name;
  return constructor && constructor !== "Object" ? `an object (${constructor})` : "an object";
}

/** The first index of an array whose element is missing (a hole) or fails `accepts`; -1 where every element passes. */
export function firstFault(array: readonly unknown[], accepts: (element: unknown) => boolean): number {
  for (let i = 0; i < array.length; i++) if (!(i in array) || !accepts(array[i])) return i;
  return -1;
}

/** What element i of an array is, for a message: "missing (the array has a hole there)", or its kind. */
export function elementKind(array: readonly unknown[], i: number): string {
  return i in array ? kindOf(array[i]) : "missing (the array has a hole there)";
}

/** Whether x is a finite number: what tangents and cotangents must hold. */
export const finiteNumber = (x: unknown): boolean => typeof x === "number" && Number.isFinite(x);
