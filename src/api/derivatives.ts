// The public derivative functions of one direction or one output:
// derivative, jvp, grad and valueAndGrad (jacobian and hessian are in
// matrices.ts). Each one checks f and its options at its boundary
// (boundary.ts), selects its inputs (selection.ts) once per plan (plan.ts),
// takes the route routes.ts chooses, seeds the inputs through an engine
// (engines.ts, generated.ts) and reads the results (results.ts); its
// forward routes go through poison.ts's rule. No derivative arithmetic
// happens here.

import type { Real } from "../dual.js";
import { derivativeInfo, type DerivativeInfo } from "../registry.js";
import { adjoints, dualLanePasses, forwardPass, onReleasedTape, runnable, unitPasses, valueOf } from "./engines.js";
import { canRecord, chunkedPasses, generatedUnitPasses, gradientPass, onePassGradient, onePassJvp, tryRecordedGradient, tryRecordedRows } from "./generated.js";
import { gradientPoisoned, nanRowWhereValueIs, scalarResult } from "./results.js";
import { isReal, select, type Selection, type Wrt, type WrtOptions } from "./selection.js";
import { callerOf, checkDerivativeOptions, checkFunction, explainedOverflow } from "./boundary.js";
import { checkedPass, checkedUnitPasses, poisonedAlong } from "./poison.js";
import { kindOf } from "./values.js";
import { signatureOf } from "./signature.js";
import { flatTangents } from "./tangents.js";
import { callFacts, checkMode, factsOf, gradientRoute, type GradientChoice, type GradientRoute, type Mode } from "./routes.js";
import { onPlan, optionsKey, plansOf, type Plans, type SelectionPlan } from "./plan.js";
import type { GradientFunction, JvpOf, TangentsOf, ValueAndGradientFunction, VectorDerivative, WithWrtOption } from "./types.js";

export type { Mode } from "./routes.js";

export interface DerivativeOptions extends WrtOptions {
  /**
   * "forward": one pass per input scalar (or per chunk of them); "reverse": one run and one backward
   * sweep per output. Default: the route measured to be faster for the call — reverse mode for a
   * gradient of many inputs, forward mode for few, a Hessian forward over reverse (README: Modes).
   */
  readonly mode?: Mode;
  /**
   * Forward mode: tangents carried per pass (default: balanced chunks, the route's choice). 1 runs the
   * plain JVP, or one Dual, once per input. Giving a chunk keeps a gradient in forward mode.
   */
  readonly chunk?: number;
}

/** A gradient: one parameter → its shape; several → one entry per parameter. */
export type Gradient = number | number[] | (number | number[])[];
export type Matrix = number[][];

// Arguments may be Duals or tape variables when derivatives nest; the public
// types describe the common, top-level use with plain numbers.
export type AnyFunction = (...args: any[]) => unknown;

/** The options grad, valueAndGrad and jacobian take. */
export const DERIVATIVE_OPTIONS = ["wrt", "mode", "chunk"] as const;

/**
 * Value and flat gradient of a scalar function over the selected slots (for
 * checkGradient too), by the route routes.ts chooses. Where the value is NaN,
 * so is every derivative, on every route (the generated ones apply the rule
 * themselves).
 */
export function flatGradient(f: AnyFunction, sel: Selection, mode: Mode | undefined, chunk?: number): { value: Real; gradient: Real[] } {
  const info = derivativeInfo(f);
  const { route, lanes } = gradientRoute(factsOf(info), callFacts(sel), { mode, chunk, valueNeeded: true });
  return gradientBy(f, info, sel, route, lanes);
}

/** Value and gradient by one route that computes both. */
function gradientBy(f: AnyFunction, info: DerivativeInfo | undefined, sel: Selection, route: GradientRoute, lanes: number): { value: Real; gradient: Real[] } {
  const { value, gradient } = routePasses(f, info, sel, route, lanes);
  return { value, gradient: nanRowWhereValueIs(value, gradient) };
}

