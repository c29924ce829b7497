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
 * What the transform registered on f: its metadata (`name`, `parameters`, `kinds`, `wrt` as parameter
 * indices, `result`, and `required` and `rest` where they apply) and its generated forms (`jvp`,
 * `chunkJvp`, `record`, `gradient`, `recordGradient` where the transform wrote them; `generic` always).
 * Every reader of a registration comes here.
 *
 * @param f any function: marked and compiled, made by defineJvp, or plain
 * @param api the API function asking, for the message's prefix `api(name): ` (the derivative functions pass it)
 * @returns the registration, or undefined for a function the transform did not process
 * @throws Error quoting the diagnostics for a function marked @differentiable that the transform could
 *   not differentiate; Error saying to recompile for a registration of another contract version (a
 *   module compiled by another dualts)
 * @example
 *   // cube(x: number) { return x * x * x; }, marked @differentiable and compiled with the transform:
 *   derivativeInfo(cube)!.parameters;          // ["x"]
 *   derivativeInfo(cube)!.jvp!(2, 1);          // [8, 12]: the value, and the derivative along dx = 1
 *   derivativeInfo((x: number) => x * x);      // undefined: not processed by the transform
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
 * Marks a function expression or a class method as differentiable, for the transform to generate its
 * derivative code (a function declaration takes the JSDoc tag `@differentiable` instead). The forms:
 *
 *   const sq = differentiable((x: number) => x * x);
 *   const scaled = differentiable((x: number, k: number) => x * k, { wrt: ["x"] });
 *   class M { @differentiable energy(x: number) { … } }
 *   class N { @differentiable({ wrt: ["x"] }) energy(x: number, k: number) { … } }
 *
 * The transform rewrites the call to attach the derivative code to the function; at run time the
 * function is returned as it is, and without the transform grad(sq) throws an error that says how to
 * enable it. A marked method is bound to its instance: grad(spring.energy) differentiates spring's.
 *
 * @param fn the function (or, as a decorator, the method) to mark
 * @param options `wrt`: the names of the parameters to differentiate (default: every parameter that
 *   holds a number or an array of numbers). The function's type remembers the names, so grad(scaled)'s
 *   result type selects as they do
 * @returns fn itself, typed with its `wrt` where it was given
 * @throws TypeError, when the class is defined, as a decorator on anything but a method (an
 *   accessor, getter, setter, field or class); TypeError for a second argument that is not options
 * @example
 *   const scaled = differentiable((x: number, k: number) => x * k, { wrt: ["x"] });
 *   grad(scaled)(2, 5);                // 5, compiled with the transform
 */
export function differentiable<F extends Function, const W extends readonly string[]>(fn: F, options: { readonly wrt: W }): WithWrt<F, W>;
/** As `dualts gen` writes differentiable(fn, { wrt }): the information, then the options as written, for the types. */
export function differentiable<F extends Function, const W extends readonly string[]>(fn: F, info: Registration, options: { readonly wrt: W }): WithWrt<F, W>;
/**
 * Marks a function expression as differentiable (see the overload with `{ wrt }`); the transform
 * rewrites `differentiable(fn)` into `differentiable(fn, info)`, which attaches its derivative code.
 *
 * @param fn the function to mark
 * @param info what the transform generated (written by the transform, not by hand)
 * @returns fn itself
 * @example
 *   const sq = differentiable((x: number) => x * x);
 *   grad(sq)(3);                       // 6, compiled with the transform
 */
export function differentiable<F extends Function>(fn: F, info?: Registration): F;
/**
 * The decorator `@differentiable` on a class method (static too): the transform generates the method's
 * derivative code, and each instance's method is bound to it, so grad(spring.energy) differentiates
 * spring's. On an accessor, getter, setter, field or class it throws a TypeError when the class is defined.
 *
 * @example
 *   class Spring { constructor(readonly k: number) {} @differentiable energy(x: number) { return 0.5 * this.k * x * x; } }
 *   grad(new Spring(2).energy)(1.5);  // 3, compiled with the transform
 */
export function differentiable<M extends Function>(method: M, context: MethodContext): M;
/**
 * The decorator with options, `@differentiable({ wrt: ["x"] })`, on a class method: as `@differentiable`,
 * differentiating only the parameters named in `wrt`.
 *
 * @param options `wrt`: the names of the parameters to differentiate (the transform also passes its information here)
 * @returns the decorator
 */
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
