// The function a minimiser works on: f with its data arguments, evaluated at
// a Float64Array x through the plan-once API (valueAndGrad, hessian, hvp,
// jacobian with wrt x), counting every evaluation. It checks x0 and the
// start's value and gradient, hands f its x in x0's own type, and returns
// results in that type.

import { checkFunction, callerOf } from "../api/boundary.js";
import { valueAndGrad } from "../api/derivatives.js";
import { hessian, jacobian } from "../api/matrices.js";
import { hvp } from "../api/products.js";
import { kindOf } from "../api/values.js";
import { signatureOf } from "../api/signature.js";
import type { Evaluations } from "./options.js";
import { rowMajor } from "./vectors.js";

type AnyFunction = (...args: any[]) => any;

/** The first entry that is not a finite number, for a message: "x[3] is NaN". */
function firstNonFinite(name: string, values: ArrayLike<number>): string | undefined {
  for (let i = 0; i < values.length; i++) if (!Number.isFinite(values[i])) return `${name}[${i}] is ${values[i]}`;
  return undefined;
}

/** Checks x0 (a non-empty number[] or Float64Array of finite numbers) and returns a copy as a Float64Array. */
export function startingPoint(caller: string, x0: unknown): Float64Array {
  if (!(Array.isArray(x0) || x0 instanceof Float64Array)) throw new TypeError(`${caller}: x0 must be a number[] or a Float64Array, not ${kindOf(x0)}`);
  if (x0.length === 0) throw new RangeError(`${caller}: x0 is empty; give the starting point of at least one variable`);
  for (let i = 0; i < x0.length; i++) {
    if (typeof x0[i] !== "number" || !Number.isFinite(x0[i])) throw new TypeError(`${caller}: x0[${i}] must be a finite number, not ${kindOf(x0[i])}`);
  }
  return Float64Array.from(x0 as ArrayLike<number>);
}

/** f, its data and its evaluation counts. */
export class Objective {
  readonly caller: string;
  readonly name: string;
  readonly n: number;
  /** x0, checked, as a Float64Array. */
  readonly start: Float64Array;
  readonly evaluations: Evaluations = { value: 0, gradient: 0, hessian: 0, hessianVector: 0 };
  /** f's arguments after x; a minibatch replaces them per step. */
  args: readonly unknown[];
  private readonly plain: boolean;
  private readonly gradient: (...args: unknown[]) => [number, number[]];
  private denseHessian?: (...args: unknown[]) => number[][];
  private residualJacobian?: (...args: unknown[]) => number[][];

  constructor(
    api: string,
    readonly f: AnyFunction,
    x0: unknown,
  ) {
    checkFunction(api, f);
    this.caller = callerOf(api, f);
    this.name = signatureOf(f).name;
    this.args = [];
    this.start = startingPoint(this.caller, x0);
    this.plain = Array.isArray(x0);
    this.n = this.start.length;
    this.gradient = valueAndGrad(f, { wrt: [0] }) as unknown as (...args: unknown[]) => [number, number[]];
  }

  /** x in x0's type: a new number[] or Float64Array. */
  output(x: Float64Array): number[] | Float64Array {
    return this.plain ? Array.from(x) : Float64Array.from(x);
  }

  /** What f is called with for x. */
  private input(x: Float64Array): number[] | Float64Array {
    return this.plain ? Array.from(x) : x;
  }

  /** f(x). */
  value(x: Float64Array): number {
    this.evaluations.value++;
    const value = this.f(this.input(x), ...this.args);
    if (typeof value !== "number") throw new TypeError(`${this.caller}: f must return a number, but returned ${kindOf(value)}`);
    return value;
  }

  /** f(x), with ∇f(x) written into g. */
  valueAndGradient(x: Float64Array, g: Float64Array): number {
    this.evaluations.gradient++;
    const [value, gradient] = this.gradient(this.input(x), ...this.args);
    g.set(gradient);
    return value;
  }

  /** ∇²f(x), row-major. */
  hessian(x: Float64Array): Float64Array {
    this.evaluations.hessian++;
    this.denseHessian ??= hessian(this.f, { wrt: [0] }) as unknown as (...args: unknown[]) => number[][];
    return rowMajor(this.denseHessian(this.input(x), ...this.args), this.n);
  }

  /** ∇²f(x)·v. */
  hessianTimes(x: Float64Array, v: Float64Array): Float64Array {
    this.evaluations.hessianVector++;
    return Float64Array.from(hvp(this.f, [this.input(x), ...this.args] as never, [Array.from(v)] as never, { wrt: [0] }) as unknown as number[]);
  }

  /** The residuals r(x) as a Float64Array (f returns an array of numbers). */
  residuals(x: Float64Array): Float64Array {
    this.evaluations.value++;
    const r = this.f(this.input(x), ...this.args);
    if (!(Array.isArray(r) || r instanceof Float64Array)) throw new TypeError(`${this.caller}: the residual function must return an array of numbers, but returned ${kindOf(r)}`);
    return Float64Array.from(r as ArrayLike<number>);
  }

  /** The residuals' Jacobian J(x) (m × n), row-major. */
  jacobian(x: Float64Array): Float64Array {
    this.evaluations.gradient++;
    this.residualJacobian ??= jacobian(this.f, { wrt: [0] }) as unknown as (...args: unknown[]) => number[][];
    return rowMajor(this.residualJacobian(this.input(x), ...this.args), this.n);
  }

  /** Throws where the start's value or derivative is not finite: a minimiser cannot begin there. */
  checkStart(what: "value" | "gradient" | "residuals" | "Jacobian", values: number | ArrayLike<number>): void {
    const problem = typeof values === "number" ? (Number.isFinite(values) ? undefined : `it is ${values}`) : firstNonFinite(what === "Jacobian" ? "J" : what === "residuals" ? "r" : "∇f", values);
    if (problem !== undefined) {
      throw new RangeError(`${this.caller}: ${this.name}'s ${what} at x0 is not finite (${problem}); start from a point where ${this.name} and its derivatives are finite`);
    }
  }

  /** A copy of the counts. */
  counts(): Evaluations {
    return { ...this.evaluations };
  }
}
