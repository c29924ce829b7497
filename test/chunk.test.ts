// Chunk mode: the generated JVP carrying K tangents per pass. Results must
// not depend on the chunk size (to rounding), a gradient of n inputs must
// take ⌈n / K⌉ passes, and the default K follows ForwardDiff (≤ 12, balanced).

import { describe, expect, test, vi } from "vitest";
import { fc, test as prop } from "@fast-check/vitest";
import { add, derivative, derivativeInfo, div, Dual, grad, jacobian, jvp, log, mul, noDerivative, sin, valueAndGrad, Var, type DerivativeInfo, type Real } from "../src/index.js";
import { ackley, rosenbrock as runtimeRosenbrock, rosenbrockGradient } from "./support/corpus.js";
import { chunkSize } from "../src/api/engines.js";
import { forgetPlans } from "../src/api/plan.js";
import { first, identity, mixed, rosenbrock, scaledCopy, scaledLogSum, smoothed } from "./programs/chunked.js";
import { polynomial } from "./programs/lecture.js";
import { wide } from "./programs/recorded.js";
import { reordered } from "./programs/gradient-form.js";
import { expectClose, inNanSafeMode } from "./support/helpers.js";

const point = (n: number) => Array.from({ length: n }, (_, i) => Math.sin(1.7 * i + 0.3) * 1.5);
const CHUNKS = [1, 4, 12, 13];

/** f with its chunk-mode JVP replaced by a counting spy. */
function counted(f: Function): { g: Function; calls: () => number } {
  const info = derivativeInfo(f)!;
  const spy = vi.fn(info.chunkJvp!);
  const g = Object.defineProperty(function counted() {}, Symbol.for("dualts.derivative"), { value: { ...info, chunkJvp: spy } satisfies DerivativeInfo });
  return { g, calls: () => spy.mock.calls.length };
}

describe("chunk mode", () => {
  test("every compiled function here has a chunk-mode JVP", () => {
    for (const f of [rosenbrock, mixed, smoothed]) expect(derivativeInfo(f)?.chunkJvp).toBeTypeOf("function");
  });

  test.each(Array.from({ length: 40 }, (_, i) => i + 1))("rosenbrock, n = %i: every chunk size gives the reverse-mode gradient", (n) => {
    const x = point(n);
    const reference = grad(rosenbrock, { mode: "reverse" })(x);
    for (const chunk of [...CHUNKS, undefined]) expectClose(grad(rosenbrock, { chunk, mode: "forward" })(x), reference, 1e-13, 1e-12);
  });

  test.each([1, 7, 25, 40])("mixed parameters (a Float64Array and a number), n = %i", (n) => {
    const x = new Float64Array(point(n));
    const offsets = point(n).map((v) => v / 3);
    const reference = grad(mixed, { mode: "reverse" })(x, 0.7, offsets);
    for (const chunk of CHUNKS) expectClose(grad(mixed, { chunk })(x, 0.7, offsets), reference, 1e-13, 1e-13);
  });

  test.each([1, 5, 13, 40])("jacobian of a vector function, n = %i", (n) => {
    const v = point(n);
    const reference = jacobian(smoothed, { mode: "reverse" })(v);
    for (const chunk of CHUNKS) expectClose(jacobian(smoothed, { chunk })(v), reference, 1e-13, 1e-14);
  });

  test("a gradient of n inputs takes ⌈n / K⌉ passes", () => {
    for (const [n, chunk, passes] of [
      [40, 4, 10],
      [40, 12, 4],
      [40, 13, 4],
      [13, undefined, 2],
      [12, undefined, 1],
      [3, 12, 1],
    ] as const) {
      const { g, calls } = counted(rosenbrock);
      grad(g as typeof rosenbrock, { chunk, mode: "forward" })(point(n));
      expect(calls(), `n = ${n}, chunk = ${chunk}`).toBe(passes);
    }
  });

  test("by default, a gradient of more than 12 inputs runs the generated reverse mode instead: no forward pass", () => {
    for (const [n, passes] of [
      [12, 1],
      [13, 0],
      [40, 0],
    ] as const) {
      const { g, calls } = counted(rosenbrock);
      const gradient = grad(g as typeof rosenbrock)(point(n));
      expect(calls(), `n = ${n}`).toBe(passes);
      expectClose(gradient, grad(rosenbrock, { mode: "forward" })(point(n)), 1e-13, 1e-12);
    }
  });

  test("the default chunk is at most 12 and balanced", () => {
    expect([1, 2, 12, 13, 24, 25, 40].map((n) => chunkSize(n, undefined, "grad"))).toEqual([1, 2, 12, 7, 12, 9, 10]);
    expect(chunkSize(5, 12, "grad")).toBe(5);
    expect(() => chunkSize(5, 0, "grad(f)")).toThrow("grad(f): chunk must be a whole number of at least 1, not 0");
  });
});

