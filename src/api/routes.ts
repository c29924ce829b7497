// The one place that decides how a derivative is computed: which route
// (generated code or the runtime, forward or reverse mode, one tangent per
// pass or lanes) and how many lanes, from one table of thresholds. Every API
// function asks here, once per plan (plan.ts); test/routes.test.ts pins each
// default choice. The measurements behind the thresholds are in
// bench/RESULTS.md and the README's Modes section.

import { isNanSafe } from "../nansafe.js";
import type { DerivativeInfo } from "../registry.js";
import { canRecord } from "./generated.js";
import { kindOf } from "./values.js";

export type Mode = "forward" | "reverse";

/**
 * The thresholds, in one table.
 *
 * - maxChunk: forward mode carries at most this many tangents per pass (ForwardDiff's choice), in
 *   balanced chunks. A compiled function's gradient form and chunk-mode JVP cover up to this many inputs.
 * - reverseFrom: a compiled function's gradient runs its generated reverse mode from this many inputs
 *   on (one run and one sweep instead of ⌈n / maxChunk⌉ chunked passes).
 * - runtimeReverseFrom: a function over the runtime's operations carries one tangent per pass on Duals
 *   (lanes are heap arrays, slower still); from 3–4 inputs on one run on its tape costs less than that
 *   many passes (Rosenbrock, Ackley, a logistic regression: 1.3–1.4× faster at 4 inputs, 2–3× at 12).
 * - runtimeLanesFrom: forward mode over the runtime's operations uses lanes from this many inputs on.
 * - jacobianRowsPerInput: jacobian runs reverse mode (one run, one sweep per output) from 2 inputs on
 *   while the outputs are at most this many per input — measured on dense and sparse functions of
 *   1–64 inputs and outputs, reverse mode wins until the outputs outnumber the inputs about 1 : 1 for
 *   a compiled function and 2–4 : 1 for one over the runtime's operations.
 */
export const THRESHOLDS = {
  maxChunk: 12,
  reverseFrom: 13,
  runtimeReverseFrom: 4,
  runtimeLanesFrom: 16,
  jacobianRowsPerInput: { compiled: 1, runtime: 2 },
} as const;

/** What a route choice needs to know of the function: what the transform generated for it. */
export interface FunctionFacts {
  /** Compiled by the transform (else written over the runtime's operations). */
  readonly compiled: boolean;
  readonly jvp: boolean;
  readonly chunkJvp: boolean;
  /** The gradient form: grad's one pass that skips the value. */
  readonly gradientForm: boolean;
  /** The record form, and no call of a function of another module that has none. */
  readonly record: boolean;
  /** The record form's twin: grad's reverse mode without the value's own work. */
  readonly recordTwin: boolean;
  readonly scalarResult: boolean;
}

export function factsOf(info: DerivativeInfo | undefined): FunctionFacts {
  if (!info) return { compiled: false, jvp: false, chunkJvp: false, gradientForm: false, record: false, recordTwin: false, scalarResult: true };
  return {
    compiled: true,
    jvp: info.jvp !== undefined,
    chunkJvp: info.chunkJvp !== undefined,
    gradientForm: info.gradient !== undefined,
    record: canRecord(info),
    recordTwin: info.recordGradient !== undefined,
    scalarResult: info.result === "scalar",
  };
}

/** What a route choice needs to know of the call. */
export interface CallFacts {
  /** The selected input scalars. */
  readonly inputs: number;
  /** No argument holds a Dual or tape variable (the call is not inside another derivative). */
  readonly plain: boolean;
  readonly nanSafe: boolean;
}

/** What the caller asked for. */
export interface Request {
  readonly mode?: Mode;
  readonly chunk?: number;
  /** valueAndGrad needs the value; grad may take a form that skips the work only the value needs. */
  readonly valueNeeded: boolean;
}

/**
 * A gradient's routes:
 *   gradient-form   the compiled gradient form (one pass, value skipped)
 *   record-twin     the record form's twin (generated reverse mode, value skipped)
 *   record          the record form: generated reverse mode on a linear tape
 *   tape            the runtime's tape (a compiled function's generic form on it)
 *   chunk           the compiled chunk-mode JVP, `lanes` tangents per pass
 *   runtime-lanes   Duals with `lanes` tangent lanes
 *   jvp             the compiled JVP, one tangent per pass
 *   duals           Duals, one tangent per pass (a compiled function's generic form on them)
 *   none            nothing selected
 * The first two may defer (the value might not be finite): `fallback` is then the route.
 */
export type GradientRoute = "gradient-form" | "record-twin" | "record" | "tape" | "chunk" | "runtime-lanes" | "jvp" | "duals" | "none";

export interface GradientChoice {
  readonly route: GradientRoute;
  /** Where route defers, or where the record form meets a callee without one: the route that always answers. */
  readonly fallback: GradientRoute;
  /** Tangents per pass, for the forward routes. */
  readonly lanes: number;
}

/** Whether a gradient takes reverse mode: asked for, or by default at the thresholds (never inside another derivative or in NaN-safe mode, a forward-mode notion). */
function reverseGradient(fn: FunctionFacts, call: CallFacts, request: Request): boolean {
  if (request.mode === "reverse") return true;
  if (request.mode !== undefined || request.chunk !== undefined || !call.plain || call.nanSafe) return false;
  if (!fn.compiled) return call.inputs >= THRESHOLDS.runtimeReverseFrom;
  return call.inputs >= THRESHOLDS.reverseFrom && fn.record && fn.scalarResult;
}

