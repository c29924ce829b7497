// Custom derivative rules (JAX's custom_jvp, Swift's @derivative(of:)).
//
// defineJvp(f, fJvp) gives f a derivative that the user writes: fJvp takes
// each argument followed by its tangent and returns [value, tangent], like
// the transform's own generated JVPs. It is registered on f the same way, so
// grad(f), compiled functions that call f (through the run-time lookup) and
// the generic form all use it:
//
//   Duals over numbers   one call of fJvp with the Duals' tangents
//   tape variables       one call of fJvp per input scalar (unit tangents),
//                        recorded as a single node with those partials
//   a record form        the same, on generated reverse mode's linear tape
//   numbers              f itself
//
// In chunk mode (Duals with K tangent lanes) the rule is called once per lane.
// A custom rule gives first derivatives: a Hessian through it is refused
// with an error rather than computed wrong.

import { Dual, type Real } from "./dual.js";
import { CONTRACT_VERSION, DERIVATIVE, type DerivativeInfo } from "./contract.js";
import { signatureOf } from "./api/signature.js";
import { Var } from "./reverse/tape.js";
import type { LinearTape } from "./reverse/linear.js";

type Argument = Real | readonly Real[];

/** Each argument's scalars in order: a number is one, an array one per element. */
function scalars(args: readonly Argument[]): Real[] {
  return args.flatMap((a) => (Array.isArray(a) || ArrayBuffer.isView(a) ? Array.from(a as ArrayLike<Real>) : [a as Real]));
}

/** The arguments rebuilt with the scalars replaced, in the same shapes. */
function reshape<T>(args: readonly Argument[], values: readonly T[]): (T | T[])[] {
  let k = 0;
  return args.map((a) => (Array.isArray(a) || ArrayBuffer.isView(a) ? Array.from(a as ArrayLike<Real>, () => values[k++]) : values[k++]));
}

function interleave(args: readonly unknown[], tangents: readonly unknown[]): unknown[] {
  return args.flatMap((a, i) => [a, tangents[i]]);
}

/** ∂f/∂ each scalar of `args` (numbers), from the rule with unit tangents; 0 where `wanted` says not to ask. */
function unitPartials(jvp: Function, args: readonly Argument[], wanted: (k: number) => boolean): number[] {
  const count = scalars(args).length;
  return Array.from({ length: count }, (_, k) =>
    wanted(k)
      ? (jvp(
          ...interleave(
            args,
            reshape(
              args,
              Array.from({ length: count }, (__, j) => (j === k ? 1 : 0)),
            ),
          ),
        )[1] as number)
      : 0,
  );
}

function apply(name: string, f: Function, jvp: Function, args: readonly Argument[]): Real {
  const values = scalars(args);
  const top = values.find((v) => v instanceof Dual) ?? values.find((v) => v instanceof Var);
  if (top === undefined) return f(...args);
  const tag = top instanceof Dual ? top.tag : undefined;
  const parts = values.map((v) => (tag !== undefined && v instanceof Dual && v.tag === tag ? [v.primal, v.tangent] : [v instanceof Var ? v.value : v, 0]));
  // Forward mode needs Duals over plain numbers (one tangent or K lanes); reverse mode, tape variables and numbers.
  // Anything deeper is second order.
  const firstOrder =
    tag !== undefined ? parts.every(([p, t]) => typeof p === "number" && (typeof t === "number" || t instanceof Float64Array)) : values.every((v) => typeof v === "number" || v instanceof Var);
  if (!firstOrder) {
    throw new Error(
      `${name}: its custom derivative rule gives first derivatives only, and it was reached by a second-order derivative (hessian, or a derivative inside a derivative). ` +
        `Write ${name} as differentiable code instead, or keep it out of the second derivative with noDerivative(…).`,
    );
  }
  const plain = reshape(
    args,
    parts.map(([p]) => p as number),
  );
  if (tag !== undefined) {
    const lanes = parts.find(([, t]) => t instanceof Float64Array)?.[1] as Float64Array | undefined;
    if (!lanes) {
      const [value, tangent] = jvp(
        ...interleave(
          plain,
          reshape(
            args,
            parts.map(([, t]) => t as number),
          ),
        ),
      );
      return new Dual(tag, value, tangent);
    }
    // Chunk mode: one call of the rule per lane.
    const tangents = new Float64Array(lanes.length);
    for (let k = 0; k < lanes.length; k++) {
      const lane = parts.map(([, t]) => (t instanceof Float64Array ? t[k] : (t as number)));
      tangents[k] = jvp(...interleave(plain, reshape(args, lane)))[1];
    }
    return new Dual(tag, f(...plain), tangents);
  }
  // Reverse mode: one node, its partials from unit tangents.
  const tape = (top as Var).tape;
  const partials = unitPartials(jvp, plain, (k) => typeof values[k] !== "number");
  return tape.record(name, f(...plain), values as (Var | number)[], partials);
}

