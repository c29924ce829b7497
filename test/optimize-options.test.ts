// dualts/optimize's other methods and its checks: Adam and momentum on a
// line fit (full batch and minibatches), leastSquares (Levenberg–Marquardt)
// on exponential-decay fits to exact and to noisy data, and the messages for
// bad input. The line-search methods are in optimize.test.ts.

import { describe, expect, test } from "vitest";
import { numericalGradient } from "../src/index.js";
import { leastSquares, minimize } from "../src/optimize/index.js";
import { rosenbrock } from "./programs/corpus-plain.js";

/**
 * Residuals of y ≈ p₀·exp(−p₁·t) + p₂.
 * @differentiable wrt(p)
 */
function decay(p: number[], t: number[], y: number[]): number[] {
  const r: number[] = [];
  for (let i = 0; i < t.length; i++) r.push(p[0] * Math.exp(-p[1] * t[i]) + p[2] - y[i]);
  return r;
}

/**
 * Mean squared error of a line y ≈ w₀ + w₁·x on a minibatch.
 * @differentiable wrt(w)
 */
function lineError(w: number[], xs: number[], ys: number[]): number {
  let total = 0;
  for (let i = 0; i < xs.length; i++) total += (w[0] + w[1] * xs[i] - ys[i]) ** 2;
  return total / xs.length;
}

describe("adam and momentum", () => {
  const xs = Array.from({ length: 64 }, (_, i) => (i - 32) / 16);
  const ys = xs.map((x, i) => 0.5 + 2 * x + 0.01 * Math.sin(13 * i));
  // The full-batch least-squares line, from the 2 × 2 normal equations.
  const n = xs.length;
  const sx = xs.reduce((s, x) => s + x, 0);
  const sy = ys.reduce((s, y) => s + y, 0);
  const sxx = xs.reduce((s, x) => s + x * x, 0);
  const sxy = xs.reduce((s, x, i) => s + x * ys[i], 0);
  const slope = (n * sxy - sx * sy) / (n * sxx - sx * sx);
  const best = [(sy - slope * sx) / n, slope];

  test("full batch: both reach the least-squares line", () => {
    const adam = minimize(lineError, [0, 0], { method: "adam", learningRate: 0.05, args: [xs, ys], maxIterations: 5000, gradientTolerance: 1e-9 });
    const heavy = minimize(lineError, [0, 0], { method: "momentum", learningRate: 0.05, args: [xs, ys], maxIterations: 5000, gradientTolerance: 1e-9 });
    for (const r of [adam, heavy]) {
      expect(r.converged, r.reason).toBe(true);
      expect(r.x[0]).toBeCloseTo(best[0], 7);
      expect(r.x[1]).toBeCloseTo(best[1], 7);
    }
  });

  test("minibatches: batch(k) is asked for each step in order, and the fit ends near the line", () => {
    const asked: number[] = [];
    const r = minimize(lineError, [0, 0], {
      method: "adam",
      learningRate: 0.02,
      maxIterations: 2000,
      batch: (k) => {
        asked.push(k);
        const from = (k * 8) % n;
        return [xs.slice(from, from + 8), ys.slice(from, from + 8)];
      },
    });
    expect(asked.slice(0, 4)).toEqual([0, 1, 2, 3]);
    expect(asked.length).toBe(2001);
    expect(r).toMatchObject({ iterations: 2000, stoppedBy: "iterations" });
    expect(Math.abs(r.x[0] - best[0])).toBeLessThan(0.02);
    expect(Math.abs(r.x[1] - best[1])).toBeLessThan(0.02);
  });
});

