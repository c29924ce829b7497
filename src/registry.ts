// Where the transform's generated code is found at run time, and the
// `differentiable` marker itself.
//
// The transform stores a function's registration (src/contract.ts: its
// metadata and generated forms, or its diagnostics) on the function object
// under Symbol.for("dualts.derivative"); any copy of the runtime can read it
// and no registry module needs to be loaded first. `differentiable` is the
// marker for function expressions and class methods: the transform rewrites
// `differentiable(fn)` into `differentiable(fn, info)`; at run time it
// attaches the information and returns fn unchanged, telling information
// from options by its `contract` field. A marked function the transform
// could not differentiate carries its diagnostics instead of derivative code
// (FailedDerivativeInfo), and derivativeInfo — the one place that reads a
// registration — throws them, as it refuses a registration of another
// contract version.

import { kindOf } from "./api/values.js";
import { CONTRACT_VERSION, DERIVATIVE, FORMS, isFailed, isRegistration, type DerivativeInfo, type FailedDerivativeInfo, type Registration } from "./contract.js";
import type { WithWrt } from "./api/types.js";

export type { DerivativeInfo, FailedDerivativeInfo, GenericOperations, Registration } from "./contract.js";

/**
 * What the transform registered on f, or undefined for a function it did not process. For a function
 * marked @differentiable that it could not differentiate, throws an Error quoting the diagnostics
 * (prefixed `api(name): ` where an API function asks); for a registration of another contract version
 * (a module compiled by another dualts), an Error that says to recompile. Every reader of a
 * registration comes here.
 */
export function derivativeInfo(f: Function, api?: string): DerivativeInfo | undefined {
  const registered = (f as unknown as Record<symbol, unknown>)[DERIVATIVE];
  if (registered === undefined) return undefined;
  if ((registered as { contract?: unknown }).contract !== CONTRACT_VERSION) throw incompatible(f, registered, api);
  if (isFailed(registered as Registration)) throw notDifferentiated(registered as FailedDerivativeInfo, api);
  return registered as DerivativeInfo;
}

/** The error for a registration this runtime cannot read: which version it has, which it reads, and the fix. */
function incompatible(f: Function, registered: unknown, api: string | undefined): Error {
  const named = (registered as { name?: unknown } | null)?.name;
  const name = typeof named === "string" ? named : f.name || "the function";
  const found = isRegistration(registered) ? `contract version ${String(registered.contract)}` : "no contract version";
  return new Error(
    `${api === undefined ? "" : `${api}(${name}): `}${name} was compiled by another version of the dualts transform ` +
      `(its registration has ${found}; this dualts runtime reads contract version ${CONTRACT_VERSION}). ` +
      `Recompile ${name}'s module with the installed dualts: its transform and its runtime must come from the same dualts.`,
  );
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

function attach<F extends Function>(f: F, info: Registration): F {
  Object.defineProperty(f, DERIVATIVE, { value: info, configurable: true });
  return f;
}

/**
 * The information with its forms bound to an object, for methods (diagnostics, and a registration of
 * another version, which derivativeInfo refuses, stay as they are).
 */
function bound(info: Registration, self: unknown): Registration {
  if ((info as { contract?: unknown }).contract !== CONTRACT_VERSION || isFailed(info)) return info;
  const forms: Record<string, Function> = {};
  for (const form of FORMS) {
    const code = info[form];
    if (typeof code === "function") forms[form] = code.bind(self);
  }
  return { ...info, ...forms };
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
/** As `dualts gen` writes differentiable(fn, { wrt }): the information, then the options as written, for the types. */
export function differentiable<F extends Function, const W extends readonly string[]>(fn: F, info: Registration, options: { readonly wrt: W }): WithWrt<F, W>;
export function differentiable<F extends Function>(fn: F, info?: Registration): F;
export function differentiable<M extends Function>(method: M, context: MethodContext): M;
export function differentiable(options: { readonly wrt?: readonly string[] } | Registration): <M extends Function>(method: M, context: MethodContext) => M;
export function differentiable(first: any, second?: any, _options?: unknown): any {
  // Used as a decorator itself (`@differentiable`): the second argument is the decorator's context.
  if (isDecoratorContext(second)) return decorate(undefined)(first, second);
  if (typeof first === "function") {
    if (isRegistration(second)) return attach(first, second as Registration);
    // Options ({ wrt }) that the transform did not replace: the function as it is.
    if (second === undefined || (typeof second === "object" && second !== null && !Array.isArray(second))) return first;
    throw new TypeError(`differentiable(${first.name || "fn"}, …): the second argument must be options such as { wrt: ["x"] }, not ${kindOf(second)}`);
  }
  // A decorator with options, or the transform's information object.
  return decorate(isRegistration(first) ? (first as Registration) : undefined);
}

/** Registers a marked method (the transform writes the call; see registerMethod). */
differentiable.method = registerMethod;
/** Registers a marked static method (the transform writes the call). */
differentiable.staticMethod = registerStaticMethod;
