// dualts/optimize's line-search methods (L-BFGS, Newton, gradient descent)
// on problems whose answers are known without it (a quadratic's minimiser
// solves A·x = b), the promises they make (each step lowers the value), the
// result's shape and type, the stopping rules and the callback, evaluation
// counts, and what happens where f is not finite. Adam, momentum,
// leastSquares and the messages for bad input are in
// optimize-options.test.ts; the standard problem sets in
// optimize-problems.test.ts.

import { describe, expect, expectTypeOf, test } from "vitest";
import { fc, test as prop } from "@fast-check/vitest";
import { add, log, mul, numericalGradient, sub, type Real } from "../src/index.js";
import { minimize, type Method, type MinimizeResult } from "../src/optimize/index.js";
import { ROUNDING } from "../src/optimize/descent.js";
import { rosenbrock } from "./programs/corpus-plain.js";

/**
 * ½·xᵀAx − bᵀx, A given row by row in `a` (n × n).
 * @differentiable wrt(x)
 */
function quadratic(x: number[], a: number[], b: number[]): number {
  const n = x.length;
  let total = 0;
  for (let i = 0; i < n; i++) {
    let row = 0;
    for (let j = 0; j < n; j++) row += a[i * n + j] * x[j];
    total += 0.5 * x[i] * row - b[i] * x[i];
  }
  return total;
}

/**
 * A smooth, bounded-below, non-convex function of any number of variables: Σ (xᵢ² − cᵢ)² + sᵢ·sin(xᵢ·xᵢ₊₁).
 * @differentiable wrt(x)
 */
function bumpy(x: Float64Array, c: number[], s: number[]): number {
  let total = 0;
  for (let i = 0; i < x.length; i++) {
    total += (x[i] * x[i] - c[i]) ** 2;
    if (i + 1 < x.length) total += s[i] * Math.sin(x[i] * x[i + 1]);
  }
  return total;
}

/**
 * Σ xᵢ − log xᵢ: its minimum is at every xᵢ = 1; NaN for xᵢ < 0, where a long step lands.
 * @differentiable
 */
function barrier(x: number[]): number {
  let total = 0;
  for (const v of x) total += v - Math.log(v);
  return total;
}

/** An n × n symmetric positive definite matrix BᵀB + I, row by row, and its product with x. */
function spd(entries: number[], n: number): number[] {
  const a = new Array<number>(n * n).fill(0);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      let sum = i === j ? 1 : 0;
      for (let k = 0; k < n; k++) sum += entries[k * n + i] * entries[k * n + j];
      a[i * n + j] = sum;
    }
  }
  return a;
}

function times(a: number[], x: ArrayLike<number>): number[] {
  const n = x.length;
  return Array.from({ length: n }, (_, i) => {
    let sum = 0;
    for (let j = 0; j < n; j++) sum += a[i * n + j] * x[j];
    return sum;
  });
}

/** Each value at most the one before: lower, or (near a minimum, where only rounding is left) the same to rounding. */
function expectDownhill(values: readonly number[]): void {
  for (let k = 1; k < values.length; k++) expect(values[k]).toBeLessThanOrEqual(values[k - 1] + ROUNDING * Math.max(1, Math.abs(values[k - 1])));
}

const finite = (lo: number, hi: number) => fc.double({ min: lo, max: hi, noNaN: true, noDefaultInfinity: true });

const quadraticCase = fc.integer({ min: 1, max: 8 }).chain((n) =>
  fc.record({
    n: fc.constant(n),
    entries: fc.array(finite(-2, 2), { minLength: n * n, maxLength: n * n }),
    b: fc.array(finite(-10, 10), { minLength: n, maxLength: n }),
    x0: fc.array(finite(-10, 10), { minLength: n, maxLength: n }),
  }),
);

/** The values onIteration saw, with f(x0) first. */
function valuesOf(run: (onIteration: (s: { value: number }) => void) => MinimizeResult<unknown>, start: number): { values: number[]; result: MinimizeResult<unknown> } {
  const values = [start];
  const result = run((s) => {
    values.push(s.value);
  });
  return { values, result };
}

