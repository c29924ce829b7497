// Which inputs a derivative is taken with respect to, flattened to scalars.
//
// Every API function starts here: it checks the call (arity, `wrt`, input
// kinds, finite values), lists the differentiable scalars ("slots") in order
// — a number parameter is one slot, an array parameter one slot per element —
// rebuilds the argument list with chosen values in those slots, and shapes a
// flat list of per-slot results back into the parameters' shapes.
//
// A compiled function's rest parameter (`...xs`) is one array here: the
// call's trailing arguments are packed into it before anything else, and
// unpacked (`spread`) wherever the API calls f itself. A parameter the call
// omits (`y` in `f(x, y = 2 * x)` called as f(3)) is not an input: it is
// left out of the selection, and the generated code computes it.

import { Dual, type Real } from "../dual.js";
import { primal } from "../ops.js";
import { Var } from "../reverse/tape.js";
import { derivativeInfo, type DerivativeInfo } from "../registry.js";
import { describe, signatureOf, type Signature } from "./signature.js";
import { elementKind, firstFault, kindOf } from "./values.js";

/** Parameters to differentiate: indices, names, or a list of either. */
export type Wrt = number | string | readonly (number | string)[];

export interface WrtOptions {
  /** Default: every argument that is a number, an array of numbers or a Float64Array. */
  readonly wrt?: Wrt;
}

export interface Slot {
  readonly param: number;
  /** Element index within an array parameter; -1 for a scalar parameter. */
  readonly index: number;
}

export function isReal(x: unknown): x is Real {
  return typeof x === "number" || x instanceof Dual || x instanceof Var;
}

/** A Float64Array, or an array whose every element is a Real (a hole is not). */
export function isRealArray(x: unknown): x is ArrayLike<Real> {
  if (x instanceof Float64Array) return true;
  if (!Array.isArray(x)) return false;
  for (let i = 0; i < x.length; i++) if (!isReal(x[i])) return false;
  return true;
}

export class Selection {
  /** Slot k's parameter, and its element index within an array parameter (-1 for a scalar parameter): parallel arrays, not an object per element. */
  readonly slotParams: number[] = [];
  readonly slotIndices: number[] = [];
  readonly values: Real[] = [];

  constructor(
    /** The API function's name: `grad`. */
    readonly api: string,
    readonly signature: Signature,
    /** The arguments, a compiled function's rest arguments packed into one array. */
    public args: readonly unknown[],
    /** Selected argument positions, in the order results are given. */
    readonly params: readonly number[],
    /** Whether the last of args is the call's rest arguments, packed (spread unpacks them). */
    readonly packed = false,
  ) {
    for (const param of params) {
      const arg = args[param];
      if (isReal(arg)) {
        this.add(param, -1, arg);
      } else {
        const array = arg as ArrayLike<Real>;
        for (let index = 0; index < array.length; index++) this.add(param, index, array[index]);
      }
    }
  }

  /** The same selection over other arguments laid out alike (Duals in the slots, for a derivative inside this one). */
  over(args: readonly unknown[]): Selection {
    return new Selection(this.api, this.signature, args, this.params, this.packed);
  }

  /**
   * The same selection over another call's arguments of the same layout (a plan's, plan.ts: the
   * same kinds, lengths, plain and finite numbers), its slots' values read again.
   */
  rebind(args: readonly unknown[]): this {
    this.args = this.packed ? packRest(args, this.signature.parameters.length) : args;
    args = this.args;
    const { slotParams, slotIndices, values } = this;
    for (let k = 0; k < values.length; k++) {
      const index = slotIndices[k];
      values[k] = index < 0 ? (args[slotParams[k]] as number) : (args[slotParams[k]] as ArrayLike<number>)[index];
    }
    return this;
  }

  /** Whether the call omits parameter i (passes nothing, or undefined, for an optional one): the generated code computes it. */
  omits(i: number): boolean {
    return omits(this.signature, this.args, i);
  }