describe("chunk mode on the Dual runtime (tangents with K lanes)", () => {
  test.each(Array.from({ length: 40 }, (_, i) => i + 1))("runtime rosenbrock, n = %i: every chunk size gives the closed-form gradient", (n) => {
    const x = point(n);
    const expected = rosenbrockGradient(x);
    for (const chunk of [...CHUNKS, undefined]) expectClose(grad(runtimeRosenbrock, { chunk })(x), expected, 1e-13, 1e-11);
  });

  test("ackley and a mixed-parameter function agree with one-tangent mode", () => {
    const x = point(17).map((v) => v + 0.2);
    const oneAtATime = grad(ackley, { chunk: 1 })(x);
    for (const chunk of [4, 12, 13, undefined]) expectClose(grad(ackley, { chunk })(x), oneAtATime, 1e-14, 1e-15);
    const f = (a: Real, v: Real[], b: Real) => mul(a, add(v[0], mul(v[1], b)));
    expectClose(grad(f, { chunk: 3 })(2, [3, 4], 5), grad(f, { chunk: 1 })(2, [3, 4], 5), 0, 0);
  });

  test("a gradient of n inputs evaluates the function ⌈n / K⌉ times", () => {
    // In forward mode lanes start at 16 inputs by default (below that one tangent per pass is faster on
    // the runtime); without a mode, 4 or more inputs take the runtime's tape: one run.
    const cases = [
      [40, 4, undefined, 10],
      [40, 13, undefined, 4],
      [13, 7, undefined, 2],
      [5, 1, undefined, 5],
      [3, undefined, undefined, 3],
      [12, undefined, "forward", 12],
      [13, undefined, "forward", 13],
      [20, undefined, "forward", 2],
      [4, undefined, undefined, 1],
      [40, undefined, undefined, 1],
      [2, undefined, "reverse", 1],
    ] as const;
    for (const [n, chunk, mode, passes] of cases) {
      let calls = 0;
      const f = (x: Real[]) => {
        calls++;
        return runtimeRosenbrock(x);
      };
      grad(f, { chunk, mode })(point(n));
      expect(calls, `n = ${n}, chunk = ${chunk}, mode = ${mode}`).toBe(passes);
    }
  });

  test("without a mode, 4 or more inputs run on the runtime's tape, except inside another derivative or in NaN-safe mode", () => {
    // What the function receives tells the route: tape variables, or Duals.
    const kinds = (f: (x: Real[]) => Real) => {
      const seen = new Set<string>();
      const spied = (x: Real[]) => {
        for (const v of x) seen.add(v instanceof Var ? "tape" : v instanceof Dual ? "Dual" : typeof v);
        return f(x);
      };
      return { spied, seen };
    };
    for (const n of [3, 4, 13, 40]) {
      const { spied, seen } = kinds(runtimeRosenbrock);
      const [value, gradient] = valueAndGrad(spied)(point(n));
      expect([...seen].sort(), `n = ${n}`).toEqual(n >= 4 ? ["tape"] : ["Dual", "number"]);
      expect(value).toBe(runtimeRosenbrock(point(n)));
      expectClose(gradient, grad(runtimeRosenbrock, { mode: "forward" })(point(n)), 1e-14, 1e-13);
    }
    // Four plain numbers too (three take a plan's route, on Duals).
    const seen: string[] = [];
    const four = (a: Real, b: Real, c: Real, d: Real) => (seen.push(a instanceof Var ? "tape" : "other"), mul(mul(a, b), mul(c, d)));
    expect(grad(four)(1, 2, 3, 4)).toEqual([24, 12, 8, 6]);
    expect(seen).toEqual(["tape"]);
    // d/dt of Σ ∂f/∂xᵢ at x = t·x₀: the inner gradient runs on Duals, one tangent per pass.
    const x0 = point(13);
    const inner = (t: Real) => grad(runtimeRosenbrock)(x0.map((v) => mul(t, v))).reduce((a, b) => add(a, b), 0);
    const h = 1e-5;
    const difference = ((inner(1 + h) as number) - (inner(1 - h) as number)) / (2 * h);
    expect(derivative(inner)(1)).toBeCloseTo(difference, 3);
    inNanSafeMode(true, () => {
      const { spied, seen } = kinds(runtimeRosenbrock);
      grad(spied)(point(13));
      expect(seen.has("tape")).toBe(false);
    });
  });

  test("inside another derivative, grad takes one tangent per pass (lanes are first order)", () => {
    // d/dx [∂/∂v0 (v0·v1) at v = (x, x)] = d/dx x = 1, with the inner grad asking for chunks.
    const inner = (x: Real) => grad((v: Real[]) => mul(v[0], v[1]), { chunk: 2 })([x, x])[0];
    expect(derivative(inner)(1.5)).toBe(1);
  });
});

