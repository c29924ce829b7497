// The benchmark cases and their contenders. Every contender that yields a
// derivative is checked against the hand-written one before anything is
// timed (verify in main.ts), so a fast wrong answer cannot enter the tables.

import { grad, hessian, jacobian, jvp } from "dualts";
import * as analytic from "./analytic.js";
import { bceData, fitData, mlpData, point } from "./data.js";
import * as compiled from "./functions.js";
import * as peers from "./peers.js";
import * as runtime from "./runtime.js";
import { minimalGradient, overMinimalDuals } from "./minimal-dual.js";
import type { Contender } from "./harness.js";
// The route table itself (package.json's private import #routes: dist/src/api/routes.js), so that the notes follow its thresholds.
import { lanesFor, THRESHOLDS } from "#routes";

/** Which contender a row is, for the targets and the figure. */
export type Kind =
  | "primal"
  | "jvp"
  | "grad1"
  | "chunked"
  | "raw"
  | "record"
  | "grad"
  | "planned"
  | "tape"
  | "dual1"
  | "dual"
  | "runtime"
  | "minimal"
  | "analytic"
  | "hessianReverse"
  | "tfjs"
  | "mathjs"
  // The Jacobian cases: compiled in forward and reverse mode, the runtime's Duals and tape ("runtime": as it is).
  | "forward"
  | "reverse"
  | "asIs"
  | "runtimeForward"
  | "runtimeReverse";

export interface Entry extends Contender {
  readonly kind: Kind;
  /** The derivative this contender computes, flattened (absent for the primal and the JVP). */
  readonly derivative?: () => ArrayLike<number>;
  /** float32 peers agree to about 1e-3 only. */
  readonly float32?: boolean;
}

export interface Case {
  readonly id: string;
  readonly title: string;
  /** How many scalar inputs the derivative is taken with respect to. */
  readonly inputs: number;
  /** The hand-written derivative, flattened. */
  readonly reference: ArrayLike<number>;
  readonly entries: readonly Entry[];
}

const flat = (g: unknown): number[] => (Array.isArray(g) ? g.flat(2) : ArrayBuffer.isView(g) ? Array.from(g as Float64Array) : [g]) as number[];
const dualts = (kind: Kind, name: string, derivative: () => unknown, note?: string): Entry => ({
  kind,
  name,
  note,
  run: derivative,
  derivative: () => flat(derivative()),
});

/** The lanes per pass grad chooses for n inputs (at most maxChunk, balanced): src/api/routes.ts's lanesFor. */
const defaultLanes = (n: number) => lanesFor(n, undefined);
/** A note: chunk mode's passes for n inputs. */
const chunkedNote = (n: number) => `${Math.ceil(n / defaultLanes(n))} pass(es) of ${defaultLanes(n)} lanes`;
/** A note: forward mode's passes over the runtime's operations, lanes from THRESHOLDS.runtimeLanesFrom inputs (src/api/routes.ts). */
const runtimeForwardNote = (n: number) => (n >= THRESHOLDS.runtimeLanesFrom ? chunkedNote(n) : `${n} pass(es)`);

interface ChunkInfo {
  readonly wrt: readonly number[];
  readonly chunkJvp: (lanes: number, ...args: unknown[]) => [number, Float64Array];
}

/**
 * The generated chunk-mode JVP called directly, its seeds made once: what the
 * transform's code costs without the API's per-call work (selecting the
 * inputs, building seeds, collecting lanes). Same passes and lanes as grad(f).
 */
