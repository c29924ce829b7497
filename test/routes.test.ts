// The route table: every default choice of src/api/routes.ts pinned, one row
// per case, so that a change of a threshold or a rule shows up here as a
// changed row — and the plans (src/api/plan.ts) that carry those choices
// from one call to the next: one per argument layout, reused, and replaced
// where the layout changes.

import { describe, expect, test } from "vitest";
import { factsOf, forwardLanes, gradientRoute, hessianByReverse, jacobianByReverse, lanesFor, THRESHOLDS, type FunctionFacts, type Mode } from "../src/api/routes.js";
import { Layout, optionsKey, plansOf } from "../src/api/plan.js";
import { grad, mul, add, sin, valueAndGrad, jacobian, hessian, type Real } from "../src/index.js";

const none: FunctionFacts = factsOf(undefined);
/** A compiled function with every form: a JVP, a chunk-mode JVP, a gradient form, a record form and its twin. */
const full: FunctionFacts = { compiled: true, jvp: true, chunkJvp: true, gradientForm: true, record: true, recordTwin: true, scalarResult: true };
/** A compiled function of arrays (no gradient form) without a twin. */
const arrays: FunctionFacts = { ...full, gradientForm: false, recordTwin: false };
/** A compiled function that takes derivatives itself: only its generic form. */
const genericOnly: FunctionFacts = { compiled: true, jvp: false, chunkJvp: false, gradientForm: false, record: false, recordTwin: false, scalarResult: true };
/** A compiled function of arrays whose record form has a twin. */
const twin: FunctionFacts = { ...arrays, recordTwin: true };
/** A compiled function whose record form meets a callee without one. */
const recordless: FunctionFacts = { ...arrays, record: false };

type Row = [string, FunctionFacts, number, { plain?: boolean; nanSafe?: boolean; mode?: Mode; chunk?: number; valueNeeded?: boolean }, string, string, number];

// [case, function, inputs, call and request, route, fallback, lanes]
const rows: Row[] = [
  ["grad, compiled, a few numbers: the gradient form", full, 3, {}, "gradient-form", "chunk", 3],
  ["valueAndGrad, compiled, a few numbers: the chunk-mode JVP", full, 3, { valueNeeded: true }, "chunk", "chunk", 3],
  ["grad, compiled, 12 inputs: one chunk of 12", arrays, 12, {}, "chunk", "chunk", 12],
  ["grad, compiled, 13 inputs: generated reverse mode", arrays, 13, {}, "record", "tape", 7],
  ["grad, compiled with a twin, 13 inputs: the twin", twin, 13, {}, "record-twin", "record", 7],
  ["valueAndGrad, compiled with a twin, 13 inputs: the record form", twin, 13, { valueNeeded: true }, "record", "tape", 7],
  ["grad, compiled with a twin, mode reverse at 3 inputs: the twin", twin, 3, { mode: "reverse" }, "record-twin", "record", 3],
  ["grad, compiled with both skipping forms, mode reverse: the twin", full, 3, { mode: "reverse" }, "record-twin", "record", 3],
  ["grad, compiled, mode reverse at 2 inputs", arrays, 2, { mode: "reverse" }, "record", "tape", 2],
  ["grad, compiled, mode forward at 100 inputs: 9 chunks of 12 at most, balanced", arrays, 100, { mode: "forward" }, "chunk", "chunk", 12],
  ["grad, compiled, chunk 1: the JVP once per input", full, 3, { chunk: 1 }, "jvp", "jvp", 1],
  ["grad, compiled, chunk given: no gradient form", full, 3, { chunk: 3 }, "chunk", "chunk", 3],
  ["grad, compiled, one input: the gradient form, else the chunk-mode JVP's one lane", full, 1, {}, "gradient-form", "chunk", 1],
  ["grad, compiled, 1 input of an array function: the chunk-mode JVP", arrays, 1, {}, "chunk", "chunk", 1],
  ["grad, compiled, 1 input, chunk 1: the JVP", arrays, 1, { chunk: 1 }, "jvp", "jvp", 1],
  ["grad, compiled, inside another derivative: Duals on the generic form", full, 3, { plain: false }, "duals", "duals", 3],
  ["grad, compiled, inside another derivative at 100 inputs: still forward", full, 100, { plain: false }, "duals", "duals", 12],
  ["grad, compiled, NaN-safe mode: forward, value and all", full, 3, { nanSafe: true }, "chunk", "chunk", 3],
  ["grad, compiled, NaN-safe mode at 100 inputs: forward", arrays, 100, { nanSafe: true }, "chunk", "chunk", 12],
  ["grad, compiled, only a generic form: Duals", genericOnly, 3, {}, "duals", "duals", 3],
  ["grad, compiled, only a generic form, 20 inputs: forward Duals", genericOnly, 20, {}, "duals", "duals", 10],
  ["grad, compiled, only a generic form, mode reverse: the runtime's tape", genericOnly, 3, { mode: "reverse" }, "tape", "tape", 3],
  ["grad, compiled, record form meets a callee without one: forward at 13", recordless, 13, {}, "chunk", "chunk", 7],
  ["grad, compiled, recordless, mode reverse: the runtime's tape", recordless, 13, { mode: "reverse" }, "tape", "tape", 7],
  ["grad, runtime, 3 inputs: one Dual per pass", none, 3, {}, "duals", "duals", 3],
  ["grad, runtime, 4 inputs: the tape", none, 4, {}, "tape", "tape", 4],
  ["grad, runtime, 3 inputs, chunk 3: lanes", none, 3, { chunk: 3 }, "runtime-lanes", "runtime-lanes", 3],
  ["grad, runtime, mode forward, 15 inputs: one Dual per pass", none, 15, { mode: "forward" }, "duals", "duals", 8],
  ["grad, runtime, mode forward, 16 inputs: lanes", none, 16, { mode: "forward" }, "runtime-lanes", "runtime-lanes", 8],
  ["grad, runtime, NaN-safe, 20 inputs: lanes", none, 20, { nanSafe: true }, "runtime-lanes", "runtime-lanes", 10],
  ["grad, runtime, inside another derivative: Duals", none, 20, { plain: false }, "duals", "duals", 10],
  ["grad, nothing selected", full, 0, {}, "gradient-form", "none", 1],
  ["valueAndGrad, nothing selected", full, 0, { valueNeeded: true }, "none", "none", 1],
];

