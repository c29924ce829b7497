// Line searches: Moré–Thuente's strong Wolfe steps on the paper's test functions and on random
// smooth functions, steps where φ is not finite, the "last call" contract, and Armijo backtracking.

import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { backtracking, type LineFunction, type LineSearchResult, moreThuente } from "../src/optimize/line-search.js";

/** Wraps φ to record every step it is called with. */
function recorded<T>(phi: (step: number) => T): { phi: (step: number) => T; calls: number[] } {
  const calls: number[] = [];
  return { phi: (step) => (calls.push(step), phi(step)), calls };
}

/** The strong Wolfe conditions, recomputed from the result (the Armijo line written as the search writes it). */
function expectWolfe(r: LineSearchResult, value0: number, slope0: number, c1: number, c2: number) {
  expect(r.ok, r.ok ? "" : r.reason).toBe(true);
  expect(r.step).toBeGreaterThan(0);
  expect(r.value).toBeLessThanOrEqual(value0 + r.step * (c1 * slope0));
  expect(Math.abs(r.slope)).toBeLessThanOrEqual(c2 * -slope0);
}

/** The result's step is the last one φ was called with, its value and slope are φ's there, and the calls are counted. */
function expectLastCall(r: LineSearchResult, calls: readonly number[], phi: LineFunction) {
  expect(r.evaluations).toBe(calls.length);
  expect(r.step).toBe(calls[calls.length - 1]);
  const at = phi(r.step);
  expect(r.value).toBe(at.value);
  expect(r.slope).toBe(at.slope);
}

// Moré & Thuente (1994), section 5: each function with its (c1, c2), and the published Tables 1–6:
// from α0 = 1e-3, 1e-1, 1e1, 1e3 the step found and the number of evaluations (which MINPACK-2 reproduces).
const gammaOf = (b: number) => Math.sqrt(1 + b * b) - b;
const yanai =
  (b1: number, b2: number): LineFunction =>
  (a) => {
    const u = Math.sqrt((1 - a) ** 2 + b2 * b2);
    const v = Math.sqrt(a * a + b1 * b1);
    return { value: gammaOf(b1) * u + gammaOf(b2) * v, slope: (gammaOf(b1) * (a - 1)) / u + (gammaOf(b2) * a) / v };
  };
const wiggly: LineFunction = (a) => {
  const b = 0.01;
  const l = 39;
  const [v0, d0] = a <= 1 - b ? [1 - a, -1] : a >= 1 + b ? [a - 1, 1] : [(a - 1) ** 2 / (2 * b) + b / 2, (a - 1) / b];
  const k = (2 * (1 - b)) / (l * Math.PI);
  return { value: v0 + k * Math.sin((l * Math.PI * a) / 2), slope: d0 + (1 - b) * Math.cos((l * Math.PI * a) / 2) };
};
const quintic: LineFunction = (a) => ({ value: (a + 0.004) ** 5 - 2 * (a + 0.004) ** 4, slope: 5 * (a + 0.004) ** 4 - 8 * (a + 0.004) ** 3 });
const paperTables = [
  { name: "−α/(α²+2)", f: ((a) => ({ value: -a / (a * a + 2), slope: (a * a - 2) / (a * a + 2) ** 2 })) as LineFunction, c1: 1e-3, c2: 0.1, steps: [1.365, 1.4414, 10, 36.888], counts: [6, 3, 1, 4] },
  { name: "(α+0.004)⁵ − 2(α+0.004)⁴", f: quintic, c1: 0.1, c2: 0.1, steps: [1.596, 1.596, 1.596, 1.596], counts: [12, 8, 8, 11] },
  { name: "piecewise linear + sin(39πα/2)", f: wiggly, c1: 0.1, c2: 0.1, steps: [1, 1, 1, 1], counts: [12, 12, 10, 13] },
  { name: "Yanai–Ozawa–Kaneko (0.001, 0.001)", f: yanai(0.001, 0.001), c1: 0.001, c2: 0.001, steps: [0.085, 0.1, 0.3491, 0.8294], counts: [4, 1, 3, 4] },
  { name: "Yanai–Ozawa–Kaneko (0.01, 0.001)", f: yanai(0.01, 0.001), c1: 0.001, c2: 0.001, steps: [0.075011, 0.07751, 0.073142, 0.076159], counts: [6, 3, 7, 8] },
  { name: "Yanai–Ozawa–Kaneko (0.001, 0.01)", f: yanai(0.001, 0.01), c1: 0.001, c2: 0.001, steps: [0.9279, 0.92615, 0.92478, 0.9244], counts: [13, 11, 8, 11] },
];

