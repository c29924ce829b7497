// The types of what the derivative API returns, read from f's parameters and
// a call's arguments, so that `grad(f)(x)` needs no cast. They follow
// selection.ts's rules, at the type level:
//
//   default selection   every argument that is a number, an array of numbers
//                       (a tuple too) or a Float64Array; anything else
//                       (a string, an Int32Array, an object) is data, left out
//   shape               one selected parameter → its shape; several → a tuple
//   entries             a number → number; an array or a Float64Array →
//                       number[] (the runtime's arrays are always plain)
//   wrt                 an index narrows to that parameter; a name to the union
//                       of the candidates' shapes (TypeScript's types hold no
//                       parameter names); a list → one entry each
//   rest parameter      a compiled function packs its rest arguments into one
//                       array, a function over the runtime's operations takes
//                       each as a parameter: the union of both
//   nested use          an argument typed Real (it may be a Dual or a tape
//                       variable) makes every entry Real, as ScalarDerivative's
//                       second overload does; plain numbers give numbers
//
// Where a type cannot say (an argument typed any, unknown or number | string),
// the entry, or the whole result, is the general one. A `wrt(…)` or
// `noDerivative(…)` in a JSDoc tag is read by the transform, not by
// TypeScript: the types cannot see it (differentiable(fn, { wrt }) they can).

import type { Dual, Real } from "../dual.js";
import type { Var } from "../reverse/tape.js";

type IsAny<T> = 0 extends 1 & T ? true : false;

/** Whether some value of type E could be a number, an array of numbers or a Float64Array. */
type MayHoldNumbers<E> = true extends (E extends Real | readonly Real[] | Float64Array ? true : false)
  ? true
  : number extends E
    ? true
    : number[] extends E
      ? true
      : Float64Array extends E
        ? true
        : false;

/** What the default selection makes of an argument of type E: "scalar", "array", "data" (left out), or "unknown" where the type cannot say. */
type KindOf<E> =
  IsAny<E> extends true
    ? "unknown"
    : [E] extends [never]
      ? "unknown"
      : [E] extends [Real]
        ? "scalar"
        : [E] extends [Float64Array]
          ? "array"
          : [E] extends [readonly Real[]]
            ? IsAny<E[number]> extends true
              ? "unknown"
              : "array"
            : MayHoldNumbers<E> extends true
              ? "unknown"
              : "data";

/** Whether a value of type E may be a Dual or a tape variable, or an array holding one (a type that says so: Real, Real[], Dual). */
type MayBeNested<E> = IsAny<E> extends true ? false : true extends (E extends Dual | Var ? true : E extends readonly (infer T)[] ? (T extends Dual | Var ? true : false) : false) ? true : false;

/** number where the arguments hold plain numbers; Real where one may hold Duals or tape variables (a call inside another derivative). */
export type EntryOf<A extends readonly unknown[]> = true extends { [I in keyof A]: MayBeNested<A[I]> }[number] ? Real : number;

/** One parameter's gradient: N for a number, N[] for an array; either where the type cannot say. */
type ShapeOf<K, N> = K extends "scalar" ? N : K extends "array" ? N[] : K extends "unknown" ? N | N[] : never;

/** Any gradient: one parameter's shape, or one entry per parameter (the type where the arguments' types cannot say). */
export type AnyGradient<N = number> = N | N[] | (N | N[])[];

/** The fixed elements of a tuple before its rest element (all of a fixed tuple). */
type Prefix<T extends readonly unknown[]> = T extends readonly [infer H, ...infer R] ? [H, ...Prefix<R>] : [];

/** The rest element's type of a variadic tuple; never for a fixed one. */
type RestOf<T extends readonly unknown[]> = T extends readonly [unknown, ...infer R] ? RestOf<R> : T extends readonly [] ? never : T[number];

type HasRest<P extends readonly unknown[]> = number extends P["length"] ? true : false;

/**
 * The arguments as a compiled function with a rest parameter takes them: its Count fixed parameters,
 * then the rest arguments packed into one array. A variadic call that ends before Count is unknown.
 */
