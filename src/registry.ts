// Where the transform's generated code is found at run time, and the
// `differentiable` marker itself.
//
// The transform stores a function's derivative information on the function
// object under Symbol.for("dualts.derivative"); any copy of the runtime can
// read it and no registry module needs to be loaded first. `differentiable`
// is the marker for function expressions and class methods: the transform
// rewrites `differentiable(fn)` into `differentiable(fn, info)`; at run time
// it attaches the information and returns fn unchanged.

import type { Real } from "./dual.js";
import type { LinearTape } from "./reverse/linear.js";

export const DERIVATIVE = Symbol.for("dualts.derivative");

export interface DerivativeInfo {
  readonly name: string;
  readonly parameters: readonly string[];
  readonly kinds: readonly ("scalar" | "array" | "data")[];
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

/** What generated generic code calls: every rule by name, and primal for comparisons. */
export type GenericOperations = Record<string, (...args: Real[]) => Real> & { primal(x: Real): number };

export function derivativeInfo(f: Function): DerivativeInfo | undefined {
  return (f as unknown as Record<symbol, DerivativeInfo | undefined>)[DERIVATIVE];
}

function attach<F extends Function>(f: F, info: DerivativeInfo): F {
  Object.defineProperty(f, DERIVATIVE, { value: info, configurable: true });
  return f;
}

/** The information with its functions bound to an object, for methods. */
function bound(info: DerivativeInfo, self: unknown): DerivativeInfo {
  return { ...info, jvp: info.jvp?.bind(self), chunkJvp: info.chunkJvp?.bind(self), record: info.record?.bind(self), gradient: info.gradient?.bind(self), recordGradient: info.recordGradient?.bind(self), generic: info.generic?.bind(self) } as DerivativeInfo;
}

interface MethodContext {
  readonly kind: string;
  readonly name: string | symbol;
  addInitializer(initializer: (this: any) => void): void;
}

function isMethodContext(x: unknown): x is MethodContext {
  return typeof x === "object" && x !== null && (x as MethodContext).kind === "method";
}

/** Without the transform, the decorator leaves the method as it is (grad of it then says how to enable the transform). */
function decorate<M extends Function>(method: M, _context: MethodContext): M {
  return method;
}

/**
 * The registration of a marked method, which the transform writes into its class as a static block
 * (consuming the decorator): `static { differentiable.method(this, "energy", info); }`. The method
 * becomes, on each instance, the method bound to that instance and carrying the derivative
 * information bound likewise — made on first access and kept as the instance's own property, so that
 * `grad(spring.energy)` differentiates spring's energy.
 */
function registerMethod(owner: Function, name: string, info: DerivativeInfo): void {
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
function registerStaticMethod(owner: Function, name: string, info: DerivativeInfo): void {
  const method = (owner as unknown as Record<string, Function>)[name];
  Object.defineProperty(owner, name, { value: attach(method.bind(owner), bound(info, owner)), writable: true, configurable: true });
}

/**
 * Marks a function expression or a class method as differentiable:
 *   const sq = differentiable((x: number) => x * x);
 *   class M { @differentiable energy(x: number) { … } }
 * The transform fills in the derivative; without it the function is returned as it is.
 */
export function differentiable<F extends Function>(fn: F, info?: DerivativeInfo): F;
export function differentiable<M extends Function>(method: M, context: MethodContext): M;
export function differentiable(options: { readonly wrt?: readonly string[] }): <M extends Function>(method: M, context: MethodContext) => M;
export function differentiable(first: any, second?: any): any {
  if (typeof first === "function") {
    if (isMethodContext(second)) return decorate(first, second);
    return second ? attach(first, second as DerivativeInfo) : first;
  }
  // A decorator with options: the transform consumes it; without the transform it changes nothing.
  return decorate;
}

/** Registers a marked method (the transform writes the call; see registerMethod). */
differentiable.method = registerMethod;
/** Registers a marked static method (the transform writes the call). */
differentiable.staticMethod = registerStaticMethod;
