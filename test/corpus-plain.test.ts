// The corpus of standard AD test functions written as plain TypeScript
// (test/programs/corpus-plain*.ts) and compiled by the transform through the
// Vite plugin, through every API function: closed-form derivatives, finite
// differences, forward against reverse mode, Jacobians in both modes, and
// Hessians (both modes, symmetric, against finite differences of the
// closed-form gradient and, where it is short, the closed-form Hessian).
//
// Forward mode runs the generated JVP; reverse mode and Hessians run the
// generated generic form on tape variables and nested Duals. Each function's
// checks are split along those lines, so a failure says which code is wrong.

import { describe, expect, test } from "vitest";
import { fc } from "@fast-check/vitest";
import { checkGradient, derivative, derivativeInfo, grad, hessian, jacobian, jvp, numericalGradient, numericalJacobian, valueAndGrad } from "../src/index.js";
import * as plain from "./programs/corpus-plain.js";
import { ackleyGradient, rosenbrockGradient, twistJacobian } from "./support/corpus.js";
import * as closed from "./support/corpus-plain.closed.js";
import { expectClose } from "./support/helpers.js";

type Fn = (...args: any[]) => any;

// Modules whose functions currently fail to compile, loaded lazily so that only their own tests fail.
const loadAckley = () => import("./programs/corpus-plain-ackley.js");
const loadControlFlow = () => import("./programs/corpus-plain-control-flow.js");
const loadMethodWrt = () => import("./programs/corpus-plain-method-wrt.js");

const RUNS = { numRuns: 25 };
const real = (min: number, max: number) => fc.double({ min, max, noNaN: true });
const vector = (min: number, max: number, minLength: number, maxLength: number) => fc.array(real(min, max), { minLength, maxLength });
/** Inputs farther from a kink than the finite differences' first step (0.01·max(1, |x|)). */
const awayFrom =
  (points: number[], by = 0.04) =>
  (x: number) =>
    points.every((p) => Math.abs(x - p) > by);

/** Every entry of a gradient (a number, an array, or one entry per parameter), in order. */
const flat = (g: unknown): number[] => (typeof g === "number" ? [g] : Array.from(g as ArrayLike<unknown>).flatMap(flat));
const transpose = (m: number[][]) => m[0].map((_, j) => m.map((row) => row[j]));

/** A tangent for each selected parameter, shaped like it. */
const directions = (args: unknown[], params: number[]) => params.map((p, i) => (typeof args[p] === "number" ? 0.5 - i / 4 : Array.from(args[p] as ArrayLike<number>, (_, k) => Math.cos(3 * k + i))));

interface ScalarSpec {
  readonly f: () => Fn | Promise<Fn>;
  readonly args: fc.Arbitrary<unknown[]>;
  /** The selected parameters, in grad's order (the compiled wrt). */
  readonly params: number[];
  /** The closed-form gradient, shaped like grad's result. */
  readonly gradient: Fn;
  readonly hessian?: Fn;
  /** Relative tolerance against the closed forms. */
  readonly rtol?: number;
}