describe("the gradient route table", () => {
  test.each(rows)("%s", (_, fn, inputs, given, route, fallback, lanes) => {
    const choice = gradientRoute(fn, { inputs, plain: given.plain ?? true, nanSafe: given.nanSafe ?? false }, { mode: given.mode, chunk: given.chunk, valueNeeded: given.valueNeeded ?? false });
    expect([choice.route, choice.fallback, choice.lanes]).toEqual([route, fallback, lanes]);
  });

  test("the thresholds are one table: reverse mode starts where a chunk no longer holds every input", () => {
    expect(THRESHOLDS.reverseFrom).toBe(THRESHOLDS.maxChunk + 1);
    expect([1, 2, 12, 13, 24, 25, 40].map((n) => lanesFor(n, undefined))).toEqual([1, 2, 12, 7, 12, 9, 10]);
    expect([lanesFor(5, 8), lanesFor(0, undefined), lanesFor(100, undefined)]).toEqual([5, 1, 12]);
  });
});

describe("the matrix routes", () => {
  const call = (inputs: number, plain = true, nanSafe = false) => ({ inputs, plain, nanSafe });
  test.each([
    ["compiled, 3 outputs of 3 inputs: reverse", full, 3, 3, undefined, true],
    ["compiled, 4 outputs of 3 inputs: forward", full, 3, 4, undefined, false],
    ["runtime, 6 outputs of 3 inputs: reverse", none, 3, 6, undefined, true],
    ["runtime, 7 outputs of 3 inputs: forward", none, 3, 7, undefined, false],
    ["one input: forward", full, 1, 1, undefined, false],
    ["compiled without a record form: forward", recordless, 3, 1, undefined, false],
    ["mode reverse: reverse", recordless, 1, 50, "reverse", true],
  ] as const)("jacobian, %s", (_, fn, inputs, outputs, mode, reverse) => {
    expect(jacobianByReverse(fn, call(inputs), mode, undefined, () => outputs)).toBe(reverse);
  });

  test("jacobian's forward lanes: the chunk-mode JVP, runtime lanes from 16 inputs, else one per pass", () => {
    expect([
      forwardLanes(full, call(30), undefined),
      forwardLanes(none, call(15), undefined),
      forwardLanes(none, call(16), undefined),
      forwardLanes(genericOnly, call(30), undefined),
      forwardLanes(full, call(30, false), undefined),
    ]).toEqual([10, 1, 8, 1, 1]);
  });

  test("hessian: forward over reverse at the top level, forward over forward inside a derivative or NaN-safely", () => {
    expect([hessianByReverse(call(3), undefined), hessianByReverse(call(3, false), undefined), hessianByReverse(call(3, true, true), undefined), hessianByReverse(call(3, false), "reverse")]).toEqual([
      true,
      false,
      false,
      true,
    ]);
  });
});