describe("moreThuente on Moré and Thuente's test functions", () => {
  for (const { name, f, c1, c2, steps, counts } of paperTables) {
    it.each([1e-3, 1e-1, 1e1, 1e3].map((step0, i) => [step0, steps[i], counts[i]]))(`${name} from α0 = %s: the paper's step %s after %s evaluations`, (step0, step, evaluations) => {
      const { value: value0, slope: slope0 } = f(0);
      const { phi, calls } = recorded(f);
      const r = moreThuente(phi, value0, slope0, step0, { decrease: c1, curvature: c2 });
      expectWolfe(r, value0, slope0, c1, c2);
      expectLastCall(r, calls, f);
      expect(Math.abs(r.step - step) / step).toBeLessThan(1e-3);
      expect(r.evaluations).toBe(evaluations);
    });
  }
});

describe("moreThuente's stage 1", () => {
  // The same paper's functions 4–6 searched from α = 1 back toward 0 with c1 = 0.1, c2 = 0.9: the first
  // trials have decreased φ without sufficient decrease, the case stage 1's modified function ψ is for.
  it.each([
    [0.001, 0.001, 0.0038522, 6],
    [0.01, 0.001, 0.0040126, 6],
    [0.001, 0.01, 0.043447, 4],
  ])("Yanai–Ozawa–Kaneko (%s, %s) backwards from 1: step %s after %s evaluations", (b1, b2, step, evaluations) => {
    const f = yanai(b1, b2);
    const back: LineFunction = (a) => ({ value: f(1 - a).value, slope: -f(1 - a).slope });
    const { value: value0, slope: slope0 } = back(0);
    const r = moreThuente(back, value0, slope0, 1, { decrease: 0.1, curvature: 0.9 });
    expectWolfe(r, value0, slope0, 0.1, 0.9);
    expect(Math.abs(r.step - step) / step).toBeLessThan(1e-4);
    expect(r.evaluations).toBe(evaluations);
  });
});

describe("moreThuente on simple functions", () => {
  it("a quadratic's exact minimiser with a tight curvature test (the doc comment's example)", () => {
    const f: LineFunction = (a) => ({ value: (a - 3) ** 2, slope: 2 * (a - 3) });
    expect(moreThuente(f, 9, -6, 1, { curvature: 0.1 })).toEqual({ ok: true, step: 3, value: 0, slope: 0, evaluations: 2 });
    const r = moreThuente(f, 9, -6, 1e-5, { curvature: 1e-3 });
    expectWolfe(r, 9, -6, 1e-4, 1e-3);
    expect(r.step).toBeCloseTo(3, 2);
  });

  it("accepts the first step when it already satisfies the conditions", () => {
    const { phi, calls } = recorded<ReturnType<LineFunction>>((a) => ({ value: (a - 3) ** 2, slope: 2 * (a - 3) }));
    const r = moreThuente(phi, 9, -6, 1);
    expect(r).toEqual({ ok: true, step: 1, value: 4, slope: -4, evaluations: 1 });
    expect(calls).toEqual([1]);
  });

  it("a cubic's local minimiser 1 + √2, from far too short and far too long steps", () => {
    const g: LineFunction = (a) => ({ value: a ** 3 / 3 - a * a - a, slope: a * a - 2 * a - 1 });
    for (const step0 of [1e-4, 1, 1e4]) {
      const r = moreThuente(g, 0, -1, step0, { curvature: 0.1 });
      expectWolfe(r, 0, -1, 1e-4, 0.1);
      expect(r.step).toBeCloseTo(1 + Math.SQRT2, 1);
    }
  });

  it("a descent-direction check comes first: a non-negative or NaN slope never calls phi", () => {
    for (const slope0 of [0, 1, Number.NaN]) {
      const { phi, calls } = recorded<ReturnType<LineFunction>>(() => ({ value: 0, slope: 0 }));
      expect(moreThuente(phi, 5, slope0, 1)).toEqual({ ok: false, reason: "not a descent direction", step: 0, value: 5, slope: slope0, evaluations: 0 });
      expect(calls).toEqual([]);
    }
  });

  it("an unbounded φ stops at maxStep", () => {
    const r = moreThuente((a) => ({ value: -a, slope: -1 }), 0, -1, 1, { maxStep: 100 });
    expect(r).toMatchObject({ ok: false, reason: "the step reached maxStep", step: 100, value: -100 });
  });

  it("rejects options outside their ranges", () => {
    const f: LineFunction = (a) => ({ value: a * a - a, slope: 2 * a - 1 });
    expect(() => moreThuente(f, 0, -1, 1, { curvature: 1.5 })).toThrow(RangeError);
    expect(() => moreThuente(f, 0, -1, 1, { minStep: 2, maxStep: 1 })).toThrow(RangeError);
    expect(() => moreThuente(f, 0, -1, Number.NaN)).toThrow(RangeError);
  });
});

