// jvp's tangents (and hvp's direction v): one per selected parameter,
// shaped like it (a number, or an array of as many numbers), every entry a
// finite number. Checked here and flattened slot by slot, in the
// selection's order; the messages call them what the caller calls them.

import type { Real } from "../dual.js";
import { isReal, type Selection } from "./selection.js";
import { elementKind, finiteNumber, firstFault, kindOf } from "./values.js";

/** What a caller calls its tangents, for messages: jvp's `tangents`, hvp's `v`. */
export interface TangentWords {
  /** The list: "tangents". */
  readonly list: string;
  /** One entry of it, for a parameter: "tangent" (for x). */
  readonly entry: string;
  /** One entry of it, in the list: "tangent" (per selected parameter). */
  readonly unit: string;
  /** How many of them: (3) → "3 tangent(s)". */
  readonly count: (n: number) => string;
  /** The rule for their numbers: "tangents must be finite numbers". */
  readonly finite: string;
}

const JVP_WORDS: TangentWords = { list: "tangents", entry: "tangent", unit: "tangent", count: (n) => `${n} tangent(s)`, finite: "tangents must be finite numbers" };

/** The tangents flattened slot by slot; an error that names the tangent at fault for anything else. */
export function flatTangents(sel: Selection, tangents: unknown, words: TangentWords = JVP_WORDS): number[] {
  const count = sel.params.length;
  const { list, entry } = words;
  const hole = `missing (the ${list} ${list === "tangents" ? "have" : "has"} a hole there)`;
  if (!Array.isArray(tangents)) {
    throw new TypeError(`${sel.caller}: ${list} must be an array with one ${words.unit} per selected parameter (${count}), not ${kindOf(tangents)}`);
  }
  if (tangents.length !== count) {
    throw new RangeError(`${sel.caller}: expected ${words.count(count)}, one per selected parameter, but got ${tangents.length}`);
  }
  // In loops: Array.from and flatMap cost more than the JVP itself for long arrays.
  const flat: number[] = [];
  for (let j = 0; j < count; j++) {
    const param = sel.params[j];
    const name = sel.signature.parameters[param] ?? `argument ${param}`;
    const argument = sel.args[param];
    const t: unknown = j in tangents ? tangents[j] : undefined;
    if (isReal(argument)) {
      if (typeof t !== "number") throw new TypeError(`${sel.caller}: the ${entry} for ${name} must be a number, like ${name} itself, but is ${j in tangents ? kindOf(t) : hole}`);
      if (!Number.isFinite(t)) throw new RangeError(`${sel.caller}: the ${entry} for ${name} is ${t}; ${words.finite}`);
      flat.push(t);
      continue;
    }
    const length = (argument as ArrayLike<Real>).length;
    if (!(Array.isArray(t) || t instanceof Float64Array) || t.length !== length) {
      const given = Array.isArray(t) ? `an array of ${t.length}` : j in tangents ? kindOf(t) : hole;
      throw new TypeError(`${sel.caller}: the ${entry} for ${name} must be an array of ${length}, like ${name} itself, but is ${given}`);
    }
    const fault = t instanceof Float64Array ? Array.prototype.findIndex.call(t, (x: number) => !Number.isFinite(x)) : firstFault(t, finiteNumber);
    if (fault >= 0) {
      const what = t instanceof Float64Array || typeof t[fault] === "number" ? String(t[fault]) : elementKind(t, fault);
      throw new TypeError(`${sel.caller}: the ${entry} for ${name}[${fault}] is ${what}; ${words.finite}`);
    }
    for (let i = 0; i < length; i++) flat.push(t[i]);
  }
  return flat;
}