/**
 * The rule in generated reverse mode (a compiled caller's record form): one
 * node whose partials come from the rule with unit tangents, as on the
 * runtime's tape. `slots` holds each argument (a number or an array) followed
 * by its node (a number, or one per element).
 */
function record(f: Function, jvp: Function, tape: LinearTape, slots: readonly unknown[]): [number, number] {
  const args: Argument[] = [];
  const nodes: Argument[] = [];
  for (let i = 0; i < slots.length; i += 2) {
    args.push(slots[i] as Argument);
    nodes.push(slots[i + 1] as Argument);
  }
  return [
    f(...args),
    tape.node(
      scalars(nodes) as number[],
      unitPartials(jvp, args, () => true),
    ),
  ];
}

/**
 * f with a derivative rule you write (JAX's custom_jvp, Swift's @derivative(of:)), for what should not
 * be differentiated as written: a library call, a numerically delicate formula. The result computes f
 * on numbers and applies the rule to Duals and tape variables, so grad, compiled functions that call
 * it and code over dualts' operations all use the rule. The rule gives first derivatives: a Hessian, or
 * a derivative inside a derivative, that reaches it throws an Error rather than computing it wrong.
 *
 * @param f the function, of numbers (or arrays of numbers), returning one number
 * @param jvp the rule, written like the transform's JVPs: each argument followed by its tangent (an
 *   array's tangent is an array of as many numbers), (x, dx, y, dy, …) → [f(x, y, …), the directional
 *   derivative Σ ∂f/∂x · dx]; in reverse mode it is called once per input scalar, with unit tangents
 * @param name the name errors and the tape give the rule (default: f's name)
 * @returns a function that behaves as f, carrying the rule
 * @example
 *   const softplus = defineJvp(
 *     (x: number) => Math.log1p(Math.exp(x)),
 *     (x: number, dx: number): [number, number] => [Math.log1p(Math.exp(x)), dx / (1 + Math.exp(-x))],
 *     "softplus",
 *   );
 *   derivative(softplus)(0);   // 0.5
 */
export function defineJvp<F extends (...args: any[]) => number>(f: F, jvp: (...argumentsAndTangents: any[]) => [number, number], name?: string): F {
  const signature = signatureOf(f);
  name ??= signature.name;
  const parameters = signature.parameters.map((p, i) => p ?? `argument${i}`);
  const info: DerivativeInfo = {
    contract: CONTRACT_VERSION,
    name: name!,
    parameters,
    // A rule takes numbers and arrays alike (log-sum-exp takes an array): no kind is checked for it.
    kinds: parameters.map(() => "any"),
    wrt: parameters.map((_, i) => i),
    result: "scalar",
    jvp,
    record: (tape, ...slots) => record(f, jvp, tape, slots),
    generic: (_ops, ...args) => apply(name!, f, jvp, args),
  };
  const ruleName = name;
  const withRule = (...args: Argument[]) => (args.every((a) => typeof a === "number") ? f(...args) : apply(ruleName, f, jvp, args));
  Object.defineProperty(withRule, "name", { value: name });
  Object.defineProperty(withRule, DERIVATIVE, { value: info, configurable: true });
  return withRule as unknown as F;
}
