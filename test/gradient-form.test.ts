// The gradient form (transformer/emit/gradient.ts): grad's one pass over a
// few numbers, lanes unrolled and the value's own work skipped. It must give
// the chunk-mode JVP's gradient bit for bit, or defer to it — always where
// the value is not finite, so that a NaN value still makes every derivative
// NaN. The record form's twin, which skips the same work in reverse mode,
// is held to the same against the record form. Random whole programs check
// both (programs.test.ts).

import { describe, expect, test, vi } from "vitest";
import { fc, test as prop } from "@fast-check/vitest";
import { derivativeInfo, grad, jvp, valueAndGrad, type DerivativeInfo } from "../src/index.js";
import { LinearTape } from "../src/reverse/linear.js";
import { branches, domains, earlyReturn, guardedRatio, overflow, product, reordered, summed, zeroTimesInfinity } from "./programs/gradient-form.js";
// The lecture's loss: `total` holds only value, so its two logs per point are skipped.
import { loss } from "./programs/lecture.js";
import { expectClose } from "./support/helpers.js";

type Fn = (...args: any[]) => number;

/** The chunk-mode JVP itself, called as the gradient form stands in for it: every wrt lane seeded in one pass (parameters that are numbers). */
function rawChunked(info: DerivativeInfo, args: readonly unknown[]): { value: number; lanes: number[] } {
  const n = info.wrt.length;
  const slots: unknown[] = [];
  args.forEach((arg, i) => {
    slots.push(arg);
    const j = info.wrt.indexOf(i);
    if (j >= 0) slots.push(Array.from({ length: n }, (_, k) => (k === j ? 1 : 0)));
  });
  const [value, lanes] = info.chunkJvp!(n, ...slots) as [number, ArrayLike<number>];
  return { value, lanes: Array.from(lanes).slice(0, n) };
}

/** The gradient form at args, the chunk-mode JVP itself, and valueAndGrad's value and gradient beside them. */
function bothRoutes(f: Fn, args: unknown[]): { own: number[] | undefined; raw: number[]; value: number; chunked: number[] } {
  const info = derivativeInfo(f)!;
  const own = info.gradient!(...args);
  const [value, gradient] = valueAndGrad(f)(...(args as number[]));
  return { own, raw: rawChunked(info, args).lanes, value, chunked: typeof gradient === "number" ? [gradient] : gradient };
}

/**
 * The form answered only from a finite value, with the chunk-mode JVP's bits; grad gives valueAndGrad's bits
 * either way (where a NaN entry made the API run the call again NaN-safely, both give the rerun's).
 */
function expectSameAsChunked(f: Fn, args: unknown[]): void {
  const { own, raw, value, chunked } = bothRoutes(f, args);
  if (own !== undefined) {
    expect(Number.isFinite(value), `answered where the value is ${value}`).toBe(true);
    expect(own.length).toBe(raw.length);
    own.forEach((g, j) => expect(Object.is(g, raw[j]), `entry ${j}: ${g} vs ${raw[j]}`).toBe(true));
  }
  const viaGrad = grad(f)(...(args as number[]));
  const entries = typeof viaGrad === "number" ? [viaGrad] : viaGrad;
  entries.forEach((g, j) => expect(Object.is(g, chunked[j]), `grad entry ${j}: ${g} vs ${chunked[j]}`).toBe(true));
}

const anywhere = fc.double({ min: -4, max: 4, noNaN: true });

