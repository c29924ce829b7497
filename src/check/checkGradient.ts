// checkGradient: automatic against numerical derivatives, like JAX's
// check_grads or PyTorch's gradcheck. On a mismatch it throws an error whose
// message is a table of the entries that disagree.

import { DERIVATIVE_OPTIONS, flatGradient, type DerivativeOptions } from "../api/derivatives.js";
import { callerOf, checkDerivativeOptions, checkFunction, checkNumberOption, withinStack } from "../api/boundary.js";
import { select } from "../api/selection.js";
import { checkMode } from "../api/routes.js";
import { differencesPerInput, FINITE_DIFFERENCE_OPTIONS, type FiniteDifferenceOptions } from "./finite.js";

export interface CheckOptions extends DerivativeOptions, FiniteDifferenceOptions {
  /** Relative tolerance (default 1e-6): |automatic − numerical| ≤ atol + rtol · |numerical|. */
  readonly rtol?: number;
  /** Absolute tolerance (default 1e-8). */
  readonly atol?: number;
}

/** One partial derivative as checkGradient compares it. */
export interface GradientComparison {
  /** The input scalar, named from f's parameters: "x", or "v[1]" for an element of an array parameter. */
  readonly input: string;
  /** The partial derivative from dualts' automatic differentiation. */
  readonly automatic: number;
  /** The same partial derivative by finite differences. */
  readonly numerical: number;
  /** |automatic − numerical|; Infinity where that is NaN. */
  readonly absoluteError: number;
  /** |automatic − numerical| / |numerical|. */
  readonly relativeError: number;
}

/** What checkGradient returns: f's value and one comparison per selected input scalar, in order. */
export interface GradientCheck {
  readonly value: number;
  readonly entries: readonly GradientComparison[];
  /** The largest absoluteError of the entries (0 for none). */
  readonly maxAbsoluteError: number;
  /** The largest relativeError of the entries (0 for none). */
  readonly maxRelativeError: number;
}

/**
 * What checkGradient throws where an automatic partial derivative disagrees with its finite
 * difference. The message is a table of the entries that disagree.
 *
 * @example
 *   const cube = defineJvp((x: number) => x ** 3, (x: number, dx: number): [number, number] => [x ** 3, 2 * x * dx], "cube"); // a wrong rule
 *   try { checkGradient(cube, [2]); } catch (e) { if (e instanceof GradientCheckError) e.mismatches; }   // [{ input: "x", automatic: 4, numerical: ≈ 12, … }]
 */
export class GradientCheckError extends Error {
  constructor(
    message: string,
    /** The entries that disagree, as in check.entries. */
    readonly mismatches: readonly GradientComparison[],
    /** The whole comparison, every entry included, as checkGradient would have returned it. */
    readonly check: GradientCheck,
  ) {
    super(message);
    this.name = "GradientCheckError";
  }
}

const show = (x: number) => (Number.isFinite(x) ? x.toPrecision(8) : String(x));

function table(rows: readonly GradientComparison[]): string {
  const header = ["input", "automatic", "numerical", "abs error", "rel error"];
  const cells = rows.map((r) => [r.input, show(r.automatic), show(r.numerical), r.absoluteError.toExponential(2), r.relativeError.toExponential(2)]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c: string[]) => "  " + c.map((s, i) => (i === 0 ? s.padEnd(widths[i]) : s.padStart(widths[i]))).join("  ");
  return [line(header), ...cells.map(line)].join("\n");
}

/**
 * Compares the automatic gradient of a function that returns one number with its gradient by finite
 * differences (Ridders' extrapolation, as numericalGradient), partial derivative by partial derivative
 * (JAX's check_grads, PyTorch's gradcheck). An entry agrees where |automatic − numerical| ≤ atol + rtol · |numerical|.
 *
 * @param f compiled by the transform or written over dualts' operations; the finite differences call it on plain numbers
 * @param args f's arguments, as an array
 * @param options `wrt`, `mode` and `chunk`, as for grad (the automatic side); `step`, the first step
 *   of the finite differences; `rtol` (default 1e-6) and `atol` (default 1e-8), the tolerances
 * @returns f's value and one comparison per selected input scalar, with the largest errors
 * @throws GradientCheckError, its message a table of the entries that disagree, where any entry disagrees
 * @example
 *   const report = checkGradient((x: Real, y: Real) => mul(sin(x), y), [1, 2]);
 *   report.entries.map((e) => e.input);   // ["x", "y"]
 *   report.maxRelativeError;              // ~3e-15
 */
export function checkGradient<F extends (...args: any[]) => unknown>(f: F, args: Parameters<F>, options?: CheckOptions): GradientCheck {
  checkFunction("checkGradient", f);
  const checked = checkDerivativeOptions("checkGradient", f, options, [...DERIVATIVE_OPTIONS, "rtol", "atol", ...FINITE_DIFFERENCE_OPTIONS.filter((o) => o !== "wrt")]);
  const caller = callerOf("checkGradient", f);
  checkNumberOption(caller, "rtol", checked.rtol, "atLeastZero");
  checkNumberOption(caller, "atol", checked.atol, "atLeastZero");
  checkNumberOption(caller, "step", checked.step, "positive");
  return withinStack("checkGradient", f, args, () => compare(f, args, checked));
}

function compare(f: (...args: any[]) => unknown, args: unknown[], options: CheckOptions): GradientCheck {
  const { rtol = 1e-6, atol = 1e-8 } = options;
  const sel = select("checkGradient", f, args, options);
  const { value, gradient } = flatGradient(f, sel, checkMode(sel, options.mode), options.chunk);
  const { differences } = differencesPerInput("checkGradient", f, args, options, true);
  const entries = gradient.map((g, k): GradientComparison => {
    const automatic = g as number;
    const numerical = differences[k][0].derivative;
    const absoluteError = Math.abs(automatic - numerical);
    return {
      input: sel.slotName(sel.slot(k)),
      automatic,
      numerical,
      absoluteError: Number.isNaN(absoluteError) ? Infinity : absoluteError,
      relativeError: absoluteError / Math.max(Math.abs(numerical), Number.MIN_VALUE),
    };
  });
  const check: GradientCheck = {
    value: value as number,
    entries,
    maxAbsoluteError: Math.max(0, ...entries.map((e) => e.absoluteError)),
    maxRelativeError: Math.max(0, ...entries.map((e) => e.relativeError)),
  };
  const mismatches = entries.filter((e) => !(e.absoluteError <= atol + rtol * Math.abs(e.numerical)));
  if (mismatches.length > 0) {
    throw new GradientCheckError(
      `${sel.caller}: ${mismatches.length} of ${entries.length} partial derivatives disagree with finite differences ` + `(rtol ${rtol}, atol ${atol}):\n${table(mismatches)}`,
      mismatches,
      check,
    );
  }
  return check;
}
