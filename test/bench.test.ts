// The benchmark's functions (bench/) compile under the transform and their
// derivatives agree with the hand-written ones, on small inputs: every route
// the benchmark times — the generated JVP and gradient (chunk 1, chunked, the
// generated reverse mode and grad's default), the Dual runtime, the
// Hessian and the Jacobians in every mode — so a benchmark never
// times a wrong answer. Speed is not asserted here; `npm run bench` measures it.
// (The peers, TF.js and mathjs, are checked by the benchmark itself before timing.)
// The optimisation bench's peers (fmin, ml-levenberg-marquardt) reach known
// minima when fed as the bench feeds them, and its report judges the goals
// from a run's counts.

import { describe, expect, test } from "vitest";
import { fc, test as prop } from "@fast-check/vitest";
import { Dual, derivativeInfo, grad, hessian, jacobian, jvp, type Real } from "dualts";
import * as ops from "dualts";
import * as textbook from "../bench/minimal-dual.js";
import type { MinimalReal } from "../bench/minimal-dual.js";
import * as analytic from "../bench/analytic.js";
import { bceData, fitData, mlpData, point } from "../bench/data.js";
import * as compiled from "../bench/functions.js";
import * as runtime from "../bench/runtime.js";
import { expectClose } from "./support/helpers.js";
import { fitProblems, problems } from "./support/optimization-problems.js";
import { leastSquares } from "dualts/optimize";
import { fminConjugateGradient, FMIN_GRADIENT_TOLERANCE, mlLevenbergMarquardt } from "../bench/optimize-peers.js";
import { runOptimize } from "../bench/optimize.js";
import { fitVerdict, minimizeVerdict, optimizeSection } from "../bench/optimize-report.js";

const routes = [
  ["default", {}],
  ["chunked", { mode: "forward" }],
  ["chunk 1", { chunk: 1 }],
  ["reverse", { mode: "reverse" }],
] as const;
/** A function over the runtime: grad's default (chunk mode where it has one) and one tangent per pass. */
const onDuals = [{}, { chunk: 1 }] as const;