/** Forward mode (the generated JVP), reverse mode (the generic form on a tape) and the Hessian, each a property over spec.args. */
function scalarFunction(name: string, spec: ScalarSpec): void {
  const rtol = spec.rtol ?? 1e-10;
  const atol = 1e-12;
  describe(name, () => {
    test("forward: grad, valueAndGrad and jvp match the closed form; finite differences agree", async () => {
      const f = await spec.f();
      fc.assert(
        fc.property(spec.args, (args) => {
          const expected = spec.gradient(...args);
          expectClose(grad(f)(...args), expected, rtol, atol);
          const [value, gradient] = valueAndGrad(f)(...args);
          expect(value).toBe(f(...args));
          expectClose(gradient, expected, rtol, atol);
          const tangents = directions(args, spec.params);
          const [jvpValue, tangent] = jvp(f, args as never, tangents);
          expect(jvpValue).toBe(f(...args));
          const terms = flat(expected).map((g, k) => g * flat(tangents)[k]);
          expectClose(
            tangent,
            terms.reduce((a, b) => a + b, 0),
            rtol,
            atol + rtol * terms.reduce((a, b) => a + Math.abs(b), 0),
          );
          expectClose(numericalGradient(f, args as never), expected, 1e-6, 1e-8);
          checkGradient(f, args as never, { rtol: 1e-6, atol: 1e-8 });
        }),
        RUNS,
      );
    });

    test("reverse: grad and valueAndGrad match forward mode and the closed form; checkGradient passes", async () => {
      const f = await spec.f();
      fc.assert(
        fc.property(spec.args, (args) => {
          const reverse = grad(f, { mode: "reverse" })(...args);
          expectClose(reverse, spec.gradient(...args), rtol, atol);
          expectClose(reverse, grad(f)(...args), 1e-12, atol);
          expectClose(valueAndGrad(f, { mode: "reverse" })(...args), [f(...args), reverse], 1e-15, 0);
          checkGradient(f, args as never, { mode: "reverse", rtol: 1e-6, atol: 1e-8 });
        }),
        RUNS,
      );
    });

    test("hessian: both modes agree, symmetric, the Jacobian of the closed-form gradient", async () => {
      const f = await spec.f();
      fc.assert(
        fc.property(spec.args, (args) => {
          const forward = hessian(f, { mode: "forward" })(...args);
          expectClose(forward, transpose(forward), 1e-12, atol);
          expectClose(hessian(f)(...args), forward, 1e-10, 1e-10); // forward over reverse
          const gradientOfArgs = (...a: unknown[]) => flat(spec.gradient(...a));
          expectClose(forward, numericalJacobian(gradientOfArgs, args, { wrt: spec.params }), 1e-6, 1e-6);
          if (spec.hessian) expectClose(forward, spec.hessian(...args), rtol, 1e-10);
        }),
        RUNS,
      );
    });
  });
}

interface VectorSpec {
  readonly f: Fn;
  readonly args: fc.Arbitrary<unknown[]>;
  readonly params: number[];
  readonly jacobian: Fn;
}

function vectorFunction(name: string, spec: VectorSpec): void {
  const { f } = spec;
  describe(name, () => {
    test("forward: jacobian and jvp match the closed form; finite differences agree", () => {
      fc.assert(
        fc.property(spec.args, (args) => {
          const expected = spec.jacobian(...args) as number[][];
          expectClose(jacobian(f, { mode: "forward" })(...args), expected, 1e-12, 1e-12);
          expectClose(jacobian(f)(...args), expected, 1e-12, 1e-12);
          const tangents = directions(args, spec.params);
          const [value, tangent] = jvp(f, args as never, tangents);
          expectClose(value, Array.from(f(...args)), 0, 0);
          const along = flat(tangents);
          expectClose(
            tangent,
            expected.map((row) => row.reduce((s, j, k) => s + j * along[k], 0)),
            1e-12,
            1e-12,
          );
          expectClose(numericalJacobian(f, args as never), expected, 1e-6, 1e-8);
        }),
        RUNS,
      );
    });

    test("reverse: jacobian matches forward mode and the closed form", () => {
      fc.assert(
        fc.property(spec.args, (args) => {
          const reverse = jacobian(f, { mode: "reverse" })(...args);
          expectClose(reverse, spec.jacobian(...args), 1e-12, 1e-12);
          expectClose(reverse, jacobian(f, { mode: "forward" })(...args), 1e-12, 1e-12);
        }),
        RUNS,
      );
    });
  });
}

const model = new plain.Model(3);

