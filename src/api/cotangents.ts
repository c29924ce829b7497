// vjp's cotangents: one per output of f, shaped like f's result (a number
// for a number result, an array of as many numbers for an array result),
// every entry a finite number. Checked here and flattened output by output,
// as tangents.ts checks jvp's tangents.

import { elementKind, finiteNumber, firstFault, kindOf } from "./values.js";

/**
 * The cotangent as one seed per output; an error that says what the cotangent
 * must be for anything else. `caller` prefixes the messages (`vjp(f) pullback`),
 * `name` is the function's; `outputs` is its result's length, or undefined for a number result.
 */
export function flatCotangent(caller: string, name: string, cotangent: unknown, outputs: number | undefined): number[] {
  if (outputs === undefined) {
    if (typeof cotangent !== "number") {
      throw new TypeError(`${caller}: the cotangent must be a number, like ${name}'s result, but is ${kindOf(cotangent)}`);
    }
    if (!Number.isFinite(cotangent)) throw new RangeError(`${caller}: the cotangent is ${cotangent}; cotangents must be finite numbers`);
    return [cotangent];
  }
  if (!(Array.isArray(cotangent) || cotangent instanceof Float64Array) || cotangent.length !== outputs) {
    const given = Array.isArray(cotangent) ? `an array of ${cotangent.length}` : kindOf(cotangent);
    throw new TypeError(`${caller}: the cotangent must be an array of ${outputs}, like ${name}'s result, but is ${given}`);
  }
  const fault = cotangent instanceof Float64Array ? Array.prototype.findIndex.call(cotangent, (x: number) => !Number.isFinite(x)) : firstFault(cotangent, finiteNumber);
  if (fault >= 0) {
    const what = cotangent instanceof Float64Array || typeof cotangent[fault] === "number" ? String(cotangent[fault]) : elementKind(cotangent, fault);
    throw new TypeError(`${caller}: the cotangent's entry [${fault}] is ${what}; cotangents must be finite numbers`);
  }
  const flat = new Array<number>(outputs);
  for (let r = 0; r < outputs; r++) flat[r] = cotangent[r] as number;
  return flat;
}
