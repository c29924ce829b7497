// Compiles one generated program three ways and holds its derivatives
// against each other:
//
//   transformed  transformSource(source) → JavaScript, imported as a module:
//                grad(f) runs the generated JVP (in chunk mode; also with
//                one and two directions per pass), grad(f, { mode: "reverse" })
//                the generated record form (reverse mode on a linear tape),
//                and the same with the record form hidden runs the generated
//                generic form on the runtime's reverse-mode tape; where f has
//                a gradient form (grad's one pass without the value), it must
//                give the chunk-mode JVP's gradient bit for bit, or defer —
//                and it may only answer where the value is finite, domain
//                errors included; likewise the record form's twin against the
//                record form
//   plain        the same source through TypeScript's transpileModule with no
//                transform: the untransformed function, differentiated by
//                finite differences (Ridders' central differences, with their
//                error estimate)
//   probe        the same program printed as instrumented JavaScript: every
//                comparison reports its outcome (and Math.abs, max, min,
//                floor, round and % the piece they are on), every computed
//                or stored value its size
//
// The finite-difference oracle is the plain compile, not the transformed
// module's exported f: the transform is supposed to leave f untouched, and
// that is checked separately (both give the same value, bit for bit), so a
// transform that rewrote the primal could not hide its mistake in both.
//
// Branches: the generated programs branch on values, so the function is only
// piecewise smooth. Rather than shaping the programs so that every branch
// agrees at its boundary, every point at which the finite differences
// evaluate the function is run through the probe as well; a partial whose
// evaluations did not all take the centre's path through the comparisons and
// pieces is not compared with finite differences (forward and reverse still
// are). When all evaluations share the centre's path they all compute
// the same composition of smooth operations, so the difference quotient is
// that of a smooth function — no margin to tune, and no kink slips through.

// The built transform (dist/), as users load it; npm test builds first.
import { expect } from "vitest";
import { transformSource } from "../../dist/transformer/index.js";
import { centralDifference, grad, valueAndGrad } from "../../src/index.js";
import { LinearTape } from "../../src/reverse/linear.js";
import type { Program } from "./program-generator.js";
import { renderProgram, wrtOf } from "./program-printer.js";
import { LARGEST_VALUE, load, plainJavaScript, probe } from "./program-run.js";

type Fn = (...args: number[]) => number;

export type FailureKind = "diagnostic" | "transform" | "load" | "primal" | "forward" | "reverse" | "value" | "gradient-form" | "forward-vs-reverse" | "vs-finite-differences" | "hessian" | "jacobian";

export class ProgramFailure extends Error {
  constructor(
    readonly kind: FailureKind,
    readonly source: string,
    detail: string,
  ) {
    super(`${kind}: ${detail}\n--- program ---\n${source}`);
  }
}

/**
 * The outcome of a check of a program beside the subset, which may be one of two: reported with a
 * located diagnostic (a ProgramFailure of kind "diagnostic" naming prog.ts:line:column and a code), or
 * right (the check passes). Any other failure is thrown.
 */
export async function reportedOrRight(check: () => Promise<unknown>): Promise<"reported" | "right"> {
  try {
    await check();
    return "right";
  } catch (error) {
    if (!(error instanceof ProgramFailure && error.kind === "diagnostic")) throw error;
    expect(error.message).toMatch(/^diagnostic: prog\.ts:\d+:\d+ DUALTS\d{4} /);
    return "reported";
  }
}

export interface Tally {
  points: number;
  skippedPoints: number;
  partials: number;
  skippedPartials: number;
  /** Points at which f's gradient form ran, and how many of those it deferred to the chunk-mode JVP. */
  gradientForms: number;
  gradientDeferred: number;
  /** Points at which f's record form had a twin that skips the value. */
  recordTwins: number;
}

export const tally = (): Tally => ({ points: 0, skippedPoints: 0, partials: 0, skippedPartials: 0, gradientForms: 0, gradientDeferred: 0, recordTwins: 0 });