describe("scalar → scalar", () => {
  const one = (min: number, max: number, keep: (x: number) => boolean = () => true) =>
    real(min, max)
      .filter(keep)
      .map((x) => [x]);
  const cases: [string, () => Fn, (x: number) => number, (x: number) => number, fc.Arbitrary<unknown[]>][] = [
    ["x·sin x", () => plain.xSinX, (x) => Math.sin(x) + x * Math.cos(x), (x) => 2 * Math.cos(x) - x * Math.sin(x), one(-4, 4)],
    ["exp(−x²)", () => plain.gaussian, (x) => -2 * x * Math.exp(-x * x), (x) => (4 * x * x - 2) * Math.exp(-x * x), one(-3, 3)],
    [
      "log(1 + x²)/x",
      () => plain.logOverX,
      (x) => ((2 * x * x) / (1 + x * x) - Math.log1p(x * x)) / (x * x),
      (x) => ((4 * x) / (1 + x * x) ** 2 - (2 * x) / (1 + x * x)) / (x * x) - (2 * ((2 * x * x) / (1 + x * x) - Math.log1p(x * x))) / x ** 3,
      one(-4, 4, (x) => Math.abs(x) > 0.2),
    ],
    [
      "tanh(x)³",
      () => plain.tanhCubed,
      (x) => 3 * Math.tanh(x) ** 2 * (1 - Math.tanh(x) ** 2),
      (x) => {
        const t = Math.tanh(x);
        const s = 1 - t * t;
        return 6 * t * s * (1 - 2 * t * t);
      },
      one(-3, 3),
    ],
    ["√(1 + x⁴)", () => plain.sqrtQuartic, (x) => (2 * x ** 3) / Math.sqrt(1 + x ** 4), (x) => (6 * x ** 2 + 2 * x ** 6) / (1 + x ** 4) ** 1.5, one(-2, 2)],
    ["x⁵ through the recursive power (a differentiable arrow)", () => plain.power5, (x) => 5 * x ** 4, (x) => 20 * x ** 3, one(-2, 2)],
    [
      "piecewise: a ternary and an early return",
      () => plain.piecewise,
      (x) => (x < 0 ? 2 * x + 0.5 : x > 1 ? (Math.cos(x) - Math.sin(x)) * Math.exp(1 - x) : Math.cos(x) + 0.5),
      (x) => (x < 0 ? 2 : x > 1 ? -2 * Math.cos(x) * Math.exp(1 - x) : -Math.sin(x)),
      one(-3, 3, awayFrom([0, 1])),
    ],
    ["a method: model.energy = ½·k·x² + cos x", () => model.energy, (x) => 3 * x - Math.sin(x), (x) => 3 - Math.cos(x), one(-3, 3)],
    ["a declaration calling a differentiable arrow: bump(x, 2x)·x", () => plain.bumpTwice, (x) => closed.bumpTwiceDerivatives(x)[0], (x) => closed.bumpTwiceDerivatives(x)[1], one(-2, 2)],
  ];

  for (const [name, f, df, d2f, args] of cases) {
    scalarFunction(name, { f, args, params: [0], gradient: df, hessian: (x: number) => [[d2f(x)]] });

    test(`${name}: derivative, and derivative of derivative (nested forward mode)`, () => {
      fc.assert(
        fc.property(args, ([x]) => {
          expectClose(derivative(f())(x as number), df(x as number), 1e-10, 1e-12);
          expectClose(derivative((t: number) => derivative(f())(t))(x as number), d2f(x as number), 1e-10, 1e-10);
        }),
        RUNS,
      );
    });
  }
});

describe("the recursive power(x, n), differentiated with respect to x only", () => {
  const args = fc.tuple(real(-2, 2), fc.integer({ min: 0, max: 7 })).map(([x, n]) => [x, n] as unknown[]);
  scalarFunction("power(x, n)", {
    f: () => plain.power,
    args,
    params: [0],
    gradient: (x: number, n: number) => (n === 0 ? 0 : n * x ** (n - 1)),
    hessian: (x: number, n: number) => [[n < 2 ? 0 : n * (n - 1) * x ** (n - 2)]],
  });

  test("is registered with wrt x, and wrt n is refused", () => {
    expect(derivativeInfo(plain.power)).toMatchObject({ name: "power", parameters: ["x", "n"], wrt: [0] });
    expect(() => grad(plain.power, { wrt: "n" })(2, 3)).toThrow("grad(power): power was compiled differentiable only with respect to x, not n");
  });
});