  /** Arguments laid out as args are (by with, say), as f itself takes them: a packed rest parameter spread again. */
  spread(args: readonly unknown[]): unknown[] {
    if (!this.packed) return args as unknown[];
    const last = args.length - 1;
    return [...args.slice(0, last), ...(args[last] as readonly unknown[])];
  }

  /** Slot k as an object (for messages and code that is not hot). */
  slot(k: number): Slot {
    return { param: this.slotParams[k], index: this.slotIndices[k] };
  }

  /** `grad(loss)`, the prefix of every message (made when a message needs it). */
  get caller(): string {
    return `${this.api}(${this.signature.name})`;
  }

  /** True when no argument holds a Dual or tape variable: the generated JVP can run on it. */
  get plain(): boolean {
    return (this.isPlain ??= this.args.every((a) => !(a instanceof Dual || a instanceof Var) && !(Array.isArray(a) && a.some((x) => x instanceof Dual || x instanceof Var))));
  }

  private isPlain?: boolean;

  private add(param: number, index: number, value: Real): void {
    const p = typeof value === "number" ? value : primal(value);
    if (!Number.isFinite(p)) {
      throw new RangeError(`${this.caller}: ${this.slotName({ param, index })} is ${p}; derivatives are taken at finite inputs only`);
    }
    this.slotParams.push(param);
    this.slotIndices.push(index);
    this.values.push(value);
  }

  /** `w0`, `xs[3]` or `argument 2`, for messages. */
  slotName(slot: Slot): string {
    const name = this.signature.parameters[slot.param] ?? `argument ${slot.param}`;
    return slot.index < 0 ? name : `${name}[${slot.index}]`;
  }

  /** The arguments with slot k holding reals[k]; selected arrays become plain arrays (a Float64Array cannot hold Duals). */
  with(reals: readonly Real[]): unknown[] {
    const args = [...this.args];
    for (const param of this.params) {
      if (isReal(args[param])) continue;
      // A copy by a loop: Array.from of a Float64Array costs several times more.
      const array = args[param] as ArrayLike<Real>;
      const copy: Real[] = [];
      for (let i = 0; i < array.length; i++) copy.push(array[i]);
      args[param] = copy;
    }
    for (let k = 0; k < reals.length; k++) this.put(args, k, reals[k]);
    return args;
  }

  /** Puts `value` in slot k of `args`, laid out as `with` lays them out (its arrays plain arrays). */
  put(args: unknown[], k: number, value: Real): void {
    const index = this.slotIndices[k];
    if (index < 0) args[this.slotParams[k]] = value;
    else (args[this.slotParams[k]] as Real[])[index] = value;
  }

  /**
   * shape for every call of this selection's layout (a plan's, plan.ts): the parameters' kinds and
   * lengths read once.
   */
  shaper<T>(): (flat: readonly T[]) => T | T[] | (T | T[])[] {
    const lengths = this.lengths();
    // inShapes' two common answers decided here once, off the hot path: a number's entry, or the flat list itself.
    if (lengths.length === 1 && lengths[0] < 0) return (flat) => flat[0];
    if (lengths.length === 1 || lengths.every((length) => length < 0)) return (flat) => flat as T[];
    return (flat) => inShapes(lengths, flat);
  }

  /** One selected parameter → its shape (a value, or an array); several → one entry each. */
  shape<T>(flat: readonly T[]): T | T[] | (T | T[])[] {
    return inShapes(this.lengths(), flat);
  }

  /** Each selected parameter's length: -1 for a number. */
  private lengths(): number[] {
    return this.params.map((param) => (isReal(this.args[param]) ? -1 : (this.args[param] as ArrayLike<Real>).length));
  }
}

/**
 * A flat list of per-scalar entries in the shapes of parameters of these lengths (-1 for a number),
 * whose scalars it holds parameter by parameter, in order: one parameter → its shape (its number, or
 * the flat list itself, its array's entries); only numbers → the flat list itself; else one entry
 * per parameter. Every route gives a new flat list, so returning it is returning a new list.
 */
