// Reading what a differentiated function returned: checking that it is a
// number (or a vector of numbers) and splitting it into the part that does
// not depend on a tag and the tangent along that tag.

import { Dual, type Real, type Tangent } from "../dual.js";
import { isReal, isRealArray, type Selection } from "./selection.js";

/** [primal, tangent] of x with respect to one tag; a value without that tag is a constant. */
export function split(x: Real, tag: number): [Real, Tangent] {
  return x instanceof Dual && x.tag === tag ? [x.primal, x.tangent] : [x, 0];
}

function returned(result: unknown): string {
  if (Array.isArray(result) || ArrayBuffer.isView(result)) return "an array";
  if (result === null) return "null";
  return `${typeof result === "object" ? "an object" : `a ${typeof result}`} (${String(result)})`;
}

/** The result of a function that must return one number. */
export function scalarResult(sel: Selection, result: unknown, hint = "use jacobian for a function that returns an array"): Real {
  if (isReal(result)) return result;
  throw new TypeError(`${sel.caller}: ${sel.signature.name} returned ${returned(result)}, but a number was expected; ${hint}`);
}

/** The result of a vector-valued function; a single number counts as a vector of one. */
export function vectorResult(sel: Selection, result: unknown): Real[] {
  if (isReal(result)) return [result];
  if (isRealArray(result)) return Array.from(result);
  throw new TypeError(`${sel.caller}: ${sel.signature.name} returned ${returned(result)}; a number, an array of numbers or a Float64Array was expected`);
}

/** How many outputs a result has, without vectorResult's copy; a result that is not one is vectorResult's error. */
export function outputCount(sel: Selection, result: unknown): number {
  if (isReal(result)) return 1;
  if (result instanceof Float64Array || Array.isArray(result)) return result.length;
  return vectorResult(sel, result).length;
}

/**
 * Where a value is NaN (outside a domain somewhere), so is its derivative: the same rule on every
 * route, generated or not. Element by element for a vector; a value that is not a plain number
 * (inside another derivative) leaves its derivative as it is.
 */
export function nanWhereValueIs(value: unknown, tangent: unknown): unknown {
  if (typeof value === "number") return value !== value ? NaN : tangent;
  if (!Array.isArray(value) && !(value instanceof Float64Array)) return tangent;
  // Loops rather than Array.from with a mapper, which costs V8 far more than the loop's work here.
  const values = value as ArrayLike<unknown>;
  const tangents = tangent as ArrayLike<unknown>;
  const out = new Array<unknown>(tangents.length);
  for (let i = 0; i < tangents.length; i++) {
    const v = values[i];
    out[i] = typeof v === "number" && v !== v ? NaN : tangents[i];
  }
  return out;
}

/** A forward pass's derivative as a Jacobian column: a number result's as a column of one. */
export function asColumn(tangent: unknown): Real[] {
  return isReal(tangent) ? [tangent] : (tangent as Real[]);
}

/** A matrix from its columns: row i holds every column's entry i. */
export function fromColumns(columns: readonly ArrayLike<Real>[], rows: number): Real[][] {
  const matrix = new Array<Real[]>(rows);
  for (let i = 0; i < rows; i++) {
    const row = new Array<Real>(columns.length);
    for (let k = 0; k < columns.length; k++) row[k] = columns[k][i];
    matrix[i] = row;
  }
  return matrix;
}

/** nanWhereValueIs for every derivative of one value: a gradient, or a Jacobian's row. */
export function nanRowWhereValueIs<T>(value: unknown, row: T[]): (T | number)[] {
  return typeof value === "number" && value !== value ? row.map(() => NaN) : row;
}

/**
 * poisoned for a gradient of numbers at a number value (a value known to be finite is given as 0): a
 * plan's one-pass check (generated.ts), its own loop over numbers only, so that it stays monomorphic and cheap however
 * many kinds of derivative the general path's `poisoned` has seen.
 */
export function gradientPoisoned(value: number, gradient: readonly number[]): boolean {
  if (value !== value) return false;
  for (let k = 0; k < gradient.length; k++) if (gradient[k] !== gradient[k]) return true;
  return false;
}