describe("vector → scalar", () => {
  scalarFunction("Rosenbrock over number[]", {
    f: () => plain.rosenbrock,
    args: vector(-2, 2, 2, 8).map((x) => [x]),
    params: [0],
    gradient: rosenbrockGradient,
    hessian: closed.rosenbrockHessian,
  });

  scalarFunction("Ackley over a Float64Array, with for…of", {
    f: async () => (await loadAckley()).ackley,
    args: vector(-2, 2, 1, 6)
      .filter((x) => Math.hypot(...x) > 0.1)
      .map((x) => [new Float64Array(x)]),
    params: [0],
    gradient: (x: Float64Array) => ackleyGradient(Array.from(x)),
    rtol: 1e-9,
  });

  scalarFunction("dot(a: number[], b: Float64Array)", {
    f: () => plain.dot,
    args: fc
      .integer({ min: 1, max: 6 })
      .chain((n) => fc.tuple(vector(-3, 3, n, n), vector(-3, 3, n, n)))
      .map(([a, b]) => [a, new Float64Array(b)]),
    params: [0, 1],
    gradient: closed.dotGradient,
    hessian: closed.dotHessian,
  });

  scalarFunction("Σ wᵢ·xᵢ² with a while loop, wrt x only", {
    f: () => plain.weightedSumOfSquares,
    args: fc.integer({ min: 1, max: 6 }).chain((n) => fc.tuple(vector(-3, 3, n, n), vector(0, 2, n, n))),
    params: [0],
    gradient: closed.weightedSumOfSquaresGradient,
    hessian: closed.weightedSumOfSquaresHessian,
  });

  scalarFunction("control flow: early return, for…of + continue, while + break, do…while + switch, return in a loop", {
    f: async () => (await loadControlFlow()).controlFlow,
    args: vector(-2.5, 2.5, 1, 7)
      .filter((x) => x.every(awayFrom([-1.5, 1.9, 1.95])))
      .map((x) => [x]),
    params: [0],
    gradient: closed.controlFlowGradient,
  });

  test("control flow: the early return on an empty array gives an empty gradient in both modes", async () => {
    const { controlFlow } = await loadControlFlow();
    expect(grad(controlFlow)([])).toEqual([]);
    expect(grad(controlFlow, { mode: "reverse" })([])).toEqual([]);
  });

  test("control flow: every branch is taken by the fixed points", async () => {
    const { controlFlow } = await loadControlFlow();
    // −2 is skipped by continue, 1.92 stops the while loop, 1.97 returns from the last loop.
    for (const x of [[0.3, -2, 0.7, 1.2, -0.4], [0.5, 1.92, -0.3, 0.8], [0.2, -0.6, 1.1, 1.97, 0.4], [1.3]]) {
      expectClose(grad(controlFlow)(x), closed.controlFlowGradient(x), 1e-12, 1e-12);
      expectClose(grad(controlFlow, { mode: "reverse" })(x), closed.controlFlowGradient(x), 1e-12, 1e-12);
    }
  });
});

describe("calls between differentiable functions", () => {
  scalarFunction("logistic squared error: calls sigmoid per point and sumOfSquares on a pushed array", {
    f: () => plain.logisticSquaredError,
    args: fc
      .tuple(
        real(-2, 2),
        real(-2, 2),
        fc.integer({ min: 1, max: 6 }).chain((n) => fc.tuple(vector(-3, 3, n, n), fc.array(fc.constantFrom(0, 1), { minLength: n, maxLength: n }))),
      )
      .map(([w0, w1, [xs, ys]]) => [w0, w1, new Float64Array(xs), new Float64Array(ys)]),
    params: [0, 1],
    gradient: closed.logisticSquaredErrorGradient,
    hessian: closed.logisticSquaredErrorHessian,
  });
});