describe("chunk mode, property-tested", () => {
  const sizes = fc.integer({ min: 1, max: 40 });
  const chunks = fc.integer({ min: 1, max: 20 });
  const coordinates = (n: number) => fc.array(fc.double({ min: -2, max: 2, noNaN: true }), { minLength: n, maxLength: n });

  prop.prop([sizes.chain((n) => coordinates(n)), chunks], { numRuns: 60 })("compiled: any chunk size gives the reverse-mode gradient", (x, chunk) => {
    expectClose(grad(rosenbrock, { chunk })(x), grad(rosenbrock, { mode: "reverse" })(x), 1e-12, 1e-10);
  });

  prop.prop([sizes.chain((n) => coordinates(n)), chunks], { numRuns: 60 })("runtime: any chunk size gives the closed-form gradient", (x, chunk) => {
    expectClose(grad(runtimeRosenbrock, { chunk })(x), rosenbrockGradient(x), 1e-12, 1e-10);
  });
});

describe("stop-gradient on the runtime", () => {
  prop.prop([fc.double({ min: -3, max: 3, noNaN: true }), fc.double({ min: -3, max: 3, noNaN: true })], { numRuns: 40 })(
    "x · noDerivative(x · y) differentiates as if x · y were a constant, in both modes",
    (x, y) => {
      const f = (a: Real, b: Real) => mul(a, noDerivative(mul(a, b)));
      expectClose(grad(f)(x, y), [x * y, 0], 1e-15, 0);
      expectClose(grad(f, { mode: "reverse" })(x, y), [x * y, 0], 1e-15, 0);
    },
  );
});

