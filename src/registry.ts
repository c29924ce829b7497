// Where the transform's generated code is found at run time, and the
// `differentiable` marker itself.
//
// The transform stores a function's derivative information on the function
// object under Symbol.for("dualts.derivative"); any copy of the runtime can
// read it and no registry module needs to be loaded first. `differentiable`
// is the marker for function expressions and class methods: the transform
// rewrites `differentiable(fn)` into `differentiable(fn, info)`; at run time
// it attaches the information and returns fn unchanged. A marked function
// the transform could not differentiate carries its diagnostics instead of
// derivative code (FailedDerivativeInfo), and derivativeInfo — the one place
// that reads a registration — throws them.

import type { Real } from "./dual.js";
import type { LinearTape } from "./reverse/linear.js";
import { kindOf } from "./api/values.js";
import type { WithWrt } from "./api/types.js";

export const DERIVATIVE = Symbol.for("dualts.derivative");

export interface DerivativeInfo {
  readonly name: string;
  /** Every declared parameter; a rest parameter (`...xs`) is the last, and is one plain array in every form. */
  readonly parameters: readonly string[];
  /**
   * How many leading parameters a call must pass (Function.length's notion: those before the first
   * optional or default one); absent: all of them. A parameter a call omits (or passes as undefined)
   * is given to every form as undefined in its value slot and in its derivative slot, and the form
   * computes both from its default.
   */
  readonly required?: number;
  /** The last parameter is a rest parameter: the API packs a call's trailing arguments into one array for it. */
  readonly rest?: boolean;
  /**
   * Per parameter, what the generated code takes: a number ("scalar"), an array ("array"), or data it
   * does not differentiate; "any" for a custom rule (defineJvp), which takes a number or an array as
   * the call gives it. The API refuses an argument of another kind for a differentiated parameter.
   */
  readonly kinds: readonly ("scalar" | "array" | "data" | "any")[];
  /** Parameter indices the generated code differentiates. */
  readonly wrt: readonly number[];
  readonly result: "scalar" | "array";
  /** The JVP: each differentiable parameter followed by its tangent; returns [value, tangent]. Absent where only the generic form exists. */
  readonly jvp?: (...args: any[]) => [any, any];
  /** The chunk-mode JVP: (K, …each differentiable parameter followed by K lanes of tangents…) → [value, lanes]. */
  readonly chunkJvp?: (lanes: number, ...args: any[]) => [any, any];
  /**
   * The record form, generated reverse mode: (tape, …each differentiable parameter followed by its
   * node on the tape — a number, or one per element…) → [value, the result's node(s)]. See src/reverse/linear.ts.
   */
  readonly record?: (tape: LinearTape, ...args: any[]) => [any, any];
  /**
   * The gradient form, for a function of a few numbers: (…every parameter as it is…) → the gradient
   * with respect to wrt, one entry per parameter, exactly as the chunk-mode JVP gives it; or undefined
   * where the value might not be finite, and the chunk-mode JVP must run (transformer/emit/gradient.ts).
   */
  readonly gradient?: (...args: any[]) => number[] | undefined;
  /**
   * The record form's twin for grad, where the function has a log (or the like) that only its value
   * needs: (tape, …as the record form…) → the result's node, recorded exactly as the record form
   * records it; or undefined where the value might not be finite (then the record form must run).
   */
  readonly recordGradient?: (tape: LinearTape, ...args: any[]) => number | undefined;
  /** The function over dualts' generic operations: (ops, ...args). */
  readonly generic: (ops: GenericOperations, ...args: any[]) => any;
}

/**
 * What the transform registers on a function marked @differentiable that it could not differentiate:
 * its diagnostics in place of derivative code, each `file:line:col - error DUALTSxxxx: message`.
 */
export interface FailedDerivativeInfo {
  readonly name: string;
  readonly parameters: readonly string[];
  readonly diagnostics: readonly string[];
}

/** What the transform registers: derivative code, or the diagnostics that kept it from writing any. */
export type Registration = DerivativeInfo | FailedDerivativeInfo;

/** What generated generic code calls: every rule by name, and primal for comparisons. */
export type GenericOperations = Record<string, (...args: Real[]) => Real> & { primal(x: Real): number };

/**
 * What the transform registered on f, or undefined for a function it did not process. For a function
 * marked @differentiable that it could not differentiate, throws an Error quoting the diagnostics
 * (prefixed `api(name): ` where an API function asks). Every reader of a registration comes here.
 */
export function derivativeInfo(f: Function, api?: string): DerivativeInfo | undefined {
  const registered = (f as unknown as Record<symbol, Registration | undefined>)[DERIVATIVE];
  if (registered !== undefined && (registered as FailedDerivativeInfo).diagnostics !== undefined) {
    throw notDifferentiated(registered as FailedDerivativeInfo, api);
  }
  return registered as DerivativeInfo | undefined;
}

/** The error for a function whose registration holds diagnostics: every one of them, and what to do. */
function notDifferentiated(info: FailedDerivativeInfo, api: string | undefined): Error {
  const diagnostics = Array.isArray(info.diagnostics) ? info.diagnostics : [String(info.diagnostics)];
  return new Error(
    `${api === undefined ? "" : `${api}(${info.name}): `}${info.name} is marked @differentiable, but the dualts transform could not differentiate it ` +
      `(${diagnostics.length} diagnostic${diagnostics.length === 1 ? "" : "s"}):\n` +
      diagnostics.map((d) => `  ${d}`).join("\n") +
      `\nFix ${diagnostics.length === 1 ? "it" : "them"} and compile again: then ${info.name} is differentiable.`,
  );
}