describe("differentiable(…) expressions", () => {
  scalarFunction("an arrow: bump(x, y) = √(x² + y² + 1) + x·exp(−y)", {
    f: () => plain.bump,
    args: fc.tuple(real(-3, 3), real(-2, 2)),
    params: [0, 1],
    gradient: closed.bumpGradient,
    hessian: closed.bumpHessian,
  });

  scalarFunction("a function expression: softplusSum(x: number[], scale)", {
    f: () => plain.softplusSum,
    args: fc.tuple(vector(-3, 3, 1, 6), real(0.5, 3)),
    params: [0, 1],
    gradient: closed.softplusSumGradient,
  });
});

describe("methods", () => {
  scalarFunction("model.coupling(x, y) = k·(x − y)² + sin(x·y)", {
    f: () => model.coupling,
    args: fc.tuple(real(-2, 2), real(-2, 2)),
    params: [0, 1],
    gradient: (x: number, y: number) => closed.couplingGradient(3, x, y),
    hessian: (x: number, y: number) => closed.couplingHessian(3, x, y),
  });

  scalarFunction('@differentiable({ wrt: ["x"] }): thermostat.freeEnergy(x, temperature)', {
    f: async () => new (await loadMethodWrt()).Thermostat(2).freeEnergy,
    args: fc.tuple(real(-3, 3), real(0, 2)),
    params: [0],
    gradient: (x: number, t: number) => 2 * x - (2 * t * x) / (1 + x * x),
    hessian: (x: number, t: number) => [[2 - (2 * t * (1 - x * x)) / (1 + x * x) ** 2]],
  });

  test("each instance's method is registered and bound to that instance", () => {
    expect(derivativeInfo(model.energy)).toMatchObject({ name: "energy", parameters: ["x"], wrt: [0], result: "scalar" });
    const stiff = new plain.Model(10);
    expect(grad(stiff.energy)(0.5)).toBeCloseTo(10 * 0.5 - Math.sin(0.5), 14);
    expect(grad(model.energy)(0.5)).toBeCloseTo(3 * 0.5 - Math.sin(0.5), 14);
    expect(grad(stiff.energy, { mode: "reverse" })(0.5)).toBeCloseTo(10 * 0.5 - Math.sin(0.5), 14);
  });
});

describe("vector → vector", () => {
  vectorFunction("prefix products into new Array(n).fill(0), written in place", {
    f: plain.prefixProducts,
    args: vector(-2, 2, 1, 6).map((x) => [x]),
    params: [0],
    jacobian: closed.prefixProductsJacobian,
  });

  vectorFunction("a running sum in a new Float64Array(n), copied out with push", {
    f: plain.cumulativeExp,
    args: vector(-2, 2, 1, 6).map((x) => [new Float64Array(x)]),
    params: [0],
    jacobian: closed.cumulativeExpJacobian,
  });

  vectorFunction("polar pairs pushed into []", {
    f: plain.polarPairs,
    args: fc.integer({ min: 1, max: 4 }).chain((n) => fc.tuple(vector(0.1, 3, n, n), vector(-3, 3, n, n))),
    params: [0, 1],
    jacobian: closed.polarPairsJacobian,
  });

  vectorFunction("the twist, returned as an array literal", {
    f: plain.twist,
    args: fc.tuple(real(0.1, 3), real(-3, 3)),
    params: [0, 1],
    jacobian: twistJacobian,
  });

  test("one column: jacobian with wrt, and jvp along theta alone", () => {
    fc.assert(
      fc.property(real(0.1, 3), real(-3, 3), (r, theta) => {
        const column = twistJacobian(r, theta).map((row) => [row[1]]);
        expectClose(jacobian(plain.twist, { wrt: "theta" })(r, theta), column, 1e-12, 1e-14);
        expectClose(jacobian(plain.twist, { wrt: "theta", mode: "reverse" })(r, theta), column, 1e-12, 1e-14);
        expectClose(
          jvp(plain.twist, [r, theta], [1], { wrt: "theta" })[1],
          column.map((c) => c[0]),
          1e-12,
          1e-14,
        );
      }),
      RUNS,
    );
  });
});