function rawChunked(f: Function, args: readonly unknown[]): () => Float64Array {
  const info = (f as unknown as Record<symbol, ChunkInfo>)[Symbol.for("dualts.derivative")];
  const sizes = info.wrt.map((i) => (typeof args[i] === "number" ? 1 : (args[i] as ArrayLike<number>).length));
  const n = sizes.reduce((a, b) => a + b, 0);
  const lanes = defaultLanes(n);
  const passes = Array.from({ length: Math.ceil(n / lanes) }, (_, pass) => {
    const seeds = sizes.map((size) => new Float64Array(size * lanes));
    for (let lane = 0, k = pass * lanes; lane < lanes && k < n; lane++, k++) {
      let param = 0;
      let index = k;
      while (index >= sizes[param]) index -= sizes[param++];
      seeds[param][index * lanes + lane] = 1;
    }
    return args.flatMap((a, i) => (info.wrt.includes(i) ? [a, seeds[info.wrt.indexOf(i)]] : [a]));
  });
  return () => {
    const gradient = new Float64Array(n);
    passes.forEach((passArgs, pass) => {
      const tangent = info.chunkJvp(lanes, ...passArgs)[1];
      for (let lane = 0, k = pass * lanes; lane < lanes && k < n; lane++, k++) gradient[k] = tangent[lane];
    });
    return gradient;
  };
}

type RuntimeOptions = { chunk?: number; mode?: "forward" };

/** For overRuntime: grad(f, options) made once per contender, each run one call of it at args. */
const madeOnce =
  (f: (...args: any[]) => unknown, args: readonly unknown[], fixed: { wrt?: string | string[] } = {}) =>
  (options: RuntimeOptions) => {
    const g = grad(f as (...args: any[]) => number, { ...fixed, ...options }) as (...args: unknown[]) => unknown;
    return () => g(...args);
  };

/**
 * The gradients of the same function written over the runtime's operations: Duals one tangent per
 * pass, Duals as forward mode runs them by default (lanes from 16 inputs), and grad(f) as it is
 * (which takes the runtime's tape from 4 inputs on), each made once and then called; and, as a
 * yardstick, the same function over the textbook Dual of minimal-dual.ts, one tangent per pass.
 */
function overRuntime(gradient: (options: RuntimeOptions) => () => unknown, n: number, textbook: () => unknown): Entry[] {
  return [
    dualts("minimal", "gradient, textbook Dual (yardstick), chunk 1", textbook, `value and tangent only; ${n} pass(es)`),
    dualts("dual1", "gradient, Dual runtime, chunk 1", gradient({ chunk: 1 }), `${n} pass(es)`),
    dualts("dual", "gradient, Dual runtime, forward mode's default", gradient({ mode: "forward" }), runtimeForwardNote(n)),
    dualts(
      "runtime",
      "gradient, runtime, grad(f) as it is",
      gradient({}),
      n >= THRESHOLDS.runtimeReverseFrom ? `the runtime's tape (n ≥ ${THRESHOLDS.runtimeReverseFrom})` : "Duals, one tangent per pass",
    ),
  ];
}

/** f with its record form hidden, so that reverse mode runs its generic form on the runtime's tape. */
function withoutRecordForm<F extends Function>(f: F): F {
  const key = Symbol.for("dualts.derivative");
  const info = (f as unknown as Record<symbol, object>)[key];
  const g = (...args: unknown[]) => f(...args);
  return Object.defineProperty(g, key, { value: { ...info, record: undefined } }) as unknown as F;
}

/** g = grad(f, { wrt }) made once, and each run one call of it, as users are told to write it (the plan made on its first call). */
function planned(f: (...args: any[]) => number, wrt: string[] | undefined, args: unknown[]): () => unknown {
  const g = grad(f, { wrt }) as (...args: unknown[]) => unknown;
  return () => g(...args);
}