describe("minimize on quadratics: the minimiser solves A·x = b", () => {
  const methods: [Method, object][] = [
    ["lbfgs", {}],
    ["newton", { hessian: "dense" }],
    ["newton", { hessian: "products" }],
    ["gd", { maxIterations: 20_000 }],
  ];
  for (const [method, extra] of methods) {
    prop.prop([quadraticCase], { numRuns: 25 })(`${method} ${JSON.stringify(extra)}: converged, A·x ≈ b, and every step lowered the value`, ({ n, entries, b, x0 }) => {
      const a = spd(entries, n);
      const { values, result } = valuesOf((onIteration) => minimize(quadratic, x0, { method, args: [a, b], onIteration, ...extra }), quadratic(x0, a, b));
      // Gradient descent judges its steps by values, and at their rounding by slopes alone: on an
      // ill-conditioned quadratic it may stall there, short of 1e-8, and say so (its "line search" stop).
      const stalled = method === "gd" && result.stoppedBy === "line search";
      if (!stalled) expect(result.converged, result.reason).toBe(true);
      const tolerance = stalled ? 1e-6 : 1e-8;
      const residual = times(a, result.x as number[]).map((v, i) => v - b[i]);
      expect(Math.max(...residual.map(Math.abs))).toBeLessThanOrEqual(tolerance);
      expect(result.gradientNorm).toBeLessThanOrEqual(tolerance);
      expect(result.value).toBeCloseTo(quadratic(result.x as number[], a, b), 12);
      expectDownhill(values);
    });
  }

  test("Newton takes one step on a quadratic (dense), and Newton-CG fewer than gradient descent", () => {
    const a = spd([1, 0.5, -0.3, 0.2, 1, 0.1, 0, 0.4, 2], 3);
    const b = [1, -2, 3];
    expect(minimize(quadratic, [5, 5, 5], { method: "newton", args: [a, b] }).iterations).toBe(1);
    // Newton-CG solves each step only to a residual of min(0.5, √‖∇f‖)·‖∇f‖, so it takes a few: superlinearly, fewer than gradient descent.
    const cg = minimize(quadratic, [5, 5, 5], { method: "newton", hessian: "products", args: [a, b] });
    expect(cg.converged).toBe(true);
    expect(cg.iterations).toBeLessThan(minimize(quadratic, [5, 5, 5], { method: "gd", args: [a, b] }).iterations);
  });
});

describe("minimize on a non-convex function: line-search methods only go downhill", () => {
  const bumpyCase = fc.integer({ min: 1, max: 6 }).chain((n) =>
    fc.record({
      c: fc.array(finite(-2, 4), { minLength: n, maxLength: n }),
      s: fc.array(finite(-3, 3), { minLength: n, maxLength: n }),
      x0: fc.array(finite(-3, 3), { minLength: n, maxLength: n }),
    }),
  );
  for (const method of ["lbfgs", "newton", "gd"] as const) {
    prop.prop([bumpyCase], { numRuns: 25 })(`${method}: values decrease, x stays finite, and it stops at a stationary point`, ({ c, s, x0 }) => {
      const start = Float64Array.from(x0);
      // Near a degenerate stationary point (xᵢ⁴ where cᵢ = 0) every method converges sublinearly: the limit keeps such runs short.
      const { values, result } = valuesOf((onIteration) => minimize(bumpy, start, { method, args: [c, s], onIteration, maxIterations: 2000 }), bumpy(start, c, s));
      expectDownhill(values);
      expect(result.x).toBeInstanceOf(Float64Array);
      expect([...(result.x as Float64Array)].every(Number.isFinite)).toBe(true);
      expect(result.value).toBeLessThanOrEqual(values[0]);
      if (result.converged) {
        // Converged on the gradient: a finite difference of the untransformed function agrees that it is ~0.
        const numeric = numericalGradient((x: number[]) => bumpy(Float64Array.from(x), c, s), [Array.from(result.x as Float64Array)]);
        expect(Math.max(...numeric.map(Math.abs))).toBeLessThan(1e-5);
      } else expect(["line search", "iterations"], result.reason).toContain(result.stoppedBy);
    });
  }
});