describe("moreThuente where φ is not finite", () => {
  // φ(α) = −2α − log(1 − α): NaN beyond α = 1, +∞ at 1, minimiser 0.5.
  const barrier: LineFunction = (a) => ({ value: -2 * a - Math.log(1 - a), slope: -2 + 1 / (1 - a) });

  it.each([0.99, 1, 1.5, 10, 1e6])("a log barrier from α0 = %s still ends at a Wolfe step inside the domain", (step0) => {
    const { phi, calls } = recorded(barrier);
    const r = moreThuente(phi, 0, -1, step0);
    expectWolfe(r, 0, -1, 1e-4, 0.9);
    expect(r.step).toBeLessThan(1);
    expectLastCall(r, calls, barrier);
    if (step0 >= 1) expect(calls.some((a) => !Number.isFinite(barrier(a).value))).toBe(true);
  });

  it("an exponential that overflows to Infinity", () => {
    // φ(α) = e^α − 50α: Infinity (and φ' Infinity) beyond α ≈ 709.8; minimiser log 50.
    const f: LineFunction = (a) => ({ value: Math.exp(a) - 50 * a, slope: Math.exp(a) - 50 });
    for (const step0 of [1e3, 1e6]) {
      const { phi, calls } = recorded(f);
      const r = moreThuente(phi, 1, -49, step0, { curvature: 0.5 });
      expectWolfe(r, 1, -49, 1e-4, 0.5);
      expect(Math.abs(r.step - Math.log(50))).toBeLessThan(0.5);
      expect(Number.isFinite(f(calls[0]).value)).toBe(false);
      expectLastCall(r, calls, f);
    }
  });

  it("φ NaN everywhere but 0: ok false with a reason once the shrinking steps pass minStep", () => {
    const { phi, calls } = recorded<ReturnType<LineFunction>>(() => ({ value: Number.NaN, slope: Number.NaN }));
    const r = moreThuente(phi, 0, -1, 1);
    // Each miss in a row shrinks by a further factor 2: steps 2^0, 2^−1, 2^−3, 2^−6, …, 2^−66 (> 1e-20 ≥ 2^−78).
    expect(calls).toEqual(Array.from({ length: 12 }, (_, k) => 2 ** -((k * (k + 1)) / 2)));
    expect(r).toMatchObject({ ok: false, reason: "the value was not finite at every step tried", step: 2 ** -66, evaluations: 12 });
    expect(r.value).toBeNaN();
    // With fewer evaluations allowed, the budget ends it, naming the same cause.
    expect(moreThuente(phi, 0, -1, 1, { maxEvaluations: 5 })).toMatchObject({ ok: false, reason: "the value was not finite at every step tried", step: 2 ** -10, evaluations: 5 });
  });

  it("a finite φ' is needed too: a NaN slope is retried like a NaN value", () => {
    const f: LineFunction = (a) => ({ value: (a - 1) ** 2, slope: a > 2 ? Number.NaN : 2 * (a - 1) });
    const { phi, calls } = recorded(f);
    const r = moreThuente(phi, 1, -2, 8);
    expectWolfe(r, 1, -2, 1e-4, 0.9);
    expectLastCall(r, calls, f);
  });

  it("a failure after some decrease ends at the best finite step, never at a non-finite one", () => {
    // φ(α) = −α up to 1, NaN beyond: no step meets the curvature condition.
    const f: LineFunction = (a) => (a <= 1 ? { value: -a, slope: -1 } : { value: Number.NaN, slope: Number.NaN });
    for (const maxEvaluations of [2, 3, 8, 20, 60]) {
      const { phi, calls } = recorded(f);
      const r = moreThuente(phi, 0, -1, 0.75, { maxEvaluations });
      expect(r.ok).toBe(false);
      expect(Number.isFinite(r.value)).toBe(true);
      expect(r.value).toBe(Math.min(...calls.map((a) => f(a).value).filter(Number.isFinite)));
      expectLastCall(r, calls, f);
      expect(calls.length).toBeLessThanOrEqual(maxEvaluations + 1);
    }
  });

  it("a failure with no decrease at all ends at the last step tried", () => {
    // φ rises from 0 although φ'(0) claims descent (a wrong gradient).
    const f: LineFunction = (a) => ({ value: a, slope: 1 });
    const { phi, calls } = recorded(f);
    const r = moreThuente(phi, 0, -1, 1);
    expect(r.ok).toBe(false);
    expect(r.ok ? "" : r.reason).toMatch(/minStep|rounding|interval|maxEvaluations/);
    expectLastCall(r, calls, f);
  });
});