type Packed<A extends readonly unknown[], Count extends number, Head extends unknown[] = []> = Head["length"] extends Count
  ? [...Head, A]
  : A extends readonly [infer H, ...infer R]
    ? Packed<R, Count, [...Head, H]>
    : A extends readonly []
      ? Head
      : [...Head, unknown];

/** The argument lists the runtime may see: a call's own, and for a parameter list with a rest parameter also the packed one. */
type Views<P extends readonly unknown[], A extends readonly unknown[]> = HasRest<P> extends true ? A | Packed<A, Prefix<Required<P>>["length"]> : A;

/** The selected kinds, data left out; a variadic tail stays variadic. */
type Selected<K extends readonly unknown[]> = K extends readonly [infer H, ...infer R]
  ? H extends "data"
    ? Selected<R>
    : [H, ...Selected<R>]
  : K extends readonly []
    ? []
    : [K[number]] extends ["data"]
      ? []
      : K[number][];

type KindsOf<V extends readonly unknown[]> = { [I in keyof V]: KindOf<V[I]> };

type ShapesOf<K extends readonly unknown[], N> = { -readonly [I in keyof K]: ShapeOf<K[I], N> };

/**
 * Selected kinds as grad shapes them: none → never (the call throws); one → its shape; several → a
 * tuple. A variadic tail may hold one selected argument or many, so both shapes are possible.
 */
type Assemble<S extends readonly unknown[], N> = "unknown" extends S[number]
  ? AnyGradient<N>
  : S extends readonly []
    ? never
    : S extends readonly [infer Only]
      ? ShapeOf<Only, N>
      : HasRest<S> extends false
        ? ShapesOf<S, N>
        : Prefix<S> extends readonly []
          ? ShapeOf<RestOf<S>, N> | ShapeOf<RestOf<S>, N>[]
          : Assemble<Prefix<S>, N> | [...ShapesOf<Prefix<S>, N>, ...ShapeOf<RestOf<S>, N>[]];

/** The kind of the argument at index I, or data where the call has none there (the call throws). */
type KindAt<V extends readonly unknown[], I extends number> = number extends I
  ? Exclude<KindsOf<V>[number], "data">
  : HasRest<V> extends true
    ? KindOf<V[I]>
    : `${I}` extends keyof V
      ? KindOf<V[I]>
      : "data";

/** One wrt entry's kind: an index names one argument; a name (or an index not known) any of the candidates. */
type KindByWrt<V extends readonly unknown[], E> = E extends number ? KindAt<V, E> : Exclude<KindsOf<V>[number], "data">;

/** The gradient's shape for a selection by W over the arguments V. */
type ByWrt<V extends readonly unknown[], W, N> = W extends readonly unknown[]
  ? HasRest<W> extends true
    ? AnyGradient<N>
    : W extends readonly [infer Only]
      ? ShapeOf<KindByWrt<V, Only>, N>
      : { -readonly [I in keyof W]: ShapeOf<KindByWrt<V, W[I]>, N> }
  : ShapeOf<KindByWrt<V, W>, N>;

/** The unique symbol under which a function's type carries the wrt that differentiable(fn, { wrt }) gave it. */
export declare const compiledWrt: unique symbol;

/** The names differentiable(fn, { wrt }) gave a function, in its type only: no such property exists at run time. */
export interface MarkedWrt<W extends readonly string[]> {
  readonly [compiledWrt]?: W;
}

/** A function marked by differentiable(fn, { wrt }): its type remembers the names. */
export type WithWrt<F, W extends readonly string[]> = F & MarkedWrt<W>;

/** The selection a call makes without a wrt option: the one f was marked with, else the default. */
type WrtOf<F> = F extends MarkedWrt<infer W> ? (readonly string[] extends W ? undefined : W) : undefined;

/** The gradient for the arguments V: the default selection where W is undefined, else W's (distributed over W's members). */
type GradientInView<V extends readonly unknown[], W, N> = W extends undefined ? Assemble<Selected<KindsOf<V>>, N> : ByWrt<V, W, N>;