describe("what minimize returns", () => {
  test("x has x0's type, and the types say so", () => {
    const fromArray = minimize(rosenbrock, [-1.2, 1]);
    expectTypeOf(fromArray.x).toEqualTypeOf<number[]>();
    expect(Array.isArray(fromArray.x)).toBe(true);
    const fromTyped = minimize(bumpy, new Float64Array([0.5, 0.5]), {
      args: [
        [1, 1],
        [0, 0],
      ],
    });
    expectTypeOf(fromTyped.x).toExtend<Float64Array>();
    expectTypeOf(fromTyped.x).not.toExtend<number[]>();
    expect(fromTyped.x).toBeInstanceOf(Float64Array);
  });

  test("L-BFGS on Rosenbrock from (−1.2, 1): the minimiser, the counts, the reason", () => {
    const r = minimize(rosenbrock, [-1.2, 1]);
    expect(r.x[0]).toBeCloseTo(1, 8);
    expect(r.x[1]).toBeCloseTo(1, 8);
    expect(r).toMatchObject({ converged: true, stoppedBy: "gradient", evaluations: { value: 0, hessian: 0, hessianVector: 0 } });
    expect(r.iterations).toBeGreaterThan(10);
    expect(r.iterations).toBeLessThan(60);
    // One gradient per line-search trial, at least one per step, plus the start's.
    expect(r.evaluations.gradient).toBeGreaterThanOrEqual(r.iterations + 1);
    expect(r.reason).toMatch(/gradient's norm .* within gradientTolerance 1\.00e-8/);
  });

  test("Newton counts its Hessians (dense) or products (Newton-CG)", () => {
    const dense = minimize(rosenbrock, [-1.2, 1], { method: "newton" });
    expect(dense.converged).toBe(true);
    expect(dense.evaluations.hessian).toBe(dense.iterations);
    expect(dense.evaluations.hessianVector).toBe(0);
    const products = minimize(rosenbrock, [-1.2, 1], { method: "newton", hessian: "products" });
    expect(products.converged).toBe(true);
    expect(products.evaluations.hessian).toBe(0);
    expect(products.evaluations.hessianVector).toBeGreaterThanOrEqual(products.iterations);
  });

  test("a function written over dualts' operations (no transform) is minimised the same way", () => {
    const f = (x: Real[]) => add(mul(sub(x[0], 3), sub(x[0], 3)), mul(10, mul(sub(x[1], x[0]), sub(x[1], x[0]))));
    for (const method of ["lbfgs", "newton", "gd"] as const) {
      const r = minimize(f, [0, 0], { method, maxIterations: 100_000 });
      expect(r.converged, `${method}: ${r.reason}`).toBe(true);
      expect(r.x[0]).toBeCloseTo(3, 6);
      expect(r.x[1]).toBeCloseTo(3, 6);
    }
  });
});

describe("stopping rules and onIteration", () => {
  test("onIteration sees every step, the converging one included", () => {
    const seen: number[] = [];
    const r = minimize(rosenbrock, [-1.2, 1], { onIteration: (s) => void seen.push(s.iteration) });
    expect(r.stoppedBy).toBe("gradient");
    expect(seen).toEqual(Array.from({ length: r.iterations }, (_, k) => k + 1));
  });

  test("onIteration sees each step in order, and returning false stops the run", () => {
    const seen: number[] = [];
    const r = minimize(rosenbrock, [-1.2, 1], {
      onIteration: (s) => {
        seen.push(s.iteration);
        expect(Array.isArray(s.x)).toBe(true);
        expect(s.value).toBeCloseTo(rosenbrock(s.x), 12);
        return s.iteration < 5;
      },
    });
    expect(seen).toEqual([1, 2, 3, 4, 5]);
    expect(r).toMatchObject({ iterations: 5, converged: false, stoppedBy: "callback", reason: "onIteration returned false" });
  });

  test("maxIterations, stepTolerance and valueTolerance stop where they say", () => {
    expect(minimize(rosenbrock, [-1.2, 1], { maxIterations: 3 })).toMatchObject({ iterations: 3, converged: false, stoppedBy: "iterations" });
    expect(minimize(rosenbrock, [-1.2, 1], { maxIterations: 0 })).toMatchObject({ iterations: 0, stoppedBy: "iterations", x: [-1.2, 1] });
    const byValue = minimize(rosenbrock, [-1.2, 1], { valueTolerance: 1e-3, gradientTolerance: 0 });
    expect(byValue).toMatchObject({ converged: true, stoppedBy: "value" });
    expect(byValue.iterations).toBeLessThan(minimize(rosenbrock, [-1.2, 1]).iterations);
    const byStep = minimize(rosenbrock, [-1.2, 1], { method: "gd", stepTolerance: 1e-6, gradientTolerance: 0 });
    expect(byStep).toMatchObject({ converged: true, stoppedBy: "step" });
  });

  test("a start that is already stationary takes no step", () => {
    expect(minimize(rosenbrock, [1, 1])).toMatchObject({ iterations: 0, converged: true, stoppedBy: "gradient", value: 0, x: [1, 1] });
  });
});

describe("where f is not finite", () => {
  test("the line search backs off from log of a negative number, and every method reaches x = 1", () => {
    for (const method of ["lbfgs", "newton", "gd"] as const) {
      const r = minimize(barrier, [0.01, 5, 0.2], { method, maxIterations: 100_000 });
      expect(r.converged, `${method}: ${r.reason}`).toBe(true);
      for (const v of r.x) expect(v).toBeCloseTo(1, 6);
    }
  });

  test("a fixed step that leaves f's domain stops the run at the last finite point", () => {
    // From 2 the gradient is 1/2: a step of 10 lands at −3, where log is NaN.
    const r = minimize(barrier, [2], { method: "gd", step: 10 });
    expect(r).toMatchObject({ converged: false, stoppedBy: "not finite", iterations: 0 });
    expect(r.x).toEqual([2]);
    expect(r.value).toBe(barrier([2]));
  });

  test("a non-finite value or gradient at x0 is an error that names it", () => {
    expect(() => minimize(barrier, [-1, 1])).toThrow("minimize(barrier): barrier's value at x0 is not finite (it is NaN); start from a point where barrier and its derivatives are finite");
    const sqrtSum = (x: Real[]) => add(mul(x[0], x[0]), log(x[1]));
    expect(() => minimize(sqrtSum, [1, 0])).toThrow(/value at x0 is not finite \(it is -Infinity\)/);
    /** @differentiable */
    function root(x: number[]): number {
      return Math.sqrt(x[0]) + x[1] * x[1];
    }
    expect(() => minimize(root, [0, 1])).toThrow("minimize(root): root's gradient at x0 is not finite (∇f[0] is Infinity); start from a point where root and its derivatives are finite");
  });
});