describe("grad of a compiled function of a few numbers or one array of them, and jvp at numbers and arrays (a plan's one-pass runner, src/api/plan.ts)", () => {
  const coordinate = fc.double({ min: -2, max: 2, noNaN: true });

  prop.prop([fc.array(coordinate, { minLength: 6, maxLength: 6 }), fc.array(coordinate, { minLength: 1, maxLength: 12 }), fc.boolean()], { numRuns: 80 })(
    "a plan's one-pass runner gives what the plan's first call (the general route) gave, bit for bit",
    (x, v, typed) => {
      const [a, b, c, d, e, f] = x;
      const e2 = e === 0 ? 0.5 : e;
      const array = typed ? new Float64Array(v) : v;
      const calls: [Function, () => unknown][] = [
        [wide, () => grad(wide)(a, b, c, d, e2, f)],
        [wide, () => valueAndGrad(wide)(a, b, c, d, e2, f)],
        [wide, () => grad(wide, { wrt: [4, 1] })(a, b, c, d, e2, f)],
        [polynomial, () => grad(polynomial)(a, b, c)],
        [rosenbrock, () => grad(rosenbrock)(array as number[])],
        [rosenbrock, () => valueAndGrad(rosenbrock)(array as number[])],
        [scaledLogSum, () => valueAndGrad(scaledLogSum)(v, 1.5)],
        // jvp: one call of the generated JVP, the tangents as given (a Float64Array too) or as the parameters' shapes.
        [polynomial, () => jvp(polynomial, [a, b, c], [d, e, f])],
        [rosenbrock, () => jvp(rosenbrock, [array as number[]], [typed ? Float64Array.from(v, (t) => t / 2) : v.map((t) => t / 2)])],
        // wrt(b, a): the tangents in wrt's order, not the parameters'.
        [reordered, () => jvp(reordered, [Math.abs(a) + 0.5, b, c], [d, e])],
        [reordered, () => grad(reordered)(Math.abs(a) + 0.5, b, c)],
      ];
      for (const [fn, call] of calls) {
        forgetPlans(fn);
        const first = call();
        expect(call()).toEqual(first);
      }
    },
  );

  prop.prop([fc.array(coordinate, { minLength: 6, maxLength: 6 })], { numRuns: 60 })("gives the general path's result, bit for bit", (x) => {
    const [a, b, c, d, e, f] = x;
    const e2 = e === 0 ? 0.5 : e; // wide divides by e
    expect(valueAndGrad(wide)(a, b, c, d, e2, f)).toEqual(valueAndGrad(wide, { mode: "forward" })(a, b, c, d, e2, f));
    // grad takes the gradient form (gradient-form.test.ts), which gives the chunk-mode JVP's bits.
    expect(grad(wide)(a, b, c, d, e2, f)).toEqual(grad(wide, { chunk: 6 })(a, b, c, d, e2, f));
    expect(valueAndGrad(polynomial)(a, b, c)).toEqual(valueAndGrad(polynomial, { mode: "forward" })(a, b, c));
    expectClose(grad(polynomial)(a, b, c), [1, 6 * b, 15 * c * c], 1e-15, 1e-300);
  });

  prop.prop([fc.array(coordinate, { minLength: 6, maxLength: 6 }), fc.array(coordinate, { minLength: 6, maxLength: 6 })], { numRuns: 60 })(
    "jvp: one call of the generated JVP, the general path's result bit for bit",
    (x, t) => {
      const [a, b, c, d, e, f] = x;
      const e2 = e === 0 ? 0.5 : e;
      expect(jvp(wide, [a, b, c, d, e2, f], t)).toEqual(jvp(wide, [a, b, c, d, e2, f], t, { wrt: [0, 1, 2, 3, 4, 5] }));
      expect(jvp(polynomial, [a, b, c], t.slice(0, 3))).toEqual(jvp(polynomial, [a, b, c], t.slice(0, 3), { wrt: [0, 1, 2] }));
    },
  );

  prop.prop([fc.array(coordinate, { minLength: 1, maxLength: 14 }), fc.boolean()], { numRuns: 80 })(
    "one array parameter of up to 12 numbers: the general path's result, bit for bit, NaN where the value is",
    (x, typed) => {
      const v = typed ? new Float64Array(x) : x;
      expect(grad(rosenbrock)(v as number[])).toEqual(grad(rosenbrock, { mode: "forward" })(v as number[]));
      expect(valueAndGrad(rosenbrock)(v as number[])).toEqual(valueAndGrad(rosenbrock, { mode: "forward" })(v as number[]));
      const [value, gradient] = valueAndGrad(scaledLogSum)(x, 1.5);
      expect([value, gradient]).toEqual(valueAndGrad(scaledLogSum, { mode: "forward" })(x, 1.5));
      if (x.some((xi) => xi < 0)) expect(gradient.every(Number.isNaN)).toBe(true);
      // (Where 1/vᵢ overflows, at 0 or a subnormal, the lanes meet ∞ · 0: NaN, as in ForwardDiff's chunk mode; NaN-safe mode is for that.)
      else if (x.every((xi) => xi > 1e-300))
        expectClose(
          gradient,
          x.map((xi) => 1.5 / xi),
          1e-15,
          0,
        );
    },
  );

  prop.prop([fc.array(coordinate, { minLength: 1, maxLength: 30 }), fc.array(coordinate, { minLength: 30, maxLength: 30 }), fc.boolean(), coordinate], { numRuns: 60 })(
    "jvp at numbers and arrays: one call of the generated JVP, the general path's result bit for bit",
    (x, t, typed, s) => {
      const n = x.length;
      const [v, dv] = typed ? [new Float64Array(x), new Float64Array(t.slice(0, n))] : [x, t.slice(0, n)];
      expect(jvp(rosenbrock, [v as number[]], [dv])).toEqual(jvp(rosenbrock, [v as number[]], [dv], { wrt: [0] }));
      expect(jvp(smoothed, [v as number[]], [dv])).toEqual(jvp(smoothed, [v as number[]], [dv], { wrt: [0] }));
      const offsets = t.slice(0, n);
      expect(jvp(mixed, [new Float64Array(x), s, offsets], [dv, 0.5])).toEqual(jvp(mixed, [new Float64Array(x), s, offsets], [dv, 0.5], { wrt: [0, 1] }));
      const [value, tangent] = jvp(scaledCopy, [new Float64Array(x), s], [dv, 2]);
      expect([value, tangent]).toEqual(jvp(scaledCopy, [new Float64Array(x), s], [dv, 2], { wrt: [0, 1] }));
      expectClose(
        tangent,
        x.map((xi, i) => s * (dv[i] as number) + 2 * xi),
        1e-15,
        1e-15,
      );
    },
  );

  test("one pass of the chunk-mode JVP; other calls take the general path and its errors", () => {
    const info = derivativeInfo(polynomial)!;
    const spy = vi.fn(info.chunkJvp!);
    const g = Object.defineProperty(function counted() {}, Symbol.for("dualts.derivative"), { value: { ...info, chunkJvp: spy } satisfies DerivativeInfo });
    valueAndGrad(g as unknown as typeof polynomial)(1, 2, 3);
    expect(spy).toHaveBeenCalledTimes(1);
    expect(() => grad(polynomial)(1, NaN, 3)).toThrow("grad(polynomial): w1 is NaN; derivatives are taken at finite inputs only");
    expect(() => (grad(polynomial) as (...args: number[]) => unknown)(1, 2)).toThrow("takes 3 argument(s), but 2 were given");
    expect(grad(polynomial, { wrt: "w2" })(1, 2, 3)).toBe(135);
    // jvp's direct path leaves wrong tangents to the general path and its messages.
    expect(() => jvp(polynomial, [1, 2, 3], [1, 0])).toThrow("jvp(polynomial): expected 3 tangent(s), one per selected parameter, but got 2");
    expect(() => jvp(polynomial, [1, 2, 3], [1, 0, [1]] as never)).toThrow("the tangent for w2 must be a number");
    expect(() => jvp(rosenbrock, [[1, 2]], [[1]])).toThrow("jvp(rosenbrock): the tangent for x must be an array of 2, like x itself, but is an array of 1");
    expect(() => jvp(rosenbrock, [[1, NaN]], [[1, 0]])).toThrow("jvp(rosenbrock): x[1] is NaN; derivatives are taken at finite inputs only");
    // An array parameter of at most 12 numbers: one pass of n lanes; otherwise the general path.
    const { g: counted13, calls } = counted(rosenbrock);
    grad(counted13 as typeof rosenbrock)(point(12));
    expect(calls()).toBe(1);
    expect(() => grad(rosenbrock)([1, Infinity])).toThrow("grad(rosenbrock): x[1] is Infinity; derivatives are taken at finite inputs only");
    expect(() => grad(rosenbrock)([1, "2"] as never)).toThrow('grad(rosenbrock): x[1] is a string ("2"); an array is differentiated element by element, so every element must be a number');
  });
});