/**
 * What grad(f, { wrt: W })(...args) returns for arguments of types A (see the header). Distributed
 * over the argument lists the runtime may see.
 */
export type GradientOf<F extends (...args: any[]) => unknown, A extends readonly unknown[], W = undefined> = Distribute<Views<Parameters<F>, A>, [W] extends [undefined] ? WrtOf<F> : W, EntryOf<A>>;

type Distribute<V, W, N> = V extends readonly unknown[] ? GradientInView<V, W, N> : never;

/** The function grad(f, options) returns: generic over the call's arguments, so that the result follows them. */
export interface GradientFunction<F extends (...args: any[]) => unknown, W = undefined> {
  <A extends Parameters<F>>(...args: A): GradientOf<F, A, W>;
}

/** The function valueAndGrad(f, options) returns: [f's value, the gradient grad gives]. */
export interface ValueAndGradientFunction<F extends (...args: any[]) => unknown, W = undefined> {
  <A extends Parameters<F>>(...args: A): [EntryOf<A>, GradientOf<F, A, W>];
}

/** The function jacobian(f, options) or hessian(f, options) returns: a matrix, rows of plain arrays. */
export interface MatrixFunction<F extends (...args: any[]) => unknown> {
  <A extends Parameters<F>>(...args: A): EntryOf<A>[][];
}

/** Options whose wrt is kept as the literal W it is given, for the result's type. */
export type WithWrtOption<O, W> = O & {
  /** Parameters to differentiate: an index or a name, or a list of them. Default: every argument that is a number, an array of numbers or a Float64Array. */
  readonly wrt?: W;
};

/** A jvp tangent for a parameter of kind K: a number, or an array of as many numbers. */
type TangentOf<K> = K extends "scalar" ? number : K extends "array" ? readonly number[] | Float64Array : never;

/** The kinds a selection by W may pick from the arguments V: the default's, or W's entries'. */
type KindsSelectable<V extends readonly unknown[], W> = W extends undefined
  ? Exclude<KindsOf<V>[number], "data">
  : W extends readonly unknown[]
    ? HasRest<W> extends true
      ? "unknown"
      : KindByWrt<V, W[number]>
    : KindByWrt<V, W>;

type DistributeKinds<V, W> = V extends readonly unknown[] ? KindsSelectable<V, W> : never;

/**
 * jvp's tangents for arguments of types A: one per selected parameter, each a number or an array of
 * numbers as the parameters it may be for are. A list rather than a tuple: tangents computed at run
 * time are arrays, and a JSDoc tag's wrt (which the types cannot see) selects fewer parameters.
 */
export type TangentsOf<F extends (...args: any[]) => unknown, A extends readonly unknown[], W = undefined> = [A] extends [never]
  ? readonly (number | readonly number[] | Float64Array)[]
  : DistributeKinds<Views<Parameters<F>, A>, [W] extends [undefined] ? WrtOf<F> : W> extends infer K
    ? readonly TangentOf<"unknown" extends K ? "scalar" | "array" : K>[]
    : never;

/**
 * What jvp returns for f's result type R and arguments A: [value, directional derivative], each a
 * number for a number result and an array for an array result. The value is f's own, so a
 * Float64Array result stays one; the derivative is a plain array.
 */
export type JvpOf<R, A extends readonly unknown[]> = JvpWith<R, EntryOf<A>>;

/** JvpOf with the entries' type N worked out first (read from the arguments). */
type JvpWith<R, N> =
  IsAny<R> extends true
    ? [N | N[] | Float64Array, N | N[]]
    : [R] extends [Float64Array]
      ? [Float64Array, N[]]
      : [R] extends [Real]
        ? [N, N]
        : [R] extends [readonly Real[]]
          ? [N[], N[]]
          : [N | N[] | Float64Array, N | N[]];

/** derivative(f) for f: ℝ → ℝᵐ: the derivative of each output, a plain array; arrays of Reals when nested. */
export interface VectorDerivative {
  (x: number): number[];
  (x: Real): Real[];
}