/** The generated-code contenders shared by every gradient case. */
function generated(f: (...args: any[]) => number, args: unknown[], tangents: (number | Float64Array)[], wrt?: string[]): Entry[] {
  const n = tangents.reduce<number>((s, t) => s + (typeof t === "number" ? 1 : t.length), 0);
  const lanes = defaultLanes(n);
  const onTape = withoutRecordForm(f);
  const info = (f as unknown as Record<symbol, { gradient?: unknown; recordGradient?: unknown }>)[Symbol.for("dualts.derivative")];
  const hasGradientForm = typeof info?.gradient === "function";
  const hasTwin = typeof info?.recordGradient === "function";
  const route =
    n >= THRESHOLDS.reverseFrom ? `generated reverse (n ≥ ${THRESHOLDS.reverseFrom})` : hasGradientForm ? "gradient form: one pass, value skipped" : `forward, chunked (n ≤ ${THRESHOLDS.maxChunk})`;
  return [
    { kind: "primal", name: "primal (untransformed)", run: () => f(...args) },
    { kind: "jvp", name: "JVP, generated (one tangent)", run: () => jvp(f, args as never, tangents, { wrt }) },
    dualts("grad1", "gradient, generated forward, chunk 1", () => grad(f, { wrt, chunk: 1 })(...args), `${n} pass(es)`),
    // chunk given: the chunk-mode JVP, value and all, even where grad(f) would take the gradient form.
    dualts("chunked", "gradient, generated forward, chunked", () => grad(f, { wrt, chunk: lanes })(...args), chunkedNote(n)),
    dualts("raw", "gradient, generated chunk code alone (no API)", rawChunked(f, args), "same passes, seeds made once"),
    dualts(
      "record",
      "gradient, generated reverse (record form)",
      () => grad(f, { wrt, mode: "reverse" })(...args),
      hasTwin ? "the record form's twin (value skipped): one run, one sweep" : "one run, one backward sweep",
    ),
    dualts("grad", "gradient, grad(f) as it is", () => grad(f, { wrt })(...args), route),
    dualts("planned", "gradient, grad(f) made once, then called", planned(f, wrt, args), `${route}; its plan made on the first call`),
    dualts("tape", "gradient, runtime tape", () => grad(onTape, { wrt, mode: "reverse" })(...args), "generic form on the runtime's tape"),
  ];
}

type JacobianOf = (options: { mode?: "forward" | "reverse" }) => unknown;

/**
 * A Jacobian case's contenders: the compiled function's jacobian in forward mode, in reverse mode and as
 * jacobian(f) runs it by default, the same over the runtime's operations, and the hand-written one.
 * m outputs of n inputs: by default reverse mode where m ≤ n (compiled), m ≤ 2n (runtime).
 */
function jacobians(primal: () => unknown, compiledJacobian: JacobianOf, runtimeJacobian: JacobianOf, handWritten: () => unknown, m: number, n: number): Entry[] {
  return [
    { kind: "primal", name: "primal (untransformed)", run: primal },
    dualts("forward", "jacobian, generated forward (chunked)", () => compiledJacobian({ mode: "forward" }), chunkedNote(n)),
    dualts("reverse", "jacobian, generated reverse (record form)", () => compiledJacobian({ mode: "reverse" }), `one run, ${m} sweep(s)`),
    dualts("asIs", "jacobian(f) as it is", () => compiledJacobian({}), m <= n ? "reverse (m ≤ n), after one plain run" : "forward (m > n), after one plain run"),
    dualts("runtimeForward", "jacobian, Dual runtime", () => runtimeJacobian({ mode: "forward" }), runtimeForwardNote(n)),
    dualts("runtimeReverse", "jacobian, runtime tape", () => runtimeJacobian({ mode: "reverse" }), `one run, ${m} sweep(s)`),
    dualts("runtime", "jacobian, runtime, jacobian(f) as it is", () => runtimeJacobian({}), m <= 2 * n ? "the tape (m ≤ 2n), after one plain run" : "Duals (m > 2n), after one plain run"),
    dualts("analytic", "jacobian, hand-written", handWritten),
  ];
}