describe("plans", () => {
  const f = (x: Real[], y: Real) => add(mul(sin(x[0]), x[1]), mul(y, y));

  test("a layout is the arguments' kinds and lengths; anything not plain and finite has none", () => {
    expect(Layout.of([[1, 2], new Float64Array(3), 2, "data"])?.toString()).toBe("number[2], Float64Array[3], number, data");
    for (const odd of [[NaN], [[1, Infinity]], [undefined], [[1, "2"]], [new Float32Array(2)]]) expect(Layout.of(odd)).toBeUndefined();
    const layout = Layout.of([[1, 2], 3])!;
    expect([layout.matches([[4, 5], 6]), layout.matches([[4, 5, 6], 6]), layout.matches([new Float64Array(2), 6]), layout.matches([[4, NaN], 6])]).toEqual([true, false, false, false]);
  });

  test("grad plans once per layout, and every function made for the same f and options shares the plans", () => {
    const g = grad(f);
    const expected = (x: number[], y: number) => [[Math.cos(x[0]) * x[1], Math.sin(x[0])], 2 * y];
    expect(g([0.5, 2], 3)).toEqual(expected([0.5, 2], 3));
    expect(g([1.5, -1], 0.25)).toEqual(expected([1.5, -1], 0.25));
    const plans = plansOf(f, optionsKey("grad", {}));
    expect(plans.layouts).toEqual(["number[2], number"]);
    // A new layout: a new plan beside the first; grad made again finds both.
    expect(grad(f)([0.5, 2, 7], 3)).toEqual([[Math.cos(0.5) * 2, Math.sin(0.5), 0], 6]);
    expect(plans.layouts).toEqual(["number[2], number", "number[3], number"]);
    expect(grad(f)([1.5, -1], 0.25)).toEqual(expected([1.5, -1], 0.25));
    expect(plans.layouts.length).toBe(2);
    // Other options, other plans; an unplannable call (a non-finite input) reports as ever, and plans nothing.
    valueAndGrad(f)([0.5, 2], 3);
    expect(plansOf(f, optionsKey("valueAndGrad", {})).layouts).toEqual(["number[2], number"]);
    expect(() => g([NaN, 2], 3)).toThrow(/x\[0\] is NaN; derivatives are taken at finite inputs only/);
    expect(plans.layouts.length).toBe(2);
  });

  test("a plan's routes give what the general path gives", () => {
    const h = (x: Real[]) => x.reduce<Real>((s, v, i) => add(s, mul(v, mul(v, i + 1))), 0);
    const x = [0.3, -1.2, 2.5, 0.7, 1.1];
    // The first call makes the plan; the second runs it; Dual arguments (inside another derivative) take the general path.
    const first = grad(h)(x);
    const second = grad(h)(x);
    expect(second).toEqual(first);
    expect(first).toEqual(x.map((v, i) => 2 * (i + 1) * v));
    expect(jacobian((v: Real[]) => [mul(v[0], v[1]), sin(v[1])])([2, 3])).toEqual(jacobian((v: Real[]) => [mul(v[0], v[1]), sin(v[1])])([2, 3]));
    expect(hessian(h)(x)).toEqual(x.map((_, i) => x.map((__, j) => (i === j ? 2 * (i + 1) : 0))));
  });
});