function inShapes<T>(lengths: readonly number[], flat: readonly T[]): T | T[] | (T | T[])[] {
  if (lengths.length === 1) return lengths[0] < 0 ? flat[0] : (flat as T[]);
  if (lengths.every((length) => length < 0)) return flat as T[];
  const perParam = new Array<T | T[]>(lengths.length);
  for (let i = 0, k = 0; i < lengths.length; i++) {
    perParam[i] = lengths[i] < 0 ? flat[k] : flat.slice(k, k + lengths[i]);
    k += lengths[i] < 0 ? 1 : lengths[i];
  }
  return perParam;
}

/** Whether a call omits parameter i: an optional one (at or after `required`) that it passes nothing, or undefined, for. */
function omits(signature: Signature, args: readonly unknown[], i: number): boolean {
  return i >= signature.required && args[i] === undefined;
}

/** A compiled function's rest arguments (from its last declared parameter on) packed into one plain array. */
function packRest(args: readonly unknown[], declared: number): unknown[] {
  return [...args.slice(0, declared - 1), args.slice(declared - 1)];
}

function resolveWrt(caller: string, signature: Signature, args: readonly unknown[], wrt: Wrt, packed: boolean): number[] {
  const list: unknown[] = typeof wrt === "number" || typeof wrt === "string" ? [wrt] : Array.isArray(wrt) ? [...wrt] : [wrt];
  const odd = list.find((entry) => typeof entry !== "number" && typeof entry !== "string");
  if (odd !== undefined || list.includes(undefined)) {
    const kind = (x: unknown) => (x == null ? String(x) : Array.isArray(x) ? "an array" : typeof x === "object" ? "an object" : `a ${typeof x} (${String(x)})`);
    const what = Array.isArray(wrt) ? `a list holding ${kind(odd)}` : kind(wrt);
    throw new TypeError(`${caller}: wrt must be a parameter's index or name, or a list of them, not ${what}`);
  }
  if (list.length === 0) throw new RangeError(`${caller}: wrt is empty; name at least one parameter`);
  const params = (list as (number | string)[]).map((entry) => {
    const index = typeof entry === "number" ? entry : signature.parameters.indexOf(entry);
    if (typeof entry === "string" && index < 0) {
      throw new RangeError(`${caller}: wrt names '${entry}', which is not a parameter of ${describe(signature)}`);
    }
    if (Number.isInteger(index) && index >= 0 && index < signature.parameters.length && omits(signature, args, index)) {
      const name = signature.parameters[index] ?? `#${index}`;
      throw new RangeError(`${caller}: wrt selects ${name}, which this call does not pass (it takes its default); pass ${name} to differentiate with respect to it`);
    }
    if (!Number.isInteger(index) || index < 0 || index >= args.length) {
      const count = packed ? `takes ${args.length} parameter(s), its rest parameter one array` : `was called with ${args.length} argument(s)`;
      throw new RangeError(`${caller}: wrt index ${entry} is out of range; ${describe(signature)} ${count}`);
    }
    return index;
  });
  const repeated = params.find((p, i) => params.indexOf(p) !== i);
  if (repeated !== undefined) throw new RangeError(`${caller}: wrt selects parameter ${signature.parameters[repeated] ?? repeated} twice`);
  return params;
}

/** `xs`, or `argument 2` where the name could not be read. */
function parameterName(signature: Signature, p: number): string {
  return signature.parameters[p] ?? `argument ${p}`;
}

/** The error for an array whose element i is not a number: it is missing (a hole), or of another kind. */
function notNumericElement(caller: string, signature: Signature, p: number, array: readonly unknown[], i: number): TypeError {
  return new TypeError(`${caller}: ${parameterName(signature, p)}[${i}] is ${elementKind(array, i)}; ` + `an array is differentiated element by element, so every element must be a number`);
}

/**
 * Every selected argument must be a number, an array of numbers or a Float64Array — for a compiled
 * function, the one its parameter was compiled for (`kinds`): its generated code reads a number
 * parameter as a number and an array parameter element by element.
 */