describe("leastSquares", () => {
  const t = Array.from({ length: 25 }, (_, i) => i / 8);
  test("exact data: the parameters are recovered and the residuals vanish", () => {
    const truth = [2.5, 1.3, 0.5];
    const y = t.map((ti) => truth[0] * Math.exp(-truth[1] * ti) + truth[2]);
    const r = leastSquares(decay, [1, 0.5, 0], { args: [t, y] });
    expect(r.converged, r.reason).toBe(true);
    r.x.forEach((v, i) => {
      expect(v).toBeCloseTo(truth[i], 8);
    });
    expect(r.value).toBeLessThan(1e-15);
    expect(r.residuals).toHaveLength(t.length);
    expect(r.evaluations.gradient).toBeGreaterThan(1);
  });

  test("noisy data: ½‖r‖²'s gradient vanishes at the fit (finite differences of the untransformed residuals agree), and each accepted step lowered it", () => {
    const y = t.map((ti, i) => 2.5 * Math.exp(-1.3 * ti) + 0.5 + 0.02 * Math.sin(7 * i));
    const values: number[] = [];
    const r = leastSquares(decay, [1, 0.5, 0], { args: [t, y], onIteration: (s) => void values.push(s.value) });
    expect(r.converged, r.reason).toBe(true);
    const half = (p: number[]) => 0.5 * decay(p, t, y).reduce((s, v) => s + v * v, 0);
    expect(r.value).toBeCloseTo(half(r.x), 14);
    const numeric = numericalGradient(half, [r.x]);
    expect(Math.max(...numeric.map(Math.abs))).toBeLessThan(1e-7);
    for (let k = 1; k < values.length; k++) expect(values[k]).toBeLessThan(values[k - 1]);
  });

  test("a residual function that returns a number, or a start where it is not finite, is an error", () => {
    expect(() => leastSquares(rosenbrock as never, [0, 0])).toThrow("leastSquares(rosenbrock): the residual function must return an array of numbers, but returned the number 1");
    expect(() => leastSquares(decay, [1, -1e6, 0], { args: [t, t] })).toThrow(/leastSquares\(decay\): decay's residuals at x0 are not finite \(r\[\d+\] is Infinity\)/);
  });
});

describe("leastSquares where the Jacobian overflows", () => {
  /**
   * Residuals of a logistic curve L / (1 + exp(−k·(t − t0))).
   * @differentiable wrt(p)
   */
  function logistic(p: number[], t: number[], y: number[]): number[] {
    const r: number[] = [];
    for (let i = 0; i < t.length; i++) r.push(p[0] / (1 + Math.exp(-p[1] * (t[i] - p[2]))) - y[i]);
    return r;
  }

  test("a trial step whose Jacobian is not finite is rejected and damped, not the end of the run", () => {
    const t = Array.from({ length: 15 }, (_, i) => i);
    const y = t.map((ti) => 28 / (1 + Math.exp(-0.64 * (ti - 5.3))));
    // From far off, the first steps land where exp overflows in the Jacobian (its residuals stay finite).
    const r = leastSquares(logistic, [100, -1, 50], { args: [t, y] });
    expect(r.stoppedBy).not.toBe("not finite");
    expect(r.iterations).toBeGreaterThan(1);
    expect(r.value).toBeLessThan(0.5 * y.reduce((s, v, i) => s + (100 / (1 + Math.exp(t[i] - 50)) - v) ** 2, 0));
  });
});

describe("where no step can lower the value", () => {
  /**
   * Not smooth at x₀ = 1: the gradient never vanishes, and near the kink no step lowers the value.
   * @differentiable
   */
  function hinge(x: number[]): number {
    return Math.max(0, 1 - x[0]) + 0.01 * x[0] * x[0] + x[1] * x[1];
  }

  test.each(["lbfgs", "newton"] as const)("%s stops by its line search near the kink, soon, having lowered the value", (method) => {
    const r = minimize(hinge, [1.37, 0.61], { method });
    expect(r).toMatchObject({ converged: false, stoppedBy: "line search" });
    expect(r.x[0]).toBeCloseTo(1, 3);
    expect(r.value).toBeLessThan(hinge([1.37, 0.61]));
    expect(r.evaluations.gradient).toBeLessThan(500);
  });

  test("gradientTolerance 0 runs until the value's rounding stops it, not to maxIterations", () => {
    const xs = [0, 0.3, 0.7, 1.1, 1.6];
    const ys = [0.2, 0.9, 1.1, 2.4, 3.3];
    for (const method of ["lbfgs", "newton", "gd"] as const) {
      const r = minimize(lineError, [0, 0], { method, args: [xs, ys], gradientTolerance: 0 });
      expect(r, `${method}: ${r.reason}`).toMatchObject({ converged: false, stoppedBy: "line search" });
      expect(r.iterations).toBeLessThan(method === "gd" ? 2000 : 200);
      // Gradient descent at the value's rounding judges steps by slopes alone, and stalls sooner.
      expect(r.gradientNorm).toBeLessThan(method === "gd" ? 1e-8 : 1e-12);
    }
  });
});

/** Not marked: the transform leaves it alone, and minimize says so in its own words. */
function unmarked(x: number[]): number {
  return x[0] * x[0];
}

describe("the types catch what they can", () => {
  test("a forgotten args is a type error where f takes data after x, and options stay optional where it does not", () => {
    // @ts-expect-error lineError takes xs and ys after w: args (or batch) is required.
    expect(() => minimize(lineError, [0, 0])).toThrow("takes 3 arguments, but only x were given");
    // @ts-expect-error options without args are not enough either.
    expect(() => minimize(lineError, [0, 0], { method: "gd" })).toThrow("takes 3 arguments");
    // @ts-expect-error leastSquares too.
    expect(() => leastSquares(decay, [1, 1, 0])).toThrow("takes 3 arguments");
    expect(minimize(rosenbrock, [-1.2, 1]).converged).toBe(true);
    expect(
      minimize(lineError, [0, 0], {
        args: [
          [0, 1],
          [1, 3],
        ],
      }).x[1],
    ).toBeCloseTo(2, 6);
  });
});

describe("bad input is an error that says what is wrong", () => {
  test.each([
    [() => minimize(rosenbrock, [] as number[]), "minimize(rosenbrock): x0 is empty; give the starting point of at least one variable"],
    [() => minimize(lineError as never, [0, 0]), "minimize(lineError): lineError(w, xs, ys) takes 3 arguments, but only x were given; pass the 2 after x as args: [xs, ys] (missing: xs, ys)"],
    [
      () => leastSquares(decay, [1, 1, 0], { args: [0, 1, 2, 3] as never }),
      "leastSquares(decay): decay(p, t, y) takes 3 arguments, but x and args give 5; args holds f's arguments after x, as an array with one entry each (args: [t, y])",
    ],
    [() => minimize(decay as never, [1, 1, 0], { args: [[0], [1]] } as never), "minimize(decay): f must return a number, but decay returned an array of 1; to fit residuals, use leastSquares"],
    [() => minimize(rosenbrock, [1, Number.NaN]), "minimize(rosenbrock): x0[1] must be a finite number, not the number NaN"],
    [() => minimize(rosenbrock, "1, 2" as never), 'minimize(rosenbrock): x0 must be a number[] or a Float64Array, not a string ("1, 2")'],
    [() => minimize(42 as never, [1]), "minimize expects a function, but got the number 42"],
    [() => minimize(rosenbrock, [1, 1], { metod: "newton" } as never), "minimize(rosenbrock): unknown option 'metod'"],
    [() => minimize(rosenbrock, [1, 1], { method: "bfgs" as never }), 'minimize(rosenbrock): method must be one of lbfgs, newton, gd, adam, momentum, not a string ("bfgs")'],
    [() => minimize(rosenbrock, [1, 1], { method: "gd", history: 5 }), 'minimize(rosenbrock): option \'history\' belongs to method "lbfgs", not "gd"'],
    [() => minimize(rosenbrock, [1, 1], { learningRate: 0.1 }), 'minimize(rosenbrock): option \'learningRate\' belongs to method "adam" and "momentum", not "lbfgs"'],
    [() => minimize(rosenbrock, [1, 1], { maxIterations: 2.5 }), "minimize(rosenbrock): maxIterations must be a whole number of at least 0, not the number 2.5"],
    [() => minimize(rosenbrock, [1, 1], { history: 0 }), "minimize(rosenbrock): history must be a whole number of at least 1, not the number 0"],
    [() => minimize(rosenbrock, [1, 1], { method: "gd", step: -1 }), "minimize(rosenbrock): step must be a finite number greater than 0, not the number -1"],
    [() => minimize(rosenbrock, [1, 1], { method: "adam", beta1: 1 }), "minimize(rosenbrock): beta1 must be a number in [0, 1), not the number 1"],
    [() => minimize(rosenbrock, [1, 1], { args: 3 as never }), "minimize(rosenbrock): args must be an array of f's arguments after x, not the number 3"],
    [() => minimize(lineError, [0, 0], { method: "adam", batch: () => 1 as never }), "minimize(lineError): batch(0) must return an array of f's arguments after x, not the number 1"],
    [() => minimize((x: number[]) => x[0] * x[0], [1]), "applies JavaScript operators to its inputs and was not compiled by the dualts transform"],
    [() => minimize(unmarked, [1]), /^minimize\(unmarked\): unmarked applies JavaScript operators to its inputs/],
    [
      () => minimize(lineError, [0, 0], { method: "adam", args: [[1], [2]], batch: () => [[1], [2]] }),
      "minimize(lineError): give args or batch, not both: batch(k) returns f's arguments after x for step k, in place of args",
    ],
  ] as [() => unknown, string | RegExp][])("%#: %s", (run, message) => {
    expect(run).toThrow(message);
  });
});