describe("the benchmark's functions", () => {
  test("are compiled by the transform", () => {
    for (const f of [compiled.bce, compiled.polynomial, compiled.rosenbrock, compiled.ackley, compiled.mlpLoss, compiled.ackleySums, compiled.fitResiduals]) {
      expect(derivativeInfo(f)?.chunkJvp, f.name).toBeTypeOf("function");
      expect(derivativeInfo(f)?.record, f.name).toBeTypeOf("function");
    }
  });

  test("BCE", () => {
    const { xs, ys } = bceData(200);
    const expected = analytic.bceGradient(0.2, -0.7, xs, ys);
    for (const [, options] of routes) {
      expectClose(grad(compiled.bce, { wrt: ["w0", "w1"], ...options })(0.2, -0.7, xs, ys), expected, 1e-12, 1e-14);
    }
    for (const options of onDuals) expectClose(grad(runtime.bce, { wrt: ["w0", "w1"], ...options })(0.2, -0.7, xs, ys), expected, 1e-12, 1e-14);
    const [, directional] = jvp(compiled.bce, [0.2, -0.7, xs, ys], [1, 2], { wrt: ["w0", "w1"] });
    expectClose(directional, expected[0] + 2 * expected[1], 1e-12, 1e-14);
  });

  test("the polynomial", () => {
    for (const [, options] of routes) expectClose(grad(compiled.polynomial, options)(1.5, -2, 0.5), [1, -12, 3.75], 1e-15, 0);
    for (const options of onDuals) expectClose(grad(runtime.polynomial, options)(1.5, -2, 0.5), [1, -12, 3.75], 1e-15, 0);
  });

  test.each([2, 10, 30])("Rosenbrock, n = %i", (n) => {
    const x = point(n, -1, 1.5);
    const expected = analytic.rosenbrockGradient(x);
    for (const [, options] of routes) expectClose(grad(compiled.rosenbrock, options)(x), expected, 1e-12, 1e-12);
    for (const options of onDuals) expectClose(grad(runtime.rosenbrock, options)(x), expected, 1e-12, 1e-12);
  });

  test("Ackley", () => {
    const x = point(20, -2, 2, 7);
    const expected = analytic.ackleyGradient(x);
    for (const [, options] of routes) expectClose(grad(compiled.ackley, options)(x), expected, 1e-10, 1e-12);
    for (const options of onDuals) expectClose(grad(runtime.ackley, options)(x), expected, 1e-10, 1e-12);
  });

  test("the neural network: backpropagation by hand", () => {
    const { X, Y, p } = mlpData(4);
    const expected = analytic.mlpGradient(p, X, Y);
    expect(expected).toHaveLength(compiled.parameterCount);
    for (const [, options] of routes) expectClose(grad(compiled.mlpLoss, { wrt: ["p"], ...options })(p, X, Y), expected, 1e-10, 1e-12);
    for (const options of onDuals) expectClose(grad(runtime.mlpLoss, { wrt: ["p"], ...options })(p, X, Y), expected, 1e-10, 1e-12);
  });

  test("the Rosenbrock Hessian", () => {
    const x = point(6, -1, 1.5, 11);
    const expected = analytic.rosenbrockHessian(x);
    expectClose(hessian(compiled.rosenbrock)(x), expected, 1e-12, 1e-10);
    expectClose(hessian(compiled.rosenbrock, { mode: "reverse" })(x), expected, 1e-12, 1e-10);
    expectClose(hessian(runtime.rosenbrock)(x), expected, 1e-12, 1e-10);
  });

  const jacobianModes = [{}, { mode: "forward" }, { mode: "reverse" }] as const;

  test("the wide Jacobian: Ackley's two sums", () => {
    const x = point(20, -2, 2, 7);
    const expected = analytic.ackleySumsJacobian(x);
    for (const options of jacobianModes) {
      expectClose(jacobian(compiled.ackleySums, options)(x), expected, 1e-12, 1e-12);
      expectClose(jacobian(runtime.ackleySums, options)(x), expected, 1e-12, 1e-12);
    }
  });

  test("the tall Jacobian: an exponential fit's residuals", () => {
    const { ts, ys } = fitData(30);
    const expected = analytic.fitJacobian(1.8, 0.6, ts);
    const wrt = ["a", "b", "c"];
    for (const options of jacobianModes) {
      expectClose(jacobian(compiled.fitResiduals, { wrt, ...options })(1.8, 0.6, 0.4, ts, ys), expected, 1e-12, 1e-12);
      expectClose(jacobian(runtime.fitResiduals, { wrt, ...options })(1.8, 0.6, 0.4, ts, ys), expected, 1e-12, 1e-12);
    }
  });
});

// The benchmark's yardstick, the textbook Dual (bench/minimal-dual.ts): each operation's value and
// tangent agree with dualts' own, and its one-tangent-per-pass gradient with dualts' grad of the same
// function. (The benchmark runs bench/runtime.ts's functions on it, and checks them against the
// hand-written gradients before timing.)
describe("the textbook Dual", () => {
  const unary = ["neg", "exp", "log", "cos", "sqrt", "tanh"] as const;
  const binary = ["add", "sub", "mul", "div"] as const;
  const positive = fc.double({ min: 0.1, max: 5, noNaN: true });
  const tangent = fc.option(fc.double({ min: -5, max: 5, noNaN: true }));
  /** x with tangent t as the textbook's Dual and as dualts' (of one tag); without a tangent, x itself twice. */
  const both = (x: number, t: number | null): [MinimalReal, Real] => (t === null ? [x, x] : [new textbook.MinimalDual(x, t), new Dual(7, x, t)]);
  const parts = (r: unknown) => (r instanceof textbook.MinimalDual ? [r.value, r.tangent] : r instanceof Dual ? [r.primal, r.tangent] : [r, 0]);

  prop.prop([fc.constantFrom(...unary), positive, tangent])("one argument", (name, x, t) => {
    const [mine, theirs] = both(x, t);
    expectClose(parts(textbook[name](mine)), parts(ops[name](theirs)), 1e-14, 1e-300);
  });

  prop.prop([fc.constantFrom(...binary), positive, tangent, positive, tangent])("two arguments", (name, x, dx, y, dy) => {
    const [a, a2] = both(x, dx);
    const [b, b2] = both(y, dy);
    expectClose(parts(textbook[name](a, b)), parts(ops[name](a2, b2)), 1e-14, 1e-300);
  });

  test("its gradient, one tangent per pass, is dualts' gradient", () => {
    type Ops = Pick<typeof ops, "add" | "mul" | "log" | "exp" | "div">;
    // log Σ exp(w0·x + w1·x²) / (1 + w0²), the same text over dualts' operations or the textbook's.
    const over =
      (o: Ops) =>
      (w0: Real, w1: Real, xs: number[]): Real => {
        let total: Real = 0;
        for (const x of xs) total = o.add(total, o.exp(o.add(o.mul(w0, x), o.mul(w1, x * x))));
        return o.div(o.log(total), o.add(1, o.mul(w0, w0)));
      };
    const xs = [0.3, -1.2, 2, 0.7];
    const expected = grad(over(ops), { wrt: [0, 1] })(0.4, -0.25, xs);
    const gradient = textbook.minimalGradient(over(textbook as unknown as Ops) as never, [0.4, -0.25, xs], [0, 1]);
    expectClose(gradient, expected, 1e-14, 1e-300);
    const cubic = (x: MinimalReal[]) => textbook.add(textbook.mul(x[0], x[1]), textbook.pow(x[2], 3));
    expect(textbook.minimalGradient(cubic, [[1.5, -2, 0.5]], [0])).toEqual([-2, 1.5, 0.75]);
  });
});