function checkKinds(caller: () => string, signature: Signature, args: readonly unknown[], params: readonly number[], kinds?: DerivativeInfo["kinds"]): void {
  for (const p of params) {
    const arg = args[p];
    const kind = kinds?.[p];
    if (kind === "scalar" && !isReal(arg)) {
      throw new TypeError(`${caller()}: ${parameterName(signature, p)} is a number parameter of ${describe(signature)}, but argument ${p} is ${kindOf(arg)}`);
    }
    if (kind === "array" && !(Array.isArray(arg) || arg instanceof Float64Array)) {
      throw new TypeError(`${caller()}: ${parameterName(signature, p)} is an array parameter of ${describe(signature)}, but argument ${p} is ${kindOf(arg)}`);
    }
    if (isReal(arg) || arg instanceof Float64Array) continue;
    if (Array.isArray(arg)) {
      const fault = firstFault(arg, isReal);
      if (fault < 0) continue;
      throw notNumericElement(caller(), signature, p, arg, fault);
    }
    throw new TypeError(
      `${caller()}: parameter ${signature.parameters[p] ?? `#${p}`} (argument ${p}) is ${kindOf(arg)}; ` + `only a number, an array of numbers or a Float64Array can be differentiated`,
    );
  }
}

/**
 * The positions of the arguments that are numbers, arrays of numbers or Float64Arrays: the default
 * selection. An array that holds numbers and also a hole or something else is an error, not data.
 */
function differentiableArguments(caller: () => string, signature: Signature, args: readonly unknown[]): number[] {
  const params: number[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (isReal(arg) || isRealArray(arg)) params.push(i);
    else if (Array.isArray(arg) && arg.some(isReal)) throw notNumericElement(caller(), signature, i, arg, firstFault(arg, isReal));
  }
  return params;
}

/** Checks the call and selects the differentiable inputs. */
export function select(api: string, f: Function, args: readonly unknown[], options: WrtOptions = {}, signature = signatureOf(f)): Selection {
  // The messages' prefix is made only for a message: a string per call costs a small function's gradient time.
  const caller = () => `${api}(${signature.name})`;
  if (!Array.isArray(args)) throw new TypeError(`${caller()}: args must be an array of ${signature.name}'s arguments, not ${kindOf(args)}`);
  const declared = signature.parameters.length;
  if (args.length < signature.required || (!signature.variadic && args.length > declared)) {
    const expected = signature.variadic ? `at least ${signature.required}` : signature.required < declared ? `${signature.required} to ${declared}` : `${declared}`;
    throw new RangeError(`${caller()}: ${describe(signature)} takes ${expected} argument(s), but ${args.length} were given`);
  }
  const compiled = derivativeInfo(f);
  const packed = compiled?.rest === true;
  if (packed) args = packRest(args, declared);
  const params =
    options.wrt !== undefined
      ? resolveWrt(caller(), signature, args, options.wrt, packed)
      : compiled
        ? signature.required >= declared
          ? [...compiled.wrt]
          : compiled.wrt.filter((p) => !omits(signature, args, p))
        : differentiableArguments(caller, signature, args);
  const outside = compiled && params.find((p) => !compiled.wrt.includes(p));
  if (compiled && outside !== undefined) {
    const differentiable = compiled.wrt.map((i) => compiled.parameters[i]).join(", ");
    throw new RangeError(
      `${caller()}: ${compiled.name} was compiled differentiable only with respect to ${differentiable || "nothing"}, not ${compiled.parameters[outside]}; ` +
        `add it to wrt(…) in its @differentiable tag (or to the wrt of differentiable(fn, { wrt }))`,
    );
  }
  // The arguments a compiled function differentiates are checked as those wrt names are (the default selection holds only such arguments).
  if (options.wrt !== undefined || compiled) checkKinds(caller, signature, args, params, compiled?.kinds);
  if (params.length === 0) {
    const omitted = compiled && compiled.wrt.length > 0 ? `; ${describe(signature)} is differentiable only with respect to parameters this call omits` : "";
    throw new TypeError(`${caller()}: no argument is a number, an array of numbers or a Float64Array, so there is nothing to differentiate${omitted}`);
  }
  return new Selection(api, signature, args, params, packed);
}