// Random smooth functions, bounded below on α ≥ 0, with φ'(0) = −δ < 0 by construction: a base
// quadratic a0·(α − b0)² whose b0 is solved for δ, plus positive-weight terms. Each is drawn as
// data (printed in counterexamples) and built into a LineFunction. Quadratics drop their constant
// a·b² (written a·α·(α − 2b)): a large offset would bury φ's changes below rounding, and no
// line search that compares values can work there.
type TermSpec =
  | { readonly kind: "quadratic"; readonly a: number; readonly b: number } // a·(α − b)² − a·b²
  | { readonly kind: "exponential"; readonly c: number; readonly d: number; readonly e: number } // c·e^(−dα) + eα
  | { readonly kind: "swish"; readonly h: number; readonly r: number; readonly t: number } // h·swish(r(α − t))/r, swish(z) = z·σ(z) ≥ −0.28
  | { readonly kind: "wave"; readonly w: number; readonly k: number; readonly p: number }; // w·sin(kα + p)
interface FunctionSpec {
  readonly a0: number;
  readonly delta: number;
  readonly terms: readonly TermSpec[];
}

function term(spec: TermSpec, x: number): [value: number, slope: number] {
  switch (spec.kind) {
    case "quadratic":
      return [spec.a * x * (x - 2 * spec.b), 2 * spec.a * (x - spec.b)];
    case "exponential":
      return [spec.c * Math.exp(-spec.d * x) + spec.e * x, -spec.c * spec.d * Math.exp(-spec.d * x) + spec.e];
    case "swish": {
      const z = spec.r * (x - spec.t);
      const s = 1 / (1 + Math.exp(-z));
      return [(spec.h * z * s) / spec.r, spec.h * (s + z * s * (1 - s))];
    }
    case "wave":
      return [spec.w * Math.sin(spec.k * x + spec.p), spec.w * spec.k * Math.cos(spec.k * x + spec.p)];
  }
}

function build({ a0, delta, terms }: FunctionSpec): LineFunction {
  const others = (x: number) => terms.reduce(([v, g], t) => [v + term(t, x)[0], g + term(t, x)[1]], [0, 0]);
  const b0 = (others(0)[1] + delta) / (2 * a0); // so φ'(0) = −2·a0·b0 + others'(0) = −δ
  return (x) => {
    const [v, g] = others(x);
    return { value: a0 * x * (x - 2 * b0) + v, slope: 2 * a0 * (x - b0) + g };
  };
}

// fc.double crowds its values near 0 and the bounds; these spread them evenly (on a log scale for logUniform).
const uniform = (lo: number, hi: number) => fc.integer({ min: 0, max: 1 << 20 }).map((k) => lo + (k / (1 << 20)) * (hi - lo));
const logUniform = (lo: number, hi: number) => uniform(Math.log10(lo), Math.log10(hi)).map((e) => 10 ** e);
const termArb: fc.Arbitrary<TermSpec> = fc.oneof(
  fc.record({ kind: fc.constant("quadratic" as const), a: logUniform(1e-4, 10), b: uniform(-100, 100) }),
  fc.record({ kind: fc.constant("exponential" as const), c: logUniform(1e-2, 1e2), d: logUniform(1e-2, 10), e: logUniform(1e-3, 10) }),
  fc.record({ kind: fc.constant("swish" as const), h: logUniform(1e-2, 1e2), r: logUniform(1e-2, 1e2), t: uniform(-10, 50) }),
  fc.record({ kind: fc.constant("wave" as const), w: logUniform(1e-3, 1), k: logUniform(0.1, 20), p: uniform(0, 2 * Math.PI) }),
);
const functionArb: fc.Arbitrary<FunctionSpec> = fc.record({ a0: logUniform(1e-4, 10), delta: logUniform(1e-3, 1e3), terms: fc.array(termArb, { minLength: 1, maxLength: 4 }) });

