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
import { isConvergence, type Evaluations, type IterationState, type MinimizeResult, type Stop } from "./options.js";
import { rowMajor } from "./vectors.js";

type AnyFunction = (...args: any[]) => any;

/** The first entry that is not a finite number, for a message: "x[3] is NaN". */
export function firstNonFinite(name: string, values: ArrayLike<number>): string | undefined {
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
  private readonly plainInput: number[];
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
    this.plainInput = Array.from(this.start);
    this.gradient = valueAndGrad(f, { wrt: [0] }) as unknown as (...args: unknown[]) => [number, number[]];
  }

  /**
   * Sets f's arguments after x, checking that x and they are as many as f takes: a forgotten `args`,
   * or one not wrapped in an array, is named here rather than deep inside a derivative.
   */
  setArguments(args: readonly unknown[], option: "args" | "batch"): void {
    const { parameters, required, variadic } = signatureOf(this.f);
    const given = 1 + args.length;
    const shown = `${this.name}(${parameters.map((p, i) => p ?? `argument ${i + 1}`).join(", ")})`;
    if (given < required) {
      const missing = parameters.slice(given, required).map((p, i) => p ?? `argument ${given + i + 1}`);
      throw new TypeError(
        `${this.caller}: ${shown} takes ${required} arguments, but only x${args.length ? ` and ${args.length} in ${option}` : ""} were given; pass the ${required - 1} after x as ${option === "args" ? `args: [${parameters.slice(1, required).join(", ")}]` : "batch(k)'s array"} (missing: ${missing.join(", ")}). x, the first, is what is minimised over: a number[] or Float64Array (a function of several numbers needs a wrapper that takes them as one array)`,
      );
    }
    if (!variadic && given > parameters.length) {
      throw new TypeError(
        `${this.caller}: ${shown} takes ${parameters.length} argument${parameters.length === 1 ? "" : "s"}, but x and ${option} give ${given}; ${option} holds f's arguments after x, as an array with one entry each (args: [${parameters.slice(1).join(", ") || "…"}])`,
      );
    }
    this.args = args;
  }

  /**
   * Runs a derivative through the API, its errors in this caller's words: "valueAndGrad(f): …", about a
   * call the user never wrote, becomes "minimize(f): …".
   */
  private derivative<T>(body: () => T): T {
    try {
      return body();
    } catch (error) {
      const prefix = /^(valueAndGrad|hessian|hvp|jacobian)\((.*?)\): /.exec(error instanceof Error ? error.message : "");
      if (!prefix || prefix[2] !== this.name) throw error;
      const Kind = (error as Error).constructor as ErrorConstructor;
      throw new Kind((error as Error).message.replace(prefix[0], `${this.caller}: `));
    }
  }

  /** x in x0's type: a new number[] or Float64Array. */
  output(x: Float64Array): number[] | Float64Array {
    return this.plain ? Array.from(x) : Float64Array.from(x);
  }

  /** What f is called with for x. */
  private input(x: Float64Array): number[] | Float64Array {
    if (!this.plain) return x;
    // One array, refilled per evaluation (a new one each time cost a quarter of a cheap f's run): f reads x, and keeps no reference to it.
    for (let i = 0; i < x.length; i++) this.plainInput[i] = x[i];
    return this.plainInput;
  }

  /** f(x). */
  value(x: Float64Array): number {
    this.evaluations.value++;
    const value = this.f(this.input(x), ...this.args);
    if (typeof value !== "number") throw this.notANumber(value);
    return value;
  }

  /** f(x), with ∇f(x) written into g. */
  valueAndGradient(x: Float64Array, g: Float64Array): number {
    this.evaluations.gradient++;
    let result: [number, number[]];
    try {
      result = this.derivative(() => this.gradient(this.input(x), ...this.args));
    } catch (error) {
      // valueAndGrad refuses f: where f itself returns no number, say so in minimize's words.
      let value: unknown;
      try {
        value = this.f(this.input(x), ...this.args);
      } catch {
        throw error;
      }
      if (typeof value !== "number") throw this.notANumber(value);
      throw error;
    }
    g.set(result[1]);
    return result[0];
  }

  private notANumber(value: unknown): TypeError {
    const array = Array.isArray(value) || ArrayBuffer.isView(value);
    return new TypeError(`${this.caller}: f must return a number, but ${this.name} returned ${kindOf(value)}${array ? "; to fit residuals, use leastSquares" : ""}`);
  }

  /** ∇²f(x), row-major. */
  hessian(x: Float64Array): Float64Array {
    this.evaluations.hessian++;
    this.denseHessian ??= hessian(this.f, { wrt: [0] }) as unknown as (...args: unknown[]) => number[][];
    return this.matrixAt(x, this.denseHessian);
  }

  /** A matrix function of f's arguments (hessian's, jacobian's) at x, row-major. */
  private matrixAt(x: Float64Array, matrix: (...args: unknown[]) => number[][]): Float64Array {
    return rowMajor(
      this.derivative(() => matrix(this.input(x), ...this.args)),
      this.n,
    );
  }

  /** ∇²f(x)·v. */
  hessianTimes(x: Float64Array, v: Float64Array): Float64Array {
    this.evaluations.hessianVector++;
    return Float64Array.from(this.derivative(() => hvp(this.f, [this.input(x), ...this.args] as never, [Array.from(v)] as never, { wrt: [0] }) as unknown as number[]));
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
    return this.matrixAt(x, this.residualJacobian);
  }

  /** Throws where the start's value or derivative is not finite: a minimiser cannot begin there. */
  checkStart(what: "value" | "gradient" | "residuals" | "Jacobian", values: number | ArrayLike<number>): void {
    const problem = typeof values === "number" ? (Number.isFinite(values) ? undefined : `it is ${values}`) : firstNonFinite(what === "Jacobian" ? "J" : what === "residuals" ? "r" : "∇f", values);
    if (problem !== undefined) {
      const verb = what === "residuals" ? "are" : "is";
      throw new RangeError(`${this.caller}: ${this.name}'s ${what} at x0 ${verb} not finite (${problem}); start from a point where ${this.name} and its derivatives are finite`);
    }
  }

  /** What onIteration sees after step `iteration`. */
  state<X>(iteration: number, x: Float64Array, value: number, gradientNorm: number, stepNorm: number): IterationState<X> {
    return { iteration, x: this.output(x) as X, value, gradientNorm, stepNorm, evaluations: this.counts() };
  }

  /** A run's result, at x after `iterations` steps, stopped by `stop`. */
  result<X>(x: Float64Array, value: number, gradientNorm: number, iterations: number, stop: Stop): MinimizeResult<X> {
    return { x: this.output(x) as X, value, gradientNorm, iterations, evaluations: this.counts(), converged: isConvergence(stop), ...stop };
  }

  /** A copy of the counts. */
  counts(): Evaluations {
    return { ...this.evaluations };
  }
}