/** Whether x is an information object the transform wrote (rather than a decorator's options). */
function isRegistration(x: unknown): x is Registration {
  return typeof x === "object" && x !== null && Array.isArray((x as Registration).parameters) && typeof (x as Registration).name === "string";
}

function attach<F extends Function>(f: F, info: Registration): F {
  Object.defineProperty(f, DERIVATIVE, { value: info, configurable: true });
  return f;
}

/** The information with its functions bound to an object, for methods (diagnostics stay as they are). */
function bound(info: Registration, self: unknown): Registration {
  if ((info as FailedDerivativeInfo).diagnostics !== undefined || !("generic" in info)) return info;
  return { ...info, jvp: info.jvp?.bind(self), chunkJvp: info.chunkJvp?.bind(self), record: info.record?.bind(self), gradient: info.gradient?.bind(self), recordGradient: info.recordGradient?.bind(self), generic: info.generic.bind(self) };
}

interface MethodContext {
  readonly kind: string;
  readonly name: string | symbol;
  addInitializer(initializer: (this: any) => void): void;
}

const DECORATOR_KINDS = ["class", "method", "getter", "setter", "field", "accessor"];

/** A standard decorator's context object (of any kind: the decorator may sit on something that is not a method). */
function isDecoratorContext(x: unknown): x is MethodContext {
  return typeof x === "object" && x !== null && DECORATOR_KINDS.includes((x as MethodContext).kind) && typeof (x as MethodContext).addInitializer === "function";
}

/** What a decorator context names, for a message: "the accessor 'value'", "the class Model". */
function decorated(context: MethodContext): string {
  const name = typeof context.name === "symbol" ? context.name.toString() : context.name;
  return context.kind === "class" ? `the class ${name ?? "(anonymous)"}` : `the ${context.kind} '${name}'`;
}

function decorate(info: Registration | undefined) {
  return <M extends Function>(method: M, context: MethodContext): M => {
    if (context.kind !== "method") {
      // Thrown while the class is defined: an accessor, getter, setter, field or class has no parameters to differentiate.
      throw new TypeError(
        `@differentiable marks methods, but it decorates ${decorated(context)}. ` +
          `Move the computation into a method (energy(x: number): number { … }) and mark that method @differentiable, or remove the decorator.`,
      );
    }
    if (info) {
      context.addInitializer(function (this: Record<string | symbol, unknown>) {
        this[context.name] = attach(method.bind(this), bound(info, this));
      });
    }
    return method;
  };
}

/**
 * The registration of a marked method, which the transform writes into its class as a static block
 * (consuming the decorator): `static { differentiable.method(this, "energy", info); }`. The method
 * becomes, on each instance, the method bound to that instance and carrying the derivative
 * information bound likewise — made on first access and kept as the instance's own property, so that
 * `grad(spring.energy)` differentiates spring's energy.
 */
function registerMethod(owner: Function, name: string, info: Registration): void {
  const prototype = owner.prototype as Record<string, unknown>;
  const method = prototype[name] as Function;
  Object.defineProperty(prototype, name, {
    configurable: true,
    get(this: Record<string, unknown>) {
      if (this === prototype) return method;
      const own = attach(method.bind(this), bound(info, this));
      Object.defineProperty(this, name, { value: own, writable: true, configurable: true });
      return own;
    },
    set(this: object, value: unknown) {
      Object.defineProperty(this, name, { value, writable: true, configurable: true, enumerable: true });
    },
  });
}

/** The same for a static method: the class's own method, bound to the class. */
function registerStaticMethod(owner: Function, name: string, info: Registration): void {
  const method = (owner as unknown as Record<string, Function>)[name];
  Object.defineProperty(owner, name, { value: attach(method.bind(owner), bound(info, owner)), writable: true, configurable: true });
}

/**
 * Marks a function expression or a class method as differentiable:
 *   const sq = differentiable((x: number) => x * x);
 *   const scaled = differentiable((x: number, k: number) => x * k, { wrt: ["x"] });
 *   class M { @differentiable energy(x: number) { … } }
 * The transform fills in the derivative; without it the function is returned as it is. With
 * `{ wrt }`, the function's type remembers the names, so grad(scaled)'s result type selects as
 * they do. As a decorator on anything but a method (an accessor, getter, setter, field or class)
 * it throws when the class is defined.
 */
export function differentiable<F extends Function, const W extends readonly string[]>(fn: F, options: { readonly wrt: W }): WithWrt<F, W>;
export function differentiable<F extends Function>(fn: F, info?: Registration): F;
export function differentiable<M extends Function>(method: M, context: MethodContext): M;
export function differentiable(options: { readonly wrt?: readonly string[] } | Registration): <M extends Function>(method: M, context: MethodContext) => M;
export function differentiable(first: any, second?: any): any {
  // Used as a decorator itself (`@differentiable`): the second argument is the decorator's context.
  if (isDecoratorContext(second)) return decorate(undefined)(first, second);
  if (typeof first === "function") {
    if (isRegistration(second)) return attach(first, second);
    // Options ({ wrt }) that the transform did not replace: the function as it is.
    if (second === undefined || (typeof second === "object" && second !== null && !Array.isArray(second))) return first;
    throw new TypeError(`differentiable(${first.name || "fn"}, …): the second argument must be options such as { wrt: ["x"] }, not ${kindOf(second)}`);
  }
  // A decorator with options, or the transform's information object.
  return decorate(isRegistration(first) ? first : undefined);
}

/** Registers a marked method (the transform writes the call; see registerMethod). */
differentiable.method = registerMethod;
/** Registers a marked static method (the transform writes the call). */
differentiable.staticMethod = registerStaticMethod;