describe("the optimisation bench", () => {
  const rosenbrock = problems.find((p) => p.name === "Rosenbrock")!;
  const decay = fitProblems.find((p) => p.name.startsWith("Exponential decay"))!;

  test("fmin's conjugate gradients, fed dualts' gradient, reach Rosenbrock's minimum", () => {
    const cg = fminConjugateGradient(rosenbrock.f, rosenbrock.x0, 1000, true);
    expect(cg.converged).toBe(true);
    expect(cg.gradientNorm2).toBeLessThanOrEqual(FMIN_GRADIENT_TOLERANCE);
    expectClose(cg.x, [1, 1], 1e-4, 1e-4);
    // Its line searches evaluate f and ∇f several times each.
    expect(cg.gradients).toBeGreaterThan(cg.iterations);
  });

  test("ml-levenberg-marquardt fits what leastSquares fits, by differences and with dualts' Jacobian", () => {
    const expected = leastSquares(decay.residuals, Array.from(decay.x0));
    for (const exact of [false, true]) {
      const fit = mlLevenbergMarquardt(decay.residuals, decay.x0, 200, exact);
      expectClose(fit.x, expected.x, 1e-6, 1e-8);
      expectClose(fit.value, expected.value, 1e-9, 0);
    }
  });

  test("the report judges the goals from a run's counts", () => {
    const run = runOptimize([rosenbrock], [decay], { budgetMs: 0, quiet: true });
    const [row] = run.minimize;
    expect(row.lbfgs.converged && row.cg.converged).toBe(true);
    expect(minimizeVerdict(row)).toBe(row.lbfgs.gradients < row.cg.gradients ? "fewer" : row.lbfgs.gradients === row.cg.gradients ? "equal" : "more");
    expect(minimizeVerdict({ ...row, cg: { ...row.cg, converged: false } })).toBe("fmin CG failed");
    expect(minimizeVerdict({ ...row, lbfgs: { ...row.lbfgs, converged: false } })).toBe("L-BFGS did not converge");
    const [fit] = run.fits;
    expect(fit.dualts.toTarget).toBeGreaterThan(0);
    expect(fitVerdict({ ...fit, ml: { ...fit.ml, toTarget: Number.NaN } })).toBe("fewer");
    expect(fitVerdict({ ...fit, dualts: { ...fit.dualts, toTarget: Number.NaN } })).toBe("dualts did not reach it");
    expect(fitVerdict({ ...fit, dualts: { ...fit.dualts, toTarget: Number.NaN }, ml: { ...fit.ml, toTarget: Number.NaN } })).toBe("neither reached it");
    const section = optimizeSection(run).join("\n");
    expect(section).toContain("## Optimisation");
    expect(section).toContain(`| Rosenbrock | 2 | ${row.lbfgs.gradients} (${row.lbfgs.iterations} it.) | ${row.cg.gradients} (${row.cg.iterations} it.) |`);
    expect(section).toContain(`| ${decay.name} |`);
    // Not timed (budget 0): no figure, a dash.
    expect(section).toContain("| Rosenbrock | — | — | — | — |");
  });
});