function routePasses(f: AnyFunction, info: DerivativeInfo | undefined, sel: Selection, route: GradientRoute, lanes: number): { value: Real; gradient: Real[] } {
  switch (route) {
    case "record": {
      // The record form, or — where it meets a callee without one — the generic form on the runtime's tape.
      const recorded = canRecord(info!) ? tryRecordedRows(info!, sel) : undefined;
      if (recorded) return { value: scalarResult(sel, recorded.value), gradient: recorded.rows[0] };
      return routePasses(f, info, sel, "tape", lanes);
    }
    case "tape":
      return onReleasedTape(sel, (run) => {
        const output = scalarResult(sel, runnable(f, sel)(...sel.with(run.inputs)));
        return { value: valueOf(output), gradient: adjoints(run, output) };
      });
    case "none":
      return { value: scalarResult(sel, runnable(f, sel)(...sel.args)), gradient: [] };
    default: {
      const passes =
        route === "chunk" ? chunkedPasses(info!, sel, lanes) : route === "runtime-lanes" ? dualLanePasses(f, sel, lanes) : route === "jvp" ? generatedUnitPasses(info!, sel) : unitPasses(f, sel);
      const { value, tangents } = checkedUnitPasses(f, sel, passes);
      return { value: scalarResult(sel, value), gradient: tangents as Real[] };
    }
  }
}

/**
 * A gradient by its chosen route. grad may take a form that skips the value's
 * own work — the gradient form (forward, one pass) or the record form's twin
 * (reverse) — each giving what the form it stands in for gives, bit for bit;
 * where it defers (the value might not be finite) or, in the gradient form's
 * case, finds a NaN (poison.ts's case), the fallback route runs as for
 * valueAndGrad. The value is undefined where a skipping form answered.
 */
function gradientByChoice(f: AnyFunction, info: DerivativeInfo | undefined, sel: Selection, choice: GradientChoice): { value: Real | undefined; gradient: Real[] } {
  if (choice.route === "gradient-form") {
    const gradient = gradientPass(info!, sel);
    // The gradient form's value is finite wherever it answers: 0 stands for it.
    if (gradient && !gradientPoisoned(0, gradient)) return { value: undefined, gradient };
    return gradientBy(f, info, sel, choice.fallback, choice.lanes);
  }
  if (choice.route === "record-twin") {
    const gradient = canRecord(info!) ? tryRecordedGradient(info!, sel) : undefined;
    if (gradient) return { value: undefined, gradient };
    return gradientBy(f, info, sel, choice.fallback, choice.lanes);
  }
  return gradientBy(f, info, sel, choice.route, choice.lanes);
}

/** A gradient's route: the function's registration, routes.ts's choice, and a plan's one-pass runner where the route has one. */
interface GradientPlan {
  readonly info: DerivativeInfo | undefined;
  readonly choice: GradientChoice;
  readonly onePass?: (args: readonly unknown[]) => [Real | undefined, Real[]] | undefined;
  /** A flat gradient in the plan's parameters' shapes (Selection.shaper). */
  readonly shape: (flat: readonly Real[]) => Gradient;
}

/** The one-pass runner (generated.ts's onePassGradient) of a plan whose route is the gradient form, or one chunk-mode pass over every input. */
function onePassOf(info: DerivativeInfo | undefined, sel: Selection, choice: GradientChoice): GradientPlan["onePass"] {
  // The runner takes the call's arguments as they are: not a rest parameter's, which the selection packs.
  if (!info || !sel.plain || sel.packed) return undefined;
  if (choice.route === "gradient-form") return onePassGradient(info, sel, "gradient");
  const chunk = choice.route === "chunk" && choice.lanes >= sel.values.length && info.result === "scalar" && sel.values.length > 0;
  return chunk ? onePassGradient(info, sel, "chunk") : undefined;
}

/**
 * The function grad(f, options) or valueAndGrad(f, options) returns: on a
 * plan's one-pass runner where the arguments' layout has one and it answers
 * (no selection, nothing allocated but the result), else by the plan of the
 * layout (plan.ts) where the call is plannable, else through the general
 * path, which checks and reports whatever the call gets wrong; a stack
 * overflow in it explained. `result` makes the API's result from the value
 * (undefined where grad's skipping form answered) and the shaped gradient.
 */
function gradientFunction<T>(api: "grad" | "valueAndGrad", f: AnyFunction, options: DerivativeOptions, result: (value: Real | undefined, gradient: Gradient) => T): (...args: unknown[]) => T {
  const valueNeeded = api !== "grad";
  const plans = plansOf<SelectionPlan<GradientPlan>>(f, optionsKey(api, options));
  const choose = (call: readonly unknown[], planned: boolean) => {
    const sel = select(api, f, call, options);
    const info = derivativeInfo(f);
    const choice = gradientRoute(factsOf(info), callFacts(sel), { mode: checkMode(sel, options.mode), chunk: options.chunk, valueNeeded });
    const shape = sel.shaper() as GradientPlan["shape"];
    return { sel, route: { info, choice, onePass: planned ? onePassOf(info, sel, choice) : undefined, shape } };
  };
  const run = (sel: Selection, { info, choice }: GradientPlan) => {
    const { value, gradient } = gradientByChoice(f, info, sel, choice);
    return result(value, sel.shape(gradient) as Gradient);
  };
  return (...args) => {
    try {
      const plan = plans.match(args);
      const onePass = plan?.route.onePass;
      if (onePass !== undefined) {
        const pass = onePass(args);
        if (pass !== undefined) return result(pass[0], plan!.route.shape(pass[1]));
      }
      return onPlan(plans, args, choose, run, plan);
    } catch (error) {
      throw explainedOverflow(api, f, args, error);
    }
  };
}