describe("grad of a function over the runtime's operations at plain numbers (scalars.ts's runtime path)", () => {
  const coordinate = fc.double({ min: -3, max: 3, noNaN: true });
  // A log outside its domain for some points, a parameter that does not count, a constant branch.
  const mixedOps = (a: Real, b: Real, c: Real) => add(mul(a, log(b)), div(sin(mul(a, c)), add(2, mul(b, b))));
  const ignoresB = (a: Real, _b: Real) => mul(a, a);
  const constant = (_a: Real, _b: Real) => 7;
  const many = (...v: Real[]) => v.reduce((s: Real, x, i) => add(s, mul(i + 1, mul(x, x))), 0);

  prop.prop([fc.array(coordinate, { minLength: 12, maxLength: 12 })], { numRuns: 60 })("gives the general path's result, bit for bit", (x) => {
    const [a, b, c] = x;
    // Up to three numbers: one Dual per pass; from four on, the runtime's tape; in NaN-safe mode, Duals (below 16).
    const cases = [
      [mixedOps, [a, b, c]],
      [ignoresB, [a, b]],
      [constant, [a, b]],
      [many, x.slice(0, 3)],
      [many, x.slice(0, 4)],
      [many, x],
    ] as const;
    for (const nanSafe of [false, true]) {
      inNanSafeMode(nanSafe, () => {
        for (const [f, args] of cases) {
          const mode = args.length < 4 || nanSafe ? "forward" : "reverse";
          const general = valueAndGrad(f as (...v: unknown[]) => Real, { mode })(...args);
          expect(valueAndGrad(f as (...v: unknown[]) => Real)(...args)).toEqual(general);
          expect(grad(f as (...v: unknown[]) => Real)(...args)).toEqual(general[1]);
        }
      });
    }
  });

  prop.prop([fc.array(coordinate, { minLength: 0, maxLength: 6 }), fc.array(coordinate, { minLength: 1, maxLength: 3 }), fc.boolean(), coordinate], { numRuns: 80 })(
    "arrays too: numbers and arrays of them, the general path's result and shapes, bit for bit",
    (v, w, typed, s) => {
      const sum = (x: Real[], y: Real[], t: Real) =>
        add(
          x.reduce((acc: Real, xi, i) => add(acc, mul(xi, log(add(2, y[i % y.length])))), 0),
          mul(t, y[0]),
        );
      const rosen = (x: Real[]) => runtimeRosenbrock(x);
      const x = typed ? new Float64Array(v) : v;
      for (const nanSafe of [false, true]) {
        inNanSafeMode(nanSafe, () => {
          const inputs = v.length + w.length + 1;
          const mode = inputs < 4 || nanSafe ? "forward" : "reverse";
          const general = valueAndGrad(sum as (...a: unknown[]) => Real, { mode })(x, w, s);
          expect(valueAndGrad(sum as (...a: unknown[]) => Real)(x, w, s)).toEqual(general);
          expect(grad(sum as (...a: unknown[]) => Real)(x, w, s)).toEqual(general[1]);
          if (v.length > 0) {
            const one = valueAndGrad(rosen, { mode: v.length < 4 || nanSafe ? "forward" : "reverse" })(v);
            expect(valueAndGrad(rosen)(v)).toEqual(one);
            expect(Array.isArray(one[1])).toBe(true);
          }
        });
      }
    },
  );

  test("one run per input, or one on the tape; other calls take the general path and its errors", () => {
    let runs = 0;
    const counted = (a: Real, b: Real) => (runs++, mul(a, b));
    expect(grad(counted)(2, 3)).toEqual([3, 2]);
    expect(runs).toBe(2);
    const seen: string[] = [];
    const onTape = (a: Real, b: Real, c: Real, d: Real) => (seen.push(a instanceof Var ? "tape" : "other"), mul(mul(a, b), add(c, d)));
    expect(grad(onTape)(2, 3, 4, 5)).toEqual([27, 18, 6, 6]);
    expect(seen).toEqual(["tape"]);
    // A function that keeps a variable of its tape gets its value only: the tape is released.
    let kept = 0 as Real;
    grad((a: Real, b: Real, c: Real, d: Real) => ((kept = mul(a, b)), add(kept, mul(c, d))))(1, 2, 3, 4);
    expect((kept as Var).value).toBe(2);
    expect(() => (kept as Var).adjoint).toThrow(/released/);
    expect(() => grad(counted)(2, NaN)).toThrow("grad(counted): b is NaN; derivatives are taken at finite inputs only");
    expect(() => grad((v: Real[]) => v[0])([1, Infinity])).toThrow("grad(the function): v[1] is Infinity; derivatives are taken at finite inputs only");
    // An array gives its elements one input each: one run per element below four, the tape from four on.
    runs = 0;
    const overArray = (v: Real[]) => (runs++, mul(v[0], v[v.length - 1]));
    expect(grad(overArray)([2, 3, 5])).toEqual([5, 0, 2]);
    expect(runs).toBe(3);
    expect(grad(overArray)(new Float64Array([2, 3, 5, 7]) as never)).toEqual([7, 0, 0, 2]);
    expect(runs).toBe(4);
    expect(() => (grad(counted) as (...args: number[]) => unknown)(2, 3, 4)).toThrow("grad(counted): counted(a, b) takes 2 argument(s), but 3 were given");
    expect(() => valueAndGrad((a: Real, b: Real) => [a, b])(1, 2)).toThrow("valueAndGrad(the function): the function returned an array, but a number was expected");
    expect(() => grad((a: number, b: number) => a * b)(1, 2)).toThrow(/^grad\(the function\): the function applies JavaScript operators to its inputs and was not compiled/);
    // Inside another derivative f's result carries the outer tag too: the general path sorts the tags out.
    expect(derivative((t: Real) => (grad((a: Real, b: Real) => mul(mul(a, b), t))(2, 3) as Real[])[0])(5)).toBe(3);
  });
});

