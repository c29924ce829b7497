// Which route a derivative takes when the call does not say: forward or
// reverse mode, one tangent per pass or lanes, and the direct path's route
// for a function over the runtime's operations. The measurements behind
// each threshold are in bench/RESULTS.md and the README's Modes section.

import type { DerivativeInfo } from "../registry.js";
import { isNanSafe } from "../nansafe.js";
import { canRecord } from "./generated.js";
import type { Selection } from "./selection.js";
import { kindOf } from "./values.js";

export type Mode = "forward" | "reverse";

/** The mode asked for; undefined (not given) lets grad choose. */
export function checkMode(sel: { readonly caller: string }, mode: unknown): Mode | undefined {
  if (mode === undefined || mode === "forward" || mode === "reverse") return mode;
  throw new RangeError(`${sel.caller}: mode must be "forward" or "reverse", not ${typeof mode === "string" ? JSON.stringify(mode) : kindOf(mode)}`);
}

/** Functions over the runtime's operations, in forward mode, use chunk mode by default from this many inputs on. */
export const RUNTIME_LANES_FROM = 16;

/**
 * A gradient takes reverse mode by default from this many inputs on: one run
 * and one backward sweep. A compiled function's forward mode carries up to 12
 * tangents in one pass (its chunk-mode JVP, its gradient form), so it runs
 * its generated reverse mode from 13 inputs on.
 */
export const REVERSE_FROM = 13;

/**
 * A function over the runtime's operations carries one tangent per pass on
 * Duals (lanes are heap arrays, slower still), and from 3–4 inputs on one run
 * on its tape costs less than that many passes (measured on Rosenbrock,
 * Ackley and a logistic regression: 1.3–1.4× faster at 4 inputs, 2–3× at
 * 12): from 4 inputs on, its gradient runs on the runtime's tape.
 */
export const RUNTIME_REVERSE_FROM = 4;

/**
 * Whether grad chooses reverse mode: no mode or chunk asked for, REVERSE_FROM (RUNTIME_REVERSE_FROM)
 * or more inputs, plain numbers (reverse mode cannot run inside another derivative) and NaN-safe mode
 * off (a forward-mode notion). A compiled function also needs its record form and a scalar result;
 * without them it stays in forward mode.
 */
export function reverseByDefault(info: DerivativeInfo | undefined, sel: Selection, mode: Mode | undefined, chunk: number | undefined): boolean {
  if (mode !== undefined || chunk !== undefined || !sel.plain || isNanSafe()) return false;
  if (info === undefined) return sel.values.length >= RUNTIME_REVERSE_FROM;
  return sel.values.length >= REVERSE_FROM && canRecord(info) && info.result === "scalar";
}

/**
 * The route grad takes by default for a function over the runtime's operations at n plain numbers:
 * reverseByDefault's choice, and forward mode's one Dual per pass below RUNTIME_LANES_FROM
 * (undefined: lanes, which only the general path runs).
 */
export function runtimeRoute(n: number): "tape" | "duals" | undefined {
  if (n >= RUNTIME_REVERSE_FROM && !isNanSafe()) return "tape";
  return n < RUNTIME_LANES_FROM ? "duals" : undefined;
}

/** Whether a gradient runs the generated reverse mode (the record form): asked for, or chosen for many inputs. */
export function usesRecord(info: DerivativeInfo | undefined, sel: Selection, mode: Mode | undefined, chunk: number | undefined): boolean {
  if (!info || !canRecord(info) || !sel.plain || info.result !== "scalar") return false;
  return mode === "reverse" || reverseByDefault(info, sel, mode, chunk);
}

/**
 * Whether a Hessian runs forward over reverse (one tape and sweep per column): asked for, or by
 * default as JAX's does — except inside another derivative or in NaN-safe mode, where reverse mode
 * does not run and the Hessian is forward over forward.
 */
export function hessianByReverse(sel: Selection, mode: Mode | undefined): boolean {
  return mode === "reverse" || (mode === undefined && sel.plain && !isNanSafe());
}

/**
 * jacobian without a mode or chunk runs reverse mode — one run that records, then one sweep per
 * output — where the outputs are few enough for it: a sweep is cheap next to forward mode's pass per
 * input (per 12 for a compiled function). Measured on dense and sparse functions of 1–64 inputs and
 * outputs, reverse mode wins from 2 inputs on until the outputs outnumber the inputs about 1 : 1 for a
 * compiled function and 2–4 : 1 for one over the runtime's operations (whose forward passes are Duals);
 * these are the most outputs per input for which it runs reverse mode.
 */
export const JACOBIAN_REVERSE_ROWS_PER_INPUT = { compiled: 1, runtime: 2 } as const;

/**
 * Whether jacobian runs reverse mode: asked for, or by default from 2 inputs on where the function
 * has at most JACOBIAN_REVERSE_ROWS_PER_INPUT outputs per input (`outputs` runs it once, on plain
 * numbers, to count them) — at the top level, outside NaN-safe mode, and for a compiled function
 * only with a record form (as for grad).
 */
export function jacobianByReverse(info: DerivativeInfo | undefined, sel: Selection, mode: Mode | undefined, chunk: number | undefined, outputs: () => number): boolean {
  if (mode === "reverse") return true;
  const n = sel.values.length;
  if (mode !== undefined || chunk !== undefined || !sel.plain || isNanSafe() || n < 2) return false;
  if (info !== undefined && !canRecord(info)) return false;
  return outputs() <= n * (info === undefined ? JACOBIAN_REVERSE_ROWS_PER_INPUT.runtime : JACOBIAN_REVERSE_ROWS_PER_INPUT.compiled);
}