describe("the gradient form", () => {
  test("is emitted for functions of a few numbers, and not for array parameters or NaN-safe tangents", () => {
    for (const f of [loss, domains, product, branches, zeroTimesInfinity, overflow, earlyReturn]) expect(derivativeInfo(f)?.gradient, f.name).toBeTypeOf("function");
    expect(derivativeInfo(summed)?.gradient).toBeUndefined();
    expect(derivativeInfo(guardedRatio)?.gradient).toBeUndefined();
  });

  test("skips the loss's logs: the value only needs them", () => {
    const source = String(derivativeInfo(loss)!.gradient).replace(/\/\/.*$/gm, "");
    expect(source).not.toContain("Math.log(");
    expect(source).toContain("Math.exp(");
    expect(String(derivativeInfo(product)!.gradient)).toMatch(/acc = acc \*/);
  });

  prop.prop([anywhere, anywhere, anywhere], { numRuns: 300 })("matches the chunk-mode JVP bit for bit, domain errors included", (a, b, c) => {
    expectSameAsChunked(domains, [a, b, c]);
    expectSameAsChunked(product, [a, b]);
    expectSameAsChunked(branches, [a, b]);
    expectSameAsChunked(zeroTimesInfinity, [a, Math.round(c) === 0 ? 0 : c]);
    expectSameAsChunked(overflow, [a, b * 1e100]);
    expectSameAsChunked(earlyReturn, [a, b]);
    expectSameAsChunked(reordered, [a, b, c]);
  });

  prop.prop([anywhere, anywhere, fc.array(fc.tuple(anywhere, fc.constantFrom(0, 1)), { minLength: 1, maxLength: 20 })], { numRuns: 150 })(
    "the lecture's loss matches the chunk-mode JVP bit for bit",
    (w0, w1, points) => {
      const xs = Float64Array.from(points, ([x]) => x * 10);
      const ys = Float64Array.from(points, ([, y]) => y);
      expectSameAsChunked(loss, [w0, w1 * 10, xs, ys]);
    },
  );

  test("defers where the value is NaN, and grad's derivatives are NaN there", () => {
    // A saturated logistic: p rounds to 1, and (1 − y) · log(1 − p) is 0 · −∞.
    const saturated = [40, 0, Float64Array.of(1), Float64Array.of(1)];
    expect(bothRoutes(loss, saturated).own).toBeUndefined();
    expect(grad(loss)(...(saturated as Parameters<typeof loss>))).toEqual([NaN, NaN]);
    // log of a negative number, 0 · log(0), an overflowing sum: each defers.
    expect(bothRoutes(domains, [-1, 3, 2]).own).toBeUndefined();
    expect(grad(domains)(-1, 3, 2)).toEqual([NaN, NaN, NaN]);
    expect(bothRoutes(zeroTimesInfinity, [0, 0]).own).toBeUndefined();
    expect(grad(zeroTimesInfinity)(0, 0)).toEqual([NaN, NaN]);
    expect(bothRoutes(overflow, [0.5, 1e200]).own).toBeUndefined();
    expect(grad(overflow)(0.5, 1e200)).toBeNaN();
    expect(bothRoutes(earlyReturn, [0.5, 1]).own).toBeUndefined();
    expect(grad(earlyReturn)(0.5, 1)).toEqual([NaN, NaN]);
  });

  test("with wrt(b, a), the gradient is [∂/∂b, ∂/∂a] on every route", () => {
    const expected = [2 * Math.log(2) * 3, (3 * 3) / 2 + 5];
    expect(bothRoutes(reordered, [2, 3, 5]).own).toEqual(expected);
    for (const options of [{}, { wrt: ["b", "a"] }, { mode: "reverse" as const }, { chunk: 1 }, { chunk: 2 }]) {
      expectClose(grad(reordered, options)(2, 3, 5), expected, 1e-15, 0);
    }
    expectClose(valueAndGrad(reordered)(2, 3, 5)[1], expected, 1e-15, 0);
    // jvp's tangents come in wrt's order too: [1, 0] is along b.
    expect(jvp(reordered, [2, 3, 5], [1, 0])).toEqual(jvp(reordered, [2, 3, 5], [1, 0], { wrt: ["b", "a"] }));
    expectClose(jvp(reordered, [2, 3, 5], [1, 0])[1], expected[0], 1e-15, 0);
  });

  test("answers at ordinary points, with the derivatives finite differences agree with", () => {
    const xs = Float64Array.of(0.5, -1, 2);
    const ys = Float64Array.of(1, 0, 1);
    expect(bothRoutes(loss, [0.1, 0.2, xs, ys]).own).toBeDefined();
    const [g0, g1] = grad(loss)(0.1, 0.2, xs, ys);
    const h = 1e-6;
    const central = (d0: number, d1: number) => (loss(0.1 + d0 * h, 0.2 + d1 * h, xs, ys) - loss(0.1 - d0 * h, 0.2 - d1 * h, xs, ys)) / (2 * h);
    expectClose([g0, g1], [central(1, 0), central(0, 1)], 1e-7, 1e-9);
  });

  test("grad runs it once per call; valueAndGrad, chunk or mode: 'reverse' run the other routes", () => {
    const info = derivativeInfo(domains)!;
    const gradient = vi.fn(info.gradient!);
    const chunkJvp = vi.fn(info.chunkJvp!);
    const counted = Object.defineProperty(function counted() {}, Symbol.for("dualts.derivative"), { value: { ...info, gradient, chunkJvp } satisfies DerivativeInfo });
    const g = counted as unknown as typeof domains;
    grad(g)(2, 3, 4);
    grad(g, { wrt: ["c", "a"] })(2, 3, 4);
    expect(gradient).toHaveBeenCalledTimes(2);
    expect(chunkJvp).not.toHaveBeenCalled();
    expect(grad(g, { wrt: ["c", "a"] })(2, 3, 4)).toEqual(grad(domains, { chunk: 2, wrt: ["c", "a"] })(2, 3, 4));
    valueAndGrad(g)(2, 3, 4);
    grad(g, { chunk: 3 })(2, 3, 4);
    grad(g, { mode: "reverse" })(2, 3, 4);
    expect(gradient).toHaveBeenCalledTimes(3);
    expect(chunkJvp).toHaveBeenCalledTimes(2);
  });
});