/** f with its record form hidden: reverse mode then runs the generic form on the runtime's tape. */
function withoutRecordForm(f: Fn): Fn {
  const key = Symbol.for("dualts.derivative");
  const info = (f as unknown as Record<symbol, object>)[key];
  const g: Fn = (...args) => f(...args);
  Object.defineProperty(g, key, { value: { ...info, record: undefined } });
  return g;
}

export const show = (x: number) => (Number.isFinite(x) ? x.toPrecision(12) : String(x));

interface GradientFormInfo {
  readonly wrt: readonly number[];
  readonly gradient?: (...args: number[]) => number[] | undefined;
  readonly recordGradient?: (tape: LinearTape, ...args: number[]) => number | undefined;
}

/**
 * The gradient form against the chunk-mode JVP (valueAndGrad's route) at x:
 * undefined, or the same gradient bit for bit from a finite value. Returns
 * a failure's detail, or undefined.
 */
function gradientFormDisagrees(f: Fn, x: readonly number[], counts: Tally): string | undefined {
  const info = (f as unknown as Record<symbol, GradientFormInfo | undefined>)[Symbol.for("dualts.derivative")];
  return recordTwinDisagrees(f, info, x, counts) ?? unrolledDisagrees(f, info, x, counts);
}

/** The record form's twin against the record form: the same in reverse mode. */
function recordTwinDisagrees(f: Fn, info: GradientFormInfo | undefined, x: readonly number[], counts: Tally): string | undefined {
  if (!info?.recordGradient) return undefined;
  counts.recordTwins++;
  const tape = new LinearTape();
  const answered = info.recordGradient(tape, ...x.flatMap((v, i) => (info.wrt.includes(i) ? [v, tape.input()] : [v]))) !== undefined;
  const [value, gradient] = valueAndGrad(f, { mode: "reverse" })(...x);
  if (answered && !Number.isFinite(value)) return `the record form's twin answered where the value is ${value}: it should have deferred`;
  const viaTwin = grad(f, { mode: "reverse" })(...x);
  const [mine, theirs] = [viaTwin, gradient].map((g) => (typeof g === "number" ? [g] : g));
  if (mine.length !== theirs.length || mine.some((g, j) => !Object.is(g, theirs[j]))) {
    return `in reverse mode grad gives [${mine.map(show)}] through the record form's twin, the record form [${theirs.map(show)}]`;
  }
  return undefined;
}

/** The gradient form against the chunk-mode JVP. */
function unrolledDisagrees(f: Fn, info: GradientFormInfo | undefined, x: readonly number[], counts: Tally): string | undefined {
  if (!info?.gradient) return undefined;
  counts.gradientForms++;
  const own = info.gradient(...x);
  const [value, gradient] = valueAndGrad(f)(...x);
  const chunked = typeof gradient === "number" ? [gradient] : gradient;
  if (own === undefined) {
    counts.gradientDeferred++;
    return undefined;
  }
  if (!Number.isFinite(value)) return `the gradient form answered [${own.map(show)}] where the value is ${value}: it should have deferred`;
  // A NaN entry at a finite value makes the API run the call again NaN-safely (src/api/poison.ts), on either route:
  // the form's own entries then stand beside the chunk-mode JVP's raw lanes (gradient-form.test.ts), not the rerun's.
  if (!own.some(Number.isNaN) && (own.length !== chunked.length || own.some((g, j) => !Object.is(g, chunked[j])))) {
    return `the gradient form gives [${own.map(show)}], the chunk-mode JVP [${chunked.map(show)}]`;
  }
  const viaGrad = grad(f)(...x);
  const mine = typeof viaGrad === "number" ? [viaGrad] : viaGrad;
  if (mine.length !== chunked.length || mine.some((g, j) => !Object.is(g, chunked[j]))) {
    return `grad gives [${mine.map(show)}] through the gradient form, valueAndGrad [${chunked.map(show)}]`;
  }
  return undefined;
}

