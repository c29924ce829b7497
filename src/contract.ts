// The contract between the transform and the runtime: what a function
// compiled by dualts carries, written once. The transform's emitter
// (transformer/emit/register.ts) writes it as source text; the runtime
// (src/registry.ts and the API behind it) reads it as functions. Both import
// this module, so a field or a form is added here and nowhere else.
//
// A compiled function carries, under Symbol.for("dualts.derivative"), one
// registration: `contract` (this module's CONTRACT_VERSION, by which a
// registration is recognised), the function's metadata (name, parameters,
// required, rest, kinds, wrt, result) and its generated forms (jvp, chunkJvp,
// record, gradient, recordGradient, generic — FORMS, in that order); or, for a
// marked function the transform could not differentiate, its diagnostics.
//
// The transform imports this file at run time: it must stay free of run-time
// imports (type imports only).

import type { Real } from "./dual.js";
import type { LinearTape } from "./reverse/linear.js";

/**
 * The version of this contract, written into every registration as `contract`. Raise it whenever a
 * field or a form's signature changes in a way an older reader or writer would get wrong: a
 * registration of another version is refused with an error that says to recompile.
 */
export const CONTRACT_VERSION = 1;

/** The key of the global symbol a registration is stored under: `Symbol.for(DERIVATIVE_KEY)`. */
export const DERIVATIVE_KEY = "dualts.derivative";

/** The symbol a compiled function carries its registration under (the same in every copy of the runtime). */
export const DERIVATIVE = Symbol.for(DERIVATIVE_KEY);

/**
 * Per parameter, what the generated code takes: a number ("scalar"), an array ("array"), or data it
 * does not differentiate; "any" for a custom rule (defineJvp), which takes a number or an array as
 * the call gives it. The API refuses an argument of another kind for a differentiated parameter.
 */
export type ParameterKind = "scalar" | "array" | "data" | "any";

/** What generated generic code calls: every rule by name, and primal for comparisons. */
export type GenericOperations = Record<string, (...args: Real[]) => Real> & { primal(x: Real): number };

/** What every registration says: that it is one, of which version, and of which function. */
export interface Identity {
  /** CONTRACT_VERSION of the transform that wrote it: what makes an object a registration. */
  readonly contract: typeof CONTRACT_VERSION;
  /** The function's name, as errors quote it. */
  readonly name: string;
  /** Every declared parameter; a rest parameter (`...xs`) is the last, and is one plain array in every form. */
  readonly parameters: readonly string[];
}

/** What a registration says of a function the transform differentiated, besides its forms. */
export interface Metadata extends Identity {
  /**
   * How many leading parameters a call must pass (Function.length's notion: those before the first
   * optional or default one); absent: all of them. A parameter a call omits (or passes as undefined)
   * is given to every form as undefined in its value slot and in its derivative slot, and the form
   * computes both from its default.
   */
  readonly required?: number;
  /** The last parameter is a rest parameter: the API packs a call's trailing arguments into one array for it. */
  readonly rest?: boolean;
  /** Per parameter, what the generated code takes (ParameterKind). */
  readonly kinds: readonly ParameterKind[];
  /** Parameter indices the generated code differentiates. */
  readonly wrt: readonly number[];
  /** What the function returns: a number, or an array of numbers. */
  readonly result: "scalar" | "array";
}

/**
 * The generated forms and their signatures at run time. In every form, each differentiable parameter
 * (wrt) is followed by its derivative slot; the others are passed as they are.
 */
export interface FormSignatures {
  /**
   * The JVP: (…each differentiable parameter followed by its tangent…) → [value, tangent]. Absent
   * where only the generic form exists (a function that takes derivatives itself).
   */
  readonly jvp: (...args: any[]) => [any, any];
  /** The chunk-mode JVP: (K, …each differentiable parameter followed by K lanes of tangents…) → [value, lanes]. */
  readonly chunkJvp: (lanes: number, ...args: any[]) => [any, any];
  /**
   * The record form, generated reverse mode: (tape, …each differentiable parameter followed by its
   * node on the tape — a number, or one per element…) → [value, the result's node(s)]. See src/reverse/linear.ts.
   */
  readonly record: (tape: LinearTape, ...args: any[]) => [any, any];
  /**
   * The gradient form, for a function of a few numbers: (…every parameter as it is…) → the gradient
   * with respect to wrt, one entry per parameter, exactly as the chunk-mode JVP gives it; or undefined
   * where the value might not be finite, and the chunk-mode JVP must run (transformer/emit/gradient.ts).
   */
  readonly gradient: (...args: any[]) => number[] | undefined;
  /**
   * The record form's twin for grad, where the function has a log (or the like) that only its value
   * needs: (tape, …as the record form…) → the result's node, recorded exactly as the record form
   * records it; or undefined where the value might not be finite (then the record form must run).
   */
  readonly recordGradient: (tape: LinearTape, ...args: any[]) => number | undefined;
  /** The function over dualts' generic operations: (ops, …every parameter as it is…) → its value. Every differentiated function has one. */
  readonly generic: (ops: GenericOperations, ...args: any[]) => any;
}

/** The name of a generated form. */
export type FormName = keyof FormSignatures;

/** Every generated form, in the order the transform writes them (the compiler checks that none is missing). */
export const FORMS = Object.keys({
  jvp: true,
  chunkJvp: true,
  record: true,
  gradient: true,
  recordGradient: true,
  generic: true,
} satisfies Record<FormName, true>) as readonly FormName[];

/** The forms, each represented as R: `FormsAs<string>` is the transform's source text of each. */
export type FormsAs<R> = { readonly [K in keyof FormSignatures]: R };

/**
 * A registration of a differentiated function, over how its forms are represented: functions at run
 * time (the default, FormSignatures), source text in the transform (FormsAs<string>). Every form but
 * the generic one may be absent.
 */
export type Contract<Forms extends FormsAs<unknown> = FormSignatures> = Metadata & Partial<Forms> & Pick<Forms, "generic">;

/**
 * What the transform registers on a function marked @differentiable that it could not differentiate:
 * its diagnostics in place of derivative code, each `file:line:col - error DUALTSxxxx: message`.
 */
export interface FailedDerivativeInfo extends Identity {
  readonly diagnostics: readonly string[];
}

/** What the transform registers: derivative code, or the diagnostics that kept it from writing any. */
export type Registration<Forms extends FormsAs<unknown> = FormSignatures> = Contract<Forms> | FailedDerivativeInfo;

/** What the runtime reads of a differentiated function: its metadata and its forms as functions. */
export type DerivativeInfo = Contract<FormSignatures>;

/** Whether x is a registration: an object with a `contract` field (of any version; see isCurrent). */
export function isRegistration(x: unknown): x is { readonly contract: unknown } {
  return typeof x === "object" && x !== null && "contract" in x;
}

/** Whether a registration holds diagnostics rather than derivative code. */
export function isFailed<Forms extends FormsAs<unknown>>(r: Registration<Forms>): r is FailedDerivativeInfo {
  return (r as FailedDerivativeInfo).diagnostics !== undefined;
}