describe("the record form's twin (grad in reverse mode, the value's own work skipped)", () => {
  const reverse = { mode: "reverse" } as const;
  /** Whether the twin answers at x (a node) rather than deferring. */
  const answers = (f: Fn, args: unknown[]) => {
    const info = derivativeInfo(f)!;
    const tape = new LinearTape();
    return info.recordGradient!(tape, ...args.flatMap((a, i) => (info.wrt.includes(i) ? [a, typeof a === "number" ? tape.input() : tape.inputs((a as ArrayLike<number>).length)] : [a]))) !== undefined;
  };

  test("is emitted where a skipped log (or the like) saves work, and not otherwise", () => {
    for (const f of [loss, domains, summed, branches]) expect(derivativeInfo(f)?.recordGradient, f.name).toBeTypeOf("function");
    expect(derivativeInfo(product)?.recordGradient).toBeUndefined();
    expect(derivativeInfo(guardedRatio)?.recordGradient).toBeUndefined();
    expect(String(derivativeInfo(loss)!.recordGradient).replace(/\/\/.*$/gm, "")).not.toContain("Math.log(");
  });

  prop.prop([fc.array(fc.double({ min: -1, max: 3, noNaN: true }), { minLength: 1, maxLength: 30 })], { numRuns: 150 })(
    "gives the record form's gradient bit for bit, or defers where the value is not finite",
    (x) => {
      const [value, viaRecord] = valueAndGrad(summed, reverse)(x);
      if (answers(summed, [x])) expect(Number.isFinite(value)).toBe(true);
      const viaTwin = grad(summed, reverse)(x);
      viaTwin.forEach((g, j) => expect(Object.is(g, viaRecord[j]), `${g} vs ${viaRecord[j]}`).toBe(true));
    },
  );

  test("grad takes it by default from 13 inputs on, and a domain error still gives NaN", () => {
    const x = Array.from({ length: 20 }, (_, i) => 1 + i / 10);
    const info = derivativeInfo(summed)!;
    const recordGradient = vi.fn(info.recordGradient!);
    const counted = Object.defineProperty((v: number[]) => summed(v), Symbol.for("dualts.derivative"), { value: { ...info, recordGradient } satisfies DerivativeInfo });
    expect(grad(counted)(x)).toEqual(x.map((v) => 1 / v));
    expect(recordGradient).toHaveBeenCalledTimes(1);
    const outside = [...x.slice(0, 19), -1];
    expect(answers(summed, [outside])).toBe(false);
    expect(grad(summed)(outside).every(Number.isNaN)).toBe(true);
    expect(grad(loss, reverse)(40, 0, Float64Array.of(1), Float64Array.of(1)).every(Number.isNaN)).toBe(true);
  });
});