describe("chunk mode's seeds, kept from one call to the next", () => {
  test("a function that returns its parameter, called again and again", () => {
    for (let round = 0; round < 3; round++) {
      // chunk: 1 runs the one-tangent JVP, which returned its seed array: it was read after the seed was cleared (all zeros).
      for (const chunk of [1, 3, undefined]) {
        expect(jacobian(identity, { chunk, mode: "forward" })([1, 2, 3, 4])).toEqual([
          [1, 0, 0, 0],
          [0, 1, 0, 0],
          [0, 0, 1, 0],
          [0, 0, 0, 1],
        ]);
      }
      expect(grad(first, { chunk: 2 })(5, 6)).toEqual([1, 0]);
    }
  });

  test("a call inside a call (the first one's seeds busy) makes its own, and both are right", () => {
    const info = derivativeInfo(rosenbrock)!;
    let inner: unknown;
    let nested = false;
    const chunkJvp = vi.fn((lanes: number, ...args: unknown[]) => {
      if (!nested) {
        nested = true;
        inner = grad(g, { chunk: 2 })([0.5, -1, 2]);
      }
      return info.chunkJvp!(lanes, ...args);
    });
    const g = Object.defineProperty((x: number[]) => rosenbrock(x), Symbol.for("dualts.derivative"), { value: { ...info, chunkJvp } satisfies DerivativeInfo });
    const outer = grad(g, { chunk: 2 })([0.5, -1, 2]);
    expect(outer).toEqual(grad(rosenbrock, { chunk: 1 })([0.5, -1, 2]));
    expect(inner).toEqual(outer);
    // And the kept seeds were cleared: the next call agrees too.
    expect(grad(g, { chunk: 2 })([0.5, -1, 2])).toEqual(outer);
  });
});