describe("line searches on random smooth functions", () => {
  test.prop([functionArb, logUniform(1e-6, 1e6), fc.constantFrom(0.9, 0.5, 0.1)], { numRuns: 400 })("moreThuente: a strong Wolfe step, the last one φ was called with", (spec, step0, c2) => {
    const f = build(spec);
    const { value: value0, slope: slope0 } = f(0);
    expect(slope0).toBeLessThan(0);
    const { phi, calls } = recorded(f);
    // Generous budget: from a step 1e6 times too short or long Moré–Thuente can need 40 or more (20 is the default).
    const r = moreThuente(phi, value0, slope0, step0, { curvature: c2, maxEvaluations: 100 });
    expectWolfe(r, value0, slope0, 1e-4, c2);
    expectLastCall(r, calls, f);
  });

  test.prop([functionArb, logUniform(1e-6, 1e6)])("backtracking: Armijo holds at a step no longer than the first, the last one evaluated", (spec, step0) => {
    const f = build(spec);
    const { value: value0, slope: slope0 } = f(0);
    const values = recorded((a: number) => f(a).value);
    const slopes = recorded((a: number) => f(a).slope);
    const r = backtracking(values.phi, slopes.phi, value0, slope0, step0, { maxEvaluations: 200 });
    expect(r.ok, r.ok ? "" : r.reason).toBe(true);
    expect(r.step).toBeLessThanOrEqual(step0);
    expect(r.value).toBeLessThanOrEqual(value0 + r.step * (1e-4 * slope0));
    expect(r.step).toBe(values.calls[values.calls.length - 1]);
    expect(slopes.calls[slopes.calls.length - 1]).toBe(r.step);
    expect(r.value).toBe(f(r.step).value);
    expect(r.slope).toBe(f(r.step).slope);
    expect(r.evaluations).toBe(values.calls.length);
  });
});

describe("backtracking", () => {
  it("steps back to the quadratic's minimiser, kept within [α/10, α/2]", () => {
    const values = recorded((a: number) => (a - 0.1) ** 2);
    const r = backtracking(values.phi, (a) => 2 * (a - 0.1), 0.01, -0.2, 1);
    // The quadratic through φ(0) = 0.01, φ'(0) = −0.2 and φ(1) = 0.81 is φ itself: its minimiser 0.1 is α/10.
    expect(r).toMatchObject({ ok: true, step: 0.1, value: 0, slope: 0, evaluations: 2 });
    expect(values.calls).toEqual([1, 0.1]);
    // A cubic whose quadratic model overshoots is cut back by at least half each time.
    const cubic = recorded((a: number) => a ** 3 - a);
    backtracking(cubic.phi, (a) => 3 * a * a - 1, 0, -1, 8);
    for (let k = 1; k < cubic.calls.length; k++) expect(cubic.calls[k]).toBeLessThanOrEqual(cubic.calls[k - 1] / 2);
  });

  it("steps past a log barrier's domain", () => {
    const r = backtracking(
      (a) => -2 * a - Math.log(1 - a),
      (a) => -2 + 1 / (1 - a),
      0,
      -1,
      1e3,
    );
    expect(r.ok).toBe(true);
    expect(r.step).toBeLessThan(1);
    expect(r.value).toBeLessThanOrEqual(r.step * -1e-4);
  });

  it("where values are equal to rounding, the slope decides", () => {
    // φ is flat to rounding (its change 1e-20 is below the allowance): the step is taken while φ'(α) ≤ (1 − 2c1)·|φ'(0)|.
    const phi = (a: number) => 1 + 1e-20 * (a * a - a);
    const slope = (a: number) => 2 * a - 1;
    expect(backtracking(phi, slope, 1, -1, 0.9, { allowance: 1e-12 })).toMatchObject({ ok: true, step: 0.9 });
    // Without an allowance, the value decides: 1 + 1e-20·(…) rounds to 1, which is not below 1 + c1·α·φ'(0).
    expect(backtracking(phi, slope, 1, -1, 0.9, { maxEvaluations: 5 })).toMatchObject({ ok: false, reason: "maxEvaluations reached" });
    // Beyond the quadratic's range (slope too positive), the step is cut back even within the allowance.
    expect(backtracking(phi, slope, 1, -1, 4, { allowance: 1e-12 }).step).toBeLessThanOrEqual(1);
  });

  it("a non-descent slope gives ok false without calling phi", () => {
    const { phi, calls } = recorded(() => 0);
    expect(backtracking(phi, phi, 1, 0, 1)).toEqual({ ok: false, reason: "not a descent direction", step: 0, value: 1, slope: 0, evaluations: 0 });
    expect(calls).toEqual([]);
  });

  it("NaN everywhere: ok false naming it", () => {
    const nan = backtracking(
      () => Number.NaN,
      () => Number.NaN,
      0,
      -1,
      1,
      { maxEvaluations: 10 },
    );
    expect(nan).toMatchObject({ ok: false, reason: "the value was not finite at every step tried", evaluations: 10 });
  });
});