/** A derivative takes numbers at the top level and Reals when nested inside another derivative. */
export interface ScalarDerivative {
  (x: number): number;
  (x: Real): Real;
}

/**
 * The derivative of a function of one number, f: ℝ → ℝ, or of each output of f: ℝ → ℝᵐ.
 *
 * @param f a function of one number, compiled by the transform or written over dualts' operations
 * @returns a function of x giving f′(x): a number, or for f returning an array of numbers (or of
 *   Reals) a plain array with each output's derivative. Given a Real that may be a Dual (inside
 *   another derivative), it gives Reals.
 * @example
 *   derivative((x: Real) => mul(x, sin(x)))(1)              // sin 1 + cos 1
 *   derivative((t: Real) => [mul(t, t), sin(t)])(1)         // [2, cos 1]: number[]
 */
export function derivative<F extends (x: any) => readonly Real[]>(f: F): VectorDerivative;
export function derivative<F extends AnyFunction>(f: F, ...extra: unknown[]): ScalarDerivative;
export function derivative<F extends AnyFunction>(f: F, ...extra: unknown[]): ScalarDerivative | VectorDerivative {
  checkFunction("derivative", f);
  if (extra.length > 0) throw new TypeError(`${callerOf("derivative", f)}: derivative takes only the function (it has no options); for wrt or a mode, use grad(f, options)`);
  const plans = plansOf<SelectionPlan<undefined>>(f, "derivative");
  return ((...args: Real[]) => {
    if (args.length !== 1) {
      throw new RangeError(
        `${callerOf("derivative", f)}: the derivative of a function of one number takes one number, x, but ${args.length} were given; for a function of several numbers, use grad(f) or jacobian(f)`,
      );
    }
    const x = args[0];
    try {
      return derivativeAt(f, x, plans);
    } catch (error) {
      throw explainedOverflow("derivative", f, [x], error);
    }
  }) as ScalarDerivative;
}

function derivativeAt(f: AnyFunction, x: Real, plans: Plans<SelectionPlan<undefined>>): unknown {
  if (!isReal(x)) {
    const name = signatureOf(f).parameters[0] ?? "x";
    throw new TypeError(`${callerOf("derivative", f)}: ${name} must be a number (derivative takes f: ℝ → ℝ; grad and jacobian take arrays), not ${kindOf(x)}`);
  }
  return onPlan(
    plans,
    [x],
    (call) => ({ sel: select("derivative", f, call), route: undefined }),
    (sel) => {
      const pass = checkedPass(f, sel, [1], forwardPass(f, sel, [1]));
      if (Array.isArray(pass.value)) return pass.tangent;
      scalarResult(sel, pass.value, "derivative handles number and array results");
      return pass.tangent;
    },
  );
}

/**
 * The value of f at args and its directional derivative along tangents (forward mode, one pass).
 *
 * @param f a function returning a number or an array of numbers
 * @param args f's arguments
 * @param tangents one per selected parameter, shaped like it: a number for a number parameter, an
 *   array (or Float64Array) of as many numbers for an array parameter. Typed as a list whose
 *   entries are what the selectable parameters take, so tangents computed at run time type-check
 * @param options `wrt`: the parameters the tangents are for, by index or name, or a list of them
 *   (default: every argument that is a number, an array of numbers or a Float64Array)
 * @returns [value, directional derivative]: numbers for a number result; for an array result, f's
 *   own value (a Float64Array stays one) and a number[]
 * @example
 *   jvp((x: Real, y: Real) => mul(x, y), [2, 3], [1, 0])   // [6, 3]
 */