export async function buildCases(): Promise<{ cases: Case[]; peerInfo: string; symbolicMs: Record<string, number> }> {
  const peerInfo = await peers.startTensorFlow();
  const symbolicMs: Record<string, number> = {};
  const cases: Case[] = [];
  const textbook = await overMinimalDuals();

  // ── The lecture's polynomial ────────────────────────────────────────────
  {
    const w = [1.5, -2, 0.5] as const;
    const m = peers.mathjsPolynomial();
    symbolicMs.polynomial = m.symbolicMs;
    const tfGrad = peers.tfPolynomial();
    cases.push({
      id: "polynomial",
      title: "Lecture polynomial w0 + 3·w1² + 5·w2³ (n = 3)",
      inputs: 3,
      reference: analytic.polynomialGradient(...w),
      entries: [
        ...generated(compiled.polynomial, [...w], [1, 0, 0]),
        ...overRuntime(madeOnce(runtime.polynomial, w), 3, () => minimalGradient(textbook.polynomial, w, [0, 1, 2])),
        dualts("analytic", "gradient, hand-written", () => analytic.polynomialGradient(...w)),
        { kind: "tfjs", name: "TF.js tf.grads (CPU)", run: () => tfGrad(...w), derivative: () => tfGrad(...w), float32: true },
        { kind: "mathjs", name: "mathjs derivative (compiled)", run: () => m.gradient(...w), derivative: () => m.gradient(...w) },
      ],
    });
  }

  // ── The lecture's BCE over N = 10,000 points ────────────────────────────
  {
    const { xs, ys } = bceData(10_000);
    const [w0, w1] = [0.2, -0.7];
    const m = peers.mathjsBce();
    symbolicMs.bce = m.symbolicMs;
    const tfGrad = peers.tfBce(xs, ys);
    const wrt = ["w0", "w1"];
    cases.push({
      id: "bce",
      title: "Binary cross-entropy, N = 10,000 points, ∇ w.r.t. (w0, w1)",
      inputs: 2,
      reference: analytic.bceGradient(w0, w1, xs, ys),
      entries: [
        ...generated(compiled.bce, [w0, w1, xs, ys], [1, 0], wrt),
        ...overRuntime(madeOnce(runtime.bce, [w0, w1, xs, ys], { wrt }), 2, () => minimalGradient(textbook.bce, [w0, w1, xs, ys], [0, 1])),
        dualts("analytic", "gradient, hand-written", () => analytic.bceGradient(w0, w1, xs, ys)),
        { kind: "tfjs", name: "TF.js tf.grads (CPU)", run: () => tfGrad(w0, w1), derivative: () => tfGrad(w0, w1), float32: true },
        { kind: "mathjs", name: "mathjs derivative of the summand (compiled)", run: () => m.gradient(w0, w1, xs, ys), derivative: () => m.gradient(w0, w1, xs, ys) },
      ],
    });
  }

  // ── Rosenbrock, n = 2 … 1000 ────────────────────────────────────────────
  const tfRosenbrock = peers.tfRosenbrock();
  for (const n of [2, 10, 100, 1000]) {
    const x = point(n, -1, 1.5);
    const entries: Entry[] = [
      ...generated(compiled.rosenbrock, [x], [point(n, -1, 1, 5)]),
      ...overRuntime(madeOnce(runtime.rosenbrock, [x]), n, () => minimalGradient(textbook.rosenbrock, [x], [0])),
      dualts("analytic", "gradient, hand-written", () => analytic.rosenbrockGradient(x)),
      { kind: "tfjs", name: "TF.js tf.grad (CPU)", run: () => tfRosenbrock(x), derivative: () => tfRosenbrock(x), float32: true },
    ];
    if (n === 2) {
      const m = peers.mathjsRosenbrock2();
      symbolicMs.rosenbrock2 = m.symbolicMs;
      entries.push({ kind: "mathjs", name: "mathjs derivative (compiled)", run: () => m.gradient(x), derivative: () => m.gradient(x) });
    }
    cases.push({ id: `rosenbrock-${n}`, title: `Rosenbrock, n = ${n}`, inputs: n, reference: analytic.rosenbrockGradient(x), entries });
  }

  // ── Ackley, n = 100 ─────────────────────────────────────────────────────
  {
    const x = point(100, -2, 2, 7);
    const tfGrad = peers.tfAckley();
    cases.push({
      id: "ackley-100",
      title: "Ackley, n = 100",
      inputs: 100,
      reference: analytic.ackleyGradient(x),
      entries: [
        ...generated(compiled.ackley, [x], [point(100, -1, 1, 8)]),
        ...overRuntime(madeOnce(runtime.ackley, [x]), 100, () => minimalGradient(textbook.ackley, [x], [0])),
        dualts("analytic", "gradient, hand-written", () => analytic.ackleyGradient(x)),
        { kind: "tfjs", name: "TF.js tf.grad (CPU)", run: () => tfGrad(x), derivative: () => tfGrad(x), float32: true },
      ],
    });
  }

  // ── A small neural network ──────────────────────────────────────────────
  {
    const { X, Y, p } = mlpData(32);
    const n = compiled.parameterCount;
    const tfGrad = peers.tfMlp(X, Y);
    cases.push({
      id: "mlp",
      title: `Neural network ${compiled.D}→${compiled.H1}→${compiled.H2}→1 (tanh), MSE over 32 samples, n = ${n} parameters`,
      inputs: n,
      reference: analytic.mlpGradient(p, X, Y),
      entries: [
        ...generated(compiled.mlpLoss, [p, X, Y], [point(n, -1, 1, 9)], ["p"]),
        ...overRuntime(madeOnce(runtime.mlpLoss, [p, X, Y], { wrt: ["p"] }), n, () => minimalGradient(textbook.mlpLoss, [p, X, Y], [0])),
        dualts("analytic", "gradient, hand-written (backpropagation)", () => analytic.mlpGradient(p, X, Y)),
        { kind: "tfjs", name: "TF.js tf.grad (CPU, batched matMul)", run: () => tfGrad(p), derivative: () => tfGrad(p), float32: true },
      ],
    });
  }

  // ── A Hessian, n = 10 ───────────────────────────────────────────────────
  {
    const x = point(10, -1, 1.5, 11);
    const tfHessian = peers.tfRosenbrockHessian();
    cases.push({
      id: "hessian-10",
      title: "Hessian of Rosenbrock, n = 10",
      inputs: 10,
      reference: analytic.rosenbrockHessian(x).flat(),
      entries: [
        { kind: "primal", name: "primal (untransformed)", run: () => compiled.rosenbrock(x) },
        dualts("grad", "hessian, forward over forward (generic form on nested Duals)", () => hessian(compiled.rosenbrock, { mode: "forward" })(x), "n² = 100 passes"),
        dualts("hessianReverse", "hessian, forward over reverse (generic form), hessian(f) as it is", () => hessian(compiled.rosenbrock)(x), "n = 10 tapes"),
        dualts("dual", "hessian, Dual runtime (forward over forward)", () => hessian(runtime.rosenbrock, { mode: "forward" })(x), "n² = 100 passes"),
        dualts("runtime", "hessian, runtime, hessian(f) as it is (forward over reverse)", () => hessian(runtime.rosenbrock)(x), "n = 10 tapes"),
        dualts("analytic", "hessian, hand-written", () => analytic.rosenbrockHessian(x)),
        { kind: "tfjs", name: "TF.js nested tf.grad (CPU)", run: () => tfHessian(x), derivative: () => tfHessian(x).flat(), float32: true, note: "n nested gradients" },
      ],
    });
  }

  // ── Jacobians: wide (2 × 100) and tall (200 × 3) ────────────────────────
  {
    const x = point(100, -2, 2, 7);
    cases.push({
      id: "jacobian-wide",
      title: "Jacobian, wide: Ackley's two sums, m = 2 outputs of n = 100 inputs",
      inputs: 100,
      reference: analytic.ackleySumsJacobian(x).flat(),
      entries: jacobians(
        () => compiled.ackleySums(x),
        (o) => jacobian(compiled.ackleySums, o)(x),
        (o) => jacobian(runtime.ackleySums, o)(x),
        () => analytic.ackleySumsJacobian(x),
        2,
        100,
      ),
    });
  }
  {
    const { ts, ys } = fitData(200);
    const [a, b, c] = [1.8, 0.6, 0.4];
    const wrt = ["a", "b", "c"];
    cases.push({
      id: "jacobian-tall",
      title: "Jacobian, tall: residuals of an exponential fit, m = 200 outputs of n = 3 parameters",
      inputs: 3,
      reference: analytic.fitJacobian(a, b, ts).flat(),
      entries: jacobians(
        () => compiled.fitResiduals(a, b, c, ts, ys),
        (o) => jacobian(compiled.fitResiduals, { wrt, ...o })(a, b, c, ts, ys),
        (o) => jacobian(runtime.fitResiduals, { wrt, ...o })(a, b, c, ts, ys),
        () => analytic.fitJacobian(a, b, ts),
        200,
        3,
      ),
    });
  }
  return { cases, peerInfo, symbolicMs };
}