export interface CheckOptions {
  /** Counts of points and partials checked and skipped, added to. */
  readonly counts?: Tally;
  /** The parameters f is differentiated with respect to (as its wrt(…) says); default all. */
  readonly wrt?: readonly number[];
  /** Changes the transformed JavaScript before it is loaded: for tests that this check catches a broken derivative. */
  readonly mutate?: (javascript: string) => string;
}

/** Renders the program, then compares the three routes at each point; throws ProgramFailure on the first disagreement. */
export function checkProgram(p: Program, points: readonly number[][], options: CheckOptions = {}): Promise<Tally> {
  return checkSource(renderProgram(p), renderProgram(p, "probe"), points, { ...options, wrt: wrtOf(p) });
}

/**
 * The same for a program given as source text, which must export f taking
 * one number per coordinate of the points; `probeSource` is its instrumented
 * JavaScript, or undefined for a program without branches (finite
 * differences are then always compared).
 */
export async function checkSource(source: string, probeSource: string | undefined, points: readonly number[][], options: CheckOptions = {}): Promise<Tally> {
  const { counts = tally(), mutate = (js: string) => js } = options;
  const fail = (kind: FailureKind, detail: string): never => {
    throw new ProgramFailure(kind, source, detail);
  };

  let transformed: string;
  try {
    const result = transformSource(source, { fileName: "prog.ts" });
    if (result.diagnostics.length > 0) fail("diagnostic", result.diagnostics.map((d) => `prog.ts:${d.line}:${d.column} ${d.code} ${d.message}`).join("\n"));
    transformed = mutate(result.code);
  } catch (error) {
    if (error instanceof ProgramFailure) throw error;
    return fail("transform", `transformSource threw ${(error as Error).stack}`);
  }
  let compiled: Record<string, Fn>;
  try {
    compiled = await load(transformed);
  } catch (error) {
    return fail("load", `the transformed module does not load: ${(error as Error).message}\n--- transformed ---\n${transformed}`);
  }
  const plain = await load(plainJavaScript(source));
  const run = probeSource === undefined ? (args: number[]) => ({ value: plain.f(...args), path: "", largest: 0 }) : probe(probeSource);
  const f = compiled.f;

  for (const x of points) {
    counts.points++;
    const at = `at (${x.map(show).join(", ")})`;
    const centre = run(x);
    const value = plain.f(...x);
    // The probe is the same program with reporting added: it must compute the same value.
    if (!Object.is(centre.value, value)) throw new Error(`the probe disagrees with the program ${at}: ${centre.value} vs ${value}\n${source}`);
    // Before points are skipped: the gradient form must defer where the value is not finite.
    const formDetail = gradientFormDisagrees(f, x, counts);
    if (formDetail) fail("gradient-form", `${formDetail}, ${at}\n--- transformed ---\n${transformed}`);
    if (!Number.isFinite(value) || centre.largest > LARGEST_VALUE) {
      counts.skippedPoints++;
      continue;
    }
    const primal = f(...x);
    if (!Object.is(primal, value)) fail("primal", `the transformed module's f gives ${primal}, the untransformed ${value}, ${at}`);

    const wrt = options.wrt ?? x.map((_, i) => i);
    // One parameter: grad gives a number; several: one entry each.
    const entries = (g: unknown) => (wrt.length === 1 ? [g as number] : (g as number[]));
    let forward: number[];
    let single: number[];
    let pairs: number[];
    let forwardValue: number;
    try {
      forward = entries(grad(f)(...x)); // the chunk-mode JVP: every direction in one pass
      single = entries(grad(f, { chunk: 1 })(...x)); // the plain JVP, once per direction
      pairs = entries(grad(f, { chunk: 2 })(...x)); // chunk mode, two directions per pass: a second pass for the third
      forwardValue = valueAndGrad(f)(...x)[0];
    } catch (error) {
      return fail("forward", `grad(f) threw ${at}: ${(error as Error).message}\n--- transformed ---\n${transformed}`);
    }
    let reverse: number[];
    let reverseValue: number;
    let onTape: number[];
    let tapeValue: number;
    try {
      reverse = entries(grad(f, { mode: "reverse" })(...x));
      reverseValue = valueAndGrad(f, { mode: "reverse" })(...x)[0];
      const generic = withoutRecordForm(f);
      onTape = entries(grad(generic, { mode: "reverse" })(...x));
      tapeValue = valueAndGrad(generic, { mode: "reverse" })(...x)[0];
    } catch (error) {
      return fail("reverse", `grad(f, { mode: "reverse" }) threw ${at}: ${(error as Error).message}\n--- transformed ---\n${transformed}`);
    }
    for (const [route, v] of [
      ["forward", forwardValue],
      ["reverse", reverseValue],
      ["tape", tapeValue],
    ] as const) {
      if (!(Math.abs(v - value) <= 1e-12 * Math.max(1, Math.abs(value)))) fail("value", `the ${route} pass computes f = ${show(v)}, the program ${show(value)}, ${at}`);
    }

    if (forward.length !== wrt.length || single.length !== wrt.length || pairs.length !== wrt.length || reverse.length !== wrt.length || onTape.length !== wrt.length) {
      fail("forward", `grad(f) has ${forward.length} entries, with chunk 1 ${single.length}, in reverse mode ${reverse.length} (on the runtime's tape ${onTape.length}), for wrt [${wrt}]`);
    }
    wrt.forEach((i, slot) => {
      const name = "abc"[i];
      const xi = x[i];
      const g = forward[slot];
      const r = reverse[slot];
      const close = (other: number) => Math.abs(g - other) <= 1e-10 * Math.max(1, Math.abs(g));
      if (!close(r) || !close(single[slot]) || !close(pairs[slot]) || !close(onTape[slot])) {
        fail(
          "forward-vs-reverse",
          `∂f/∂${name} ${at}: forward ${show(g)} (one direction per pass ${show(single[slot])}, two ${show(pairs[slot])}), reverse ${show(r)} (on the runtime's tape ${show(onTape[slot])})\n--- transformed ---\n${transformed}`,
        );
      }
      counts.partials++;
      // Finite differences from the default first step, 0.01·max(1, |x|), and if they do not agree, again from
      // steps a hundred and ten thousand times smaller: a function that changes on a scale below 0.01
      // (exp(−(729c)²) after `c *= 3` six times; sin of a value that doubles in a loop) is smooth, but the
      // Ridders tableau at the larger steps converges on its flat tails or averages over its oscillations.
      // Where every estimate's own error bound is over a tenth of it (a program chaotic at that point: a
      // derivative of 1e10 from sin of a value that doubles in a loop), finite differences cannot judge, and
      // the partial is skipped like one whose estimates crossed a branch; forward and reverse were compared.
      const tried: string[] = [];
      let judged = false;
      for (const step of [undefined, 1e-4 * Math.max(1, Math.abs(xi)), 1e-6 * Math.max(1, Math.abs(xi))]) {
        let samePath = true;
        const along = (t: number) => {
          const shifted = x.map((xj, j) => (j === i ? xj + t : xj));
          if (run(shifted).path !== centre.path) samePath = false;
          return plain.f(...shifted);
        };
        const fd = centralDifference(along, xi, step === undefined ? {} : { step });
        if (!samePath) continue;
        if (Math.abs(g - fd.derivative) <= Math.max(100 * fd.error, 1e-6 * Math.max(1, Math.abs(g)))) return;
        if (fd.error <= 0.1 * Math.abs(fd.derivative)) judged = true;
        tried.push(`${show(fd.derivative)} ± ${fd.error.toExponential(1)} (first step ${step ?? "default"})`);
      }
      if (!judged) {
        counts.skippedPartials++;
        return;
      }
      fail("vs-finite-differences", `∂f/∂${name} ${at}: automatic ${show(g)} (reverse ${show(r)}), finite differences ${tried.join(", ")}\n--- transformed ---\n${transformed}`);
    });
  }
  return counts;
}