export function jvp<F extends AnyFunction, A extends Parameters<F>, const W extends Wrt | undefined = undefined>(
  f: F,
  args: [...A],
  tangents: TangentsOf<F, A, W>,
  options?: WithWrtOption<WrtOptions, W>,
): JvpOf<ReturnType<F>, A>;
export function jvp<F extends AnyFunction>(f: F, args: Parameters<F>, tangents: readonly (number | ArrayLike<number>)[], options?: WrtOptions): [number | number[], number | number[]] {
  checkFunction("jvp", f);
  const checked = checkDerivativeOptions("jvp", f, options, ["wrt"]);
  if (!Array.isArray(args)) throw new TypeError(`${callerOf("jvp", f)}: args must be an array of ${signatureOf(f).name}'s arguments, not ${kindOf(args)}`);
  const plans = plansOf<SelectionPlan<JvpPlan>>(f, optionsKey("jvp", checked));
  try {
    // A plan's one call of the generated JVP, where the layout has one and its result is not poison.ts's case.
    const plan = plans.match(args);
    const onePass = plan?.route.onePass?.(args, tangents);
    if (onePass !== undefined && !poisonedAlong(onePass[0], onePass[1])) return onePass as [number | number[], number | number[]];
    const choose = (call: readonly unknown[], planned: boolean) => {
      const sel = select("jvp", f, call, checked);
      const info = derivativeInfo(f);
      return { sel, route: { onePass: planned && info ? onePassJvp(info, sel) : undefined } };
    };
    return onPlan(
      plans,
      args,
      choose,
      (sel) => {
        const flat = flatTangents(sel, tangents);
        const pass = checkedPass(f, sel, flat, forwardPass(f, sel, flat));
        if (!Array.isArray(pass.value) && !(pass.value instanceof Float64Array)) scalarResult(sel, pass.value, "jvp handles number and array results");
        return [pass.value, pass.tangent] as [number | number[], number | number[]];
      },
      plan,
    );
  } catch (error) {
    throw explainedOverflow("jvp", f, args, error);
  }
}

/** A jvp plan's route: a compiled function's one call of its generated JVP, where the selection is its wrt. */
interface JvpPlan {
  readonly onePass?: (args: readonly unknown[], tangents: unknown) => [unknown, unknown] | undefined;
}

/**
 * The gradient of a function that returns one number, with respect to its differentiable parameters.
 *
 * @param f compiled by the transform (marked `@differentiable`) or written over dualts' operations
 * @param options `wrt`: the parameters to differentiate, by index or name, or a list of them
 *   (default: every argument that is a number, an array of numbers or a Float64Array; others are
 *   data); `mode`: "forward" or "reverse"; `chunk`: tangents per forward pass
 * @returns a function of f's arguments giving the gradient in their shapes: one selected parameter
 *   → its shape (a number; a number[] for a number[] or a Float64Array); several → a tuple, one entry
 *   each. The type follows the call's arguments: `wrt` by index narrows it to those parameters, by
 *   name to the shapes of the parameters it could name; Reals that may be Duals give Reals.
 * @example
 *   grad((v: Real[]) => mul(v[0], v[1]))([2, 3])              // [3, 2]: number[]
 *   grad((x: Real, y: Real) => mul(x, y))(2, 3)               // [3, 2]: [number, number]
 *   grad((w: Real[], b: Real) => mul(w[0], b))([2], 3)        // [[3], 2]: [number[], number]
 */
export function grad<F extends AnyFunction, const W extends Wrt | undefined = undefined>(f: F, options?: WithWrtOption<DerivativeOptions, W>): GradientFunction<F, W> {
  checkFunction("grad", f);
  const checked = checkDerivativeOptions("grad", f, options, DERIVATIVE_OPTIONS);
  return gradientFunction("grad", f, checked, (_, gradient) => gradient) as GradientFunction<F, W>;
}

/**
 * f's value and its gradient, from the same passes.
 *
 * @param f a function returning one number, as for grad
 * @param options as for grad: `wrt`, `mode`, `chunk`
 * @returns a function of f's arguments giving [value, gradient], the gradient as grad gives it
 * @example
 *   valueAndGrad((x: Real, y: Real) => mul(x, y), { wrt: "y" })(2, 3)   // [6, 2]: [number, number]
 */
export function valueAndGrad<F extends AnyFunction, const W extends Wrt | undefined = undefined>(f: F, options?: WithWrtOption<DerivativeOptions, W>): ValueAndGradientFunction<F, W> {
  checkFunction("valueAndGrad", f);
  const checked = checkDerivativeOptions("valueAndGrad", f, options, DERIVATIVE_OPTIONS);
  return gradientFunction("valueAndGrad", f, checked, (value, gradient) => [value as number, gradient]) as ValueAndGradientFunction<F, W>;
}