/** The route of a gradient (grad, valueAndGrad, checkGradient). */
export function gradientRoute(fn: FunctionFacts, call: CallFacts, request: Request): GradientChoice {
  const lanes = lanesFor(call.inputs, request.chunk);
  const answering = answeringRoute(fn, call, request, lanes);
  const skipping = !request.valueNeeded && fn.compiled && call.plain && request.chunk === undefined && !call.nanSafe;
  if (skipping && fn.gradientForm && request.mode !== "reverse") return { route: "gradient-form", fallback: answering, lanes };
  if (skipping && fn.recordTwin && answering === "record") return { route: "record-twin", fallback: "record", lanes };
  return { route: answering, fallback: answering === "record" ? "tape" : answering, lanes };
}

/** The route that computes value and gradient. */
function answeringRoute(fn: FunctionFacts, call: CallFacts, request: Request, lanes: number): GradientRoute {
  if (reverseGradient(fn, call, request)) return fn.compiled && fn.record && call.plain && fn.scalarResult ? "record" : "tape";
  if (call.inputs === 0) return "none";
  // A compiled function's chunk-mode JVP, also for one input unless a chunk is given (the gradient form gives its bits).
  if (call.plain && fn.chunkJvp && (lanes > 1 || request.chunk === undefined)) return "chunk";
  if (call.plain && lanes > 1) {
    // Lanes are heap arrays here (ForwardDiff's are tuples on the stack): they pay off only from runtimeLanesFrom inputs on.
    if (!fn.compiled && (request.chunk !== undefined || call.inputs >= THRESHOLDS.runtimeLanesFrom)) return "runtime-lanes";
  }
  return jvpRoute(fn, call);
}

/** One forward pass's route (jvp, derivative, a Jacobian's or Hessian's columns): the generated JVP at plain inputs, else Duals. */
export function jvpRoute(fn: FunctionFacts, call: { readonly plain: boolean }): "jvp" | "duals" {
  return fn.jvp && call.plain ? "jvp" : "duals";
}

/**
 * A Jacobian's forward routes, as a gradient's: the chunk-mode JVP or Duals with lanes (from
 * runtimeLanesFrom inputs, or a chunk given), else one tangent per pass.
 */
export function forwardLanes(fn: FunctionFacts, call: CallFacts, chunk: number | undefined): number {
  const lanes = lanesFor(call.inputs, chunk);
  if (!call.plain || lanes <= 1) return 1;
  return fn.chunkJvp || (!fn.compiled && (chunk !== undefined || call.inputs >= THRESHOLDS.runtimeLanesFrom)) ? lanes : 1;
}

/**
 * Whether jacobian runs reverse mode: asked for, or by default from 2 inputs on where the function
 * has at most jacobianRowsPerInput outputs per input (`outputs` runs it once, on plain numbers, to
 * count them) — at the top level, outside NaN-safe mode, and for a compiled function only with a
 * record form (as for grad).
 */
export function jacobianByReverse(fn: FunctionFacts, call: CallFacts, mode: Mode | undefined, chunk: number | undefined, outputs: () => number): boolean {
  if (mode === "reverse") return true;
  if (mode !== undefined || chunk !== undefined || !call.plain || call.nanSafe || call.inputs < 2) return false;
  if (fn.compiled && !fn.record) return false;
  return outputs() <= call.inputs * (fn.compiled ? THRESHOLDS.jacobianRowsPerInput.compiled : THRESHOLDS.jacobianRowsPerInput.runtime);
}

/** A reverse-mode run's tape (vjp; jacobian's and the gradient's reverse mode alike): a compiled function's record form at plain inputs, else the runtime's tape. */
export function reverseRoute(fn: FunctionFacts, call: { readonly plain: boolean }): "record" | "tape" {
  return fn.compiled && fn.record && call.plain ? "record" : "tape";
}

/**
 * Whether a Hessian runs forward over reverse (one tape and sweep per column): asked for, or by
 * default as JAX's does — except inside another derivative or in NaN-safe mode, where reverse mode
 * does not run and the Hessian is forward over forward.
 */
export function hessianByReverse(call: CallFacts, mode: Mode | undefined): boolean {
  return mode === "reverse" || (mode === undefined && call.plain && !call.nanSafe);
}

/** A call's facts from its selection. */
export function callFacts(sel: { readonly values: { length: number }; readonly plain: boolean }): CallFacts {
  return { inputs: sel.values.length, plain: sel.plain, nanSafe: isNanSafe() };
}

/** The mode asked for; undefined (not given) lets the API choose. */
export function checkMode(sel: { readonly caller: string }, mode: unknown): Mode | undefined {
  if (mode === undefined || mode === "forward" || mode === "reverse") return mode;
  throw new RangeError(`${sel.caller}: mode must be "forward" or "reverse", not ${typeof mode === "string" ? JSON.stringify(mode) : kindOf(mode)}`);
}

/** Tangents per pass: the chunk asked for (at most n), or ForwardDiff's choice — at most maxChunk, balanced (n = 13 → 7 + 6, not 12 + 1). */
export function lanesFor(n: number, requested: number | undefined): number {
  if (n < 1) return 1;
  if (requested !== undefined) return Math.max(1, Math.min(requested, n));
  const chunks = Math.ceil(n / THRESHOLDS.maxChunk);
  return Math.max(1, Math.ceil(n / chunks));
}
