// vjp and hvp (issue 16): the pullback of every cotangent held against
// finite differences of the untransformed function (cotangent · the
// numerical Jacobian) and against grad and jacobian; H·v against central
// differences of grad along v and against hessian(f)·v. Compiled functions
// (marked below, compiled by the Vitest plugin) and functions over the
// runtime's operations; number and array results; several parameters and
// wrt; how often f runs; how long a pullback's tape lives; the messages for
// a cotangent or a function of the wrong kind.

import { describe, expect, test } from "vitest";
import { fc, test as prop } from "@fast-check/vitest";
import {
  add,
  centralDifference,
  cos,
  derivative,
  derivativeInfo,
  exp,
  grad,
  hessian,
  hvp,
  jacobian,
  mul,
  numericalJacobian,
  sin,
  sqrt,
  sub,
  Tape,
  vjp,
  type DerivativeInfo,
  type Real,
  type Var,
} from "../src/index.js";
import { viaGuarded } from "./programs/recorded-caller.js";
import { expectClose, inNanSafeMode } from "./support/helpers.js";
import { rosenbrock as rosenbrockOps } from "./support/corpus.js";
import { rosenbrock } from "./programs/corpus-plain.js";

/** @differentiable */
function polar(r: number, theta: number): number[] {
  return [r * Math.cos(theta), r * Math.sin(theta), r * r * theta];
}

/** @differentiable */
function waves(scale: number, xs: number[]): number[] {
  const out: number[] = [];
  for (let i = 0; i < xs.length; i++) out.push(scale * Math.sin(xs[i]) + xs[i] * xs[(i + 1) % xs.length]);
  return out;
}

/** @differentiable */
function energy(a: number, xs: number[]): number {
  let sum = 0;
  for (let i = 0; i < xs.length; i++) sum += Math.exp(a * xs[i]) + xs[i] * xs[i] * xs[(i + 1) % xs.length];
  return sum * a;
}

/** @differentiable */
function repeated(x: number): number[] {
  const y = x * x;
  return [y, y, 5];
}

/** @differentiable */
function partly(x: number): number[] {
  return [Math.sqrt(x - 10), x * x];
}

// The same functions over the runtime's operations.
const polarOps = (r: Real, theta: Real): Real[] => [mul(r, cos(theta)), mul(r, sin(theta)), mul(mul(r, r), theta)];
const wavesOps = (scale: Real, xs: Real[]): Real[] => xs.map((x, i) => add(mul(scale, sin(x)), mul(x, xs[(i + 1) % xs.length])));
const energyOps = (a: Real, xs: Real[]): Real => {
  let sum: Real = 0;
  for (let i = 0; i < xs.length; i++) sum = add(sum, add(exp(mul(a, xs[i])), mul(mul(xs[i], xs[i]), xs[(i + 1) % xs.length])));
  return mul(sum, a);
};
const repeatedOps = (x: Real): Real[] => {
  const y = mul(x, x);
  return [y, y, 5];
};
const partlyOps = (x: Real): Real[] => [sqrt(sub(x, 10)), mul(x, x)];

type AnyF = (...args: any[]) => any;

const coordinate = fc.double({ min: -1.5, max: 1.5, noNaN: true });
const weight = fc.double({ min: -3, max: 3, noNaN: true });
const vector = (n: number) => fc.array(coordinate, { minLength: n, maxLength: n });

/** A gradient-shaped result (a number, an array, or one entry per parameter) as one flat list. */
const flat = (g: unknown): number[] => (typeof g === "number" ? [g] : (g as unknown[]).flatMap(flat));

/** ct · J: the cotangent times each column of a Jacobian whose rows are outputs. */
const cotangentTimes = (ct: readonly number[], J: readonly (readonly number[])[]): number[] => J[0].map((_, k) => ct.reduce((s, c, r) => s + c * J[r][k], 0));

/** H · v for a square matrix. */
const times = (H: readonly (readonly number[])[], v: readonly number[]): number[] => H.map((row) => row.reduce((s, h, k) => s + h * v[k], 0));

/** The pullback of ct against the numerical Jacobian of f itself on plain numbers, and against jacobian(f)'s rows. */
function expectPullbackMatches(f: AnyF, args: unknown[], ct: number | number[], options?: { wrt: string | number | (string | number)[] }): void {
  const [, pullback] = vjp(f, args as never, options);
  const seeds = typeof ct === "number" ? [ct] : ct;
  const pulled = flat(pullback(ct));
  expectClose(pulled, cotangentTimes(seeds, numericalJacobian(f, args as never, options)), 1e-6, 1e-6, "against finite differences");
  expectClose(pulled, cotangentTimes(seeds, jacobian(f, options)(...args)), 1e-10, 1e-10, "against jacobian");
}

describe("vjp", () => {
  const rosenbrocks = [
    ["compiled", rosenbrock],
    ["runtime", rosenbrockOps],
  ] as const;
  const polars = [
    ["compiled", polar],
    ["runtime", polarOps],
  ] as const;
  const wavesPair = [
    ["compiled", waves],
    ["runtime", wavesOps],
  ] as const;

  test("a compiled function's pullback runs its record form (the point of generated reverse mode)", () => {
    for (const f of [rosenbrock, polar, waves, energy, repeated, partly]) expect(derivativeInfo(f)?.record, f.name).toBeTypeOf("function");
  });

  describe.each(rosenbrocks)("of a number result (%s)", (_, f) => {
    prop.prop([fc.integer({ min: 2, max: 6 }).chain(vector), weight])("ct · ∇f: finite differences, jacobian, and grad scaled", (x, ct) => {
      const [value, pullback] = vjp(f as AnyF, [x]);
      expectClose(value, rosenbrock(x), 1e-12, 1e-12, "value");
      expectPullbackMatches(f, [x], ct);
      expectClose(pullback(1), grad(f as AnyF)(x), 1e-12, 1e-12, "the pullback of 1 is the gradient");
      expectClose(
        pullback(ct),
        (grad(f as AnyF)(x) as number[]).map((g) => ct * g),
        1e-12,
        1e-12,
        "the pullback of ct is ct times it",
      );
    });
  });

  describe.each(polars)("of an array result, two number parameters (%s)", (_, f) => {
    prop.prop([fc.double({ min: 0.1, max: 3, noNaN: true }), coordinate, vector(3), vector(3)])("each cotangent against ct · J; the pullback called twice", (r, theta, ct1, ct2) => {
      const [value, pullback] = vjp(f as AnyF, [r, theta]);
      expectClose(value, polar(r, theta), 1e-12, 1e-12, "value");
      const J = numericalJacobian(polar, [r, theta]);
      const first = pullback(ct1);
      const second = pullback(ct2);
      expect(Array.isArray(first) && first.length === 2 && first.every((entry) => typeof entry === "number"), "one number per parameter").toBe(true);
      expectClose(first, cotangentTimes(ct1, J), 1e-6, 1e-6, "first cotangent");
      expectClose(second, cotangentTimes(ct2, J), 1e-6, 1e-6, "second cotangent");
      expect(pullback(ct1), "the first cotangent again, after the second").toEqual(first);
    });
  });

  describe.each(wavesPair)("of an array result, a number and an array parameter, and wrt (%s)", (_, f) => {
    const call = fc.integer({ min: 1, max: 5 }).chain((n) => fc.tuple(coordinate, vector(n), vector(n)));
    prop.prop([call])("every selection against ct · J, shaped like grad's result", ([scale, xs, ct]) => {
      expectPullbackMatches(f, [scale, xs], ct);
      expectPullbackMatches(f, [scale, xs], ct, { wrt: "xs" });
      expectPullbackMatches(f, [scale, xs], ct, { wrt: [1, 0] });
      const whole = vjp(f as AnyF, [scale, xs])[1](ct) as [number, number[]];
      expect(typeof whole[0] === "number" && Array.isArray(whole[1]) && whole[1].length === xs.length, "[∂/∂scale, ∂/∂xs]").toBe(true);
      expect(vjp(f as AnyF, [scale, xs], { wrt: "xs" })[1](ct), "wrt: xs gives xs's shape alone").toEqual(whole[1]);
      expect(vjp(f as AnyF, [scale, xs], { wrt: ["xs", "scale"] })[1](ct), "in wrt's order").toEqual([whole[1], whole[0]]);
    });
  });

  test.each([
    ["compiled", repeated],
    ["runtime", repeatedOps],
  ] as const)("an output returned twice takes both seeds; a constant output none (%s)", (_, f) => {
    const [value, pullback] = vjp(f as AnyF, [1.5]);
    expect(value).toEqual([2.25, 2.25, 5]);
    expect(pullback([1, 2, 7])).toBe(3 * 2 * 1.5);
    expect(pullback([0, 0, 7])).toBe(0);
  });

  test.each([
    ["compiled", partly],
    ["runtime", partlyOps],
  ] as const)("where a seeded output is NaN, so is every cotangent; an unseeded one is left out (%s)", (_, f) => {
    const [value, pullback] = vjp(f as AnyF, [3]);
    expect(value).toEqual([NaN, 9]);
    expect(pullback([1, 0])).toBeNaN();
    expect(pullback([0, 2])).toBe(12);
  });

  test("a compiled function whose record form meets a callee without one runs on the runtime's tape", () => {
    for (const [x, y] of [
      [0.7, 1.3],
      [2, -0.5],
    ]) {
      const ct = 1.7;
      const pulled = vjp(viaGuarded, [x, y])[1](ct) as number[];
      expectClose(pulled, cotangentTimes([ct], numericalJacobian(viaGuarded, [x, y])), 1e-6, 1e-6);
    }
  });

  test("Float64Array arguments and cotangents", () => {
    const xs = new Float64Array([0.3, -0.8, 1.1]);
    const ct = new Float64Array([1, -2, 0.5]);
    for (const f of [waves, wavesOps]) {
      const pulled = vjp(f as AnyF, [0.6, xs])[1](ct);
      expectClose(flat(pulled), cotangentTimes(Array.from(ct), numericalJacobian(waves, [0.6, Array.from(xs)])), 1e-6, 1e-6);
    }
  });

  test("f runs once, on a tape; each call of the pullback is a sweep that runs nothing again", () => {
    const runs: string[] = [];
    const spied = (x: Real[]) => {
      runs.push(typeof x[0] === "number" ? "numbers" : "tape");
      return wavesOps(0.5, x);
    };
    const [, pullback] = vjp(spied, [[0.1, 0.2, 0.3]]);
    pullback([1, 0, 0]);
    pullback([0, 1, 0]);
    pullback([0, 0, 1]);
    expect(runs).toEqual(["tape"]);

    // A compiled function: its record form once, and neither it nor the function itself again.
    const info = derivativeInfo(polar)!;
    const counts = { record: 0, primal: 0 };
    const counted = Object.defineProperty((r: number, theta: number) => (counts.primal++, polar(r, theta)), Symbol.for("dualts.derivative"), {
      value: { ...info, record: (...args: Parameters<NonNullable<DerivativeInfo["record"]>>) => (counts.record++, info.record!(...args)) } satisfies DerivativeInfo,
    });
    const [, compiledPullback] = vjp(counted, [1, 2]);
    compiledPullback([1, 0, 0]);
    compiledPullback([0, 1, 1]);
    expect(counts).toEqual({ record: 1, primal: 0 });
  });

  test("the pullback's tape outlives the derivatives taken after it, whose tapes reuse released storage", () => {
    const x = [0.4, -1.2, 0.9, 0.2, 1.3];
    for (const f of [rosenbrock, rosenbrockOps]) {
      const [, pullback] = vjp(f as AnyF, [x]);
      const before = pullback(2.5);
      for (let k = 0; k < 20; k++) {
        grad(rosenbrockOps)(x.map((xi) => xi + k));
        grad(rosenbrock, { mode: "reverse" })(x.map((xi) => xi - k));
        jacobian(wavesOps)(
          0.3,
          x.map((xi) => xi * k),
        );
        vjp(rosenbrockOps, [x.map((xi) => -xi)])[1](1);
      }
      expect(pullback(2.5)).toEqual(before);
    }
  });

  prop.prop([coordinate, coordinate, weight])("inside a derivative, of a function that closes over its variable: Duals of it, against differences", (t, y, ct) => {
    // g(t) = the pullback of ct at y of y ↦ [t·sin y, exp(t·y)]... summed through ct: ct·t·cos y + ct·t·exp(t·y).
    const pulledAt = (s: Real) => vjp((u: Real) => [mul(s, sin(u)), exp(mul(s, u))], [y])[1]([ct, ct]) as Real;
    const plain = (s: number) => pulledAt(s) as number;
    const difference = centralDifference((h) => plain(t + h), Math.abs(t));
    expectClose(derivative(pulledAt)(t), difference.derivative, 1e-6, 1e-6);
    expectClose(plain(t), ct * t * Math.cos(y) + ct * t * Math.exp(t * y), 1e-12, 1e-12);
  });
});

describe("hvp", () => {
  const energies = [
    ["compiled", energy],
    ["runtime", energyOps],
  ] as const;

  /** The args shifted by t·v over the parameters at `params` (v one entry per selected parameter, as hvp takes it). */
  const shifted = (args: unknown[], params: readonly number[], v: readonly (number | number[])[], t: number) =>
    args.map((arg, i) => {
      const j = params.indexOf(i);
      if (j < 0) return arg;
      return typeof arg === "number" ? arg + t * (v[j] as number) : (arg as number[]).map((a, k) => a + t * (v[j] as number[])[k]);
    });

  /** hvp of f at args along v against hessian(f)·v and against central differences of grad along v. */
  function expectProductMatches(f: AnyF, args: unknown[], v: (number | number[])[], params: readonly number[], wrt?: string | (string | number)[]): void {
    const options = wrt === undefined ? undefined : { wrt };
    const product = hvp(f, args as never, v, options);
    expectClose(flat(product), times(hessian(f, options)(...args), flat(v)), 1e-10, 1e-10, "against hessian · v");
    const gradientAlong = (t: number) => flat(grad(f, options)(...shifted(args, params, v, t)));
    const differences = gradientAlong(0).map((_, k) => centralDifference((t) => gradientAlong(t)[k], 1).derivative);
    expectClose(flat(product), differences, 1e-6, 1e-6, "against differences of grad along v");
  }

  describe.each([
    ["compiled", rosenbrock],
    ["runtime", rosenbrockOps],
  ] as const)("of one array parameter (%s)", (_, f) => {
    prop.prop([fc.integer({ min: 2, max: 6 }).chain((n) => fc.tuple(vector(n), vector(n)))])("against hessian · v and differences of grad", ([x, v]) => {
      expectProductMatches(f, [x], [v], [0]);
      expect(Array.isArray(hvp(f as AnyF, [x], [v])), "shaped like x").toBe(true);
    });
  });

  describe.each(energies)("of several parameters, and wrt (%s)", (_, f) => {
    const call = fc.integer({ min: 1, max: 4 }).chain((n) => fc.tuple(coordinate, vector(n), coordinate, vector(n)));
    prop.prop([call])("every selection against hessian · v and differences of grad", ([a, xs, va, vxs]) => {
      expectProductMatches(f, [a, xs], [va, vxs], [0, 1]);
      expectProductMatches(f, [a, xs], [vxs], [1], "xs");
      expectProductMatches(f, [a, xs], [vxs, va], [1, 0], ["xs", "a"]);
      const [onA, onXs] = hvp(f as AnyF, [a, xs], [va, vxs]) as [number, number[]];
      expect(typeof onA === "number" && onXs.length === xs.length, "[(H·v) for a, for xs]").toBe(true);
    });
  });

  test("one pass: f runs once, on Duals over tape variables, however many inputs", () => {
    const runs: string[] = [];
    const spied = (x: Real[]) => {
      runs.push(typeof x[0] === "number" ? "numbers" : "pass");
      return rosenbrockOps(x);
    };
    const x = Array.from({ length: 20 }, (_, i) => Math.sin(i));
    const v = Array.from({ length: 20 }, (_, i) => Math.cos(3 * i));
    const product = hvp(spied, [x], [v]);
    expect(runs).toEqual(["pass"]);
    expectClose(product, times(hessian(rosenbrockOps)(x), v), 1e-10, 1e-10);

    // A compiled function: its generic form, once.
    const info = derivativeInfo(energy)!;
    let generic = 0;
    const counted = Object.defineProperty((a: number, xs: number[]) => energy(a, xs), Symbol.for("dualts.derivative"), {
      value: { ...info, generic: (...args: Parameters<DerivativeInfo["generic"]>) => (generic++, info.generic(...args)) } satisfies DerivativeInfo,
    });
    hvp(counted, [0.5, [0.1, 0.2, 0.3, 0.4, 0.5, 0.6]], [1, [1, 0, 0, 0, 0, 1]]);
    expect(generic).toBe(1);
  });

  prop.prop([coordinate, fc.double({ min: 0.2, max: 1.5, noNaN: true }), weight])("inside another derivative (forward over forward) and in NaN-safe mode, as at the top", (t, x, v) => {
    // f(x) = t·x³·sin x; hvp along v, then its derivative in t.
    const productAt = (s: Real) => hvp((u: Real) => mul(mul(s, mul(u, mul(u, u))), sin(u)), [x], [v]) as Real;
    const difference = centralDifference((h) => productAt(t + h) as number, Math.abs(t));
    expectClose(derivative(productAt)(t), difference.derivative, 1e-6, 1e-6, "nested");
    expectClose(
      inNanSafeMode(true, () => productAt(t)),
      productAt(t),
      1e-12,
      1e-12,
      "NaN-safe",
    );
  });
});

describe("the tape's seeded sweep", () => {
  test("backwardFrom sets each node's adjoint to Σ seed · ∂output/∂node", () => {
    const tape = new Tape();
    const x = tape.input(2);
    const y = tape.input(3);
    const z = mul(x, y) as Var;
    const w = sin(x) as Var;
    tape.backwardFrom([z, w, 4, z], [1, 2, 5, 0.5]);
    expectClose([x.adjoint, y.adjoint], [1.5 * 3 + 2 * Math.cos(2), 1.5 * 2], 1e-15, 0);
    expect(() => tape.backwardFrom([z], [1, 2])).toThrow("backwardFrom: 1 output(s) take as many seeds, not 2");
    expect(() => tape.backwardFrom([new Tape().input(1)], [1])).toThrow("backwardFrom: output 0 was not recorded on this tape");
  });
});

describe("errors", () => {
  test("a cotangent not shaped like the result", () => {
    const [, ofNumber] = vjp(rosenbrock, [[1, 2, 3]]);
    const [, ofArray] = vjp(polar, [1, 2]);
    const [, ofRuntime] = vjp(polarOps, [1, 2]);
    expect(() => ofNumber([1])).toThrow("vjp(rosenbrock) pullback: the cotangent must be a number, like rosenbrock's result, but is an array of 1");
    expect(() => ofNumber(Infinity)).toThrow("vjp(rosenbrock) pullback: the cotangent is Infinity; cotangents must be finite numbers");
    expect(() => ofArray(1)).toThrow("vjp(polar) pullback: the cotangent must be an array of 3, like polar's result, but is the number 1");
    expect(() => ofArray([1, 2])).toThrow("vjp(polar) pullback: the cotangent must be an array of 3, like polar's result, but is an array of 2");
    expect(() => ofRuntime([1, 2, 3, 4])).toThrow("vjp(polarOps) pullback: the cotangent must be an array of 3, like polarOps's result, but is an array of 4");
    expect(() => ofArray(new Float64Array(2))).toThrow("but is a Float64Array of 2");
    expect(() => ofArray([1, NaN, 0])).toThrow("vjp(polar) pullback: the cotangent's entry [1] is NaN; cotangents must be finite numbers");
    // eslint-disable-next-line no-sparse-arrays
    expect(() => ofArray([1, , 0] as number[])).toThrow("vjp(polar) pullback: the cotangent's entry [1] is missing (the array has a hole there); cotangents must be finite numbers");
    expect(() => ofArray(["1", 0, 0] as never)).toThrow('the cotangent\'s entry [0] is a string ("1")');
    expect(() => (ofArray as (...args: unknown[]) => unknown)()).toThrow("vjp(polar) pullback: the pullback takes one cotangent, shaped like polar's result, but 0 arguments were given");
    expect(() => (ofArray as (...args: unknown[]) => unknown)([1, 2, 3], 1)).toThrow("but 2 arguments were given");
  });

  test("hvp of a function that does not return a number", () => {
    for (const f of [polar, polarOps]) {
      expect(() => hvp(f as AnyF, [1, 2], [1, 0])).toThrow(
        `hvp(${f.name}): ${f.name} returned an array, but a number was expected; hvp is the Hessian-vector product of a function that returns a number`,
      );
    }
  });

  test("f, args, the vector and the options, checked as jvp checks them", () => {
    expect(() => vjp(42 as never, [1] as never)).toThrow("vjp expects a function, but got the number 42");
    expect(() => hvp(42 as never, [1] as never, [1])).toThrow("hvp expects a function, but got the number 42");
    expect(() => vjp(rosenbrock, 3 as never)).toThrow("vjp(rosenbrock): args must be an array of rosenbrock's arguments, not the number 3");
    // v is named as v, not as jvp's tangents.
    expect(() => hvp(rosenbrock, [[1, 2, 3]], [[1, 2]])).toThrow("hvp(rosenbrock): the entry of v for x must be an array of 3, like x itself, but is an array of 2");
    expect(() => hvp(rosenbrock, [[1, 2, 3]], [[1, 2, 3], [1]] as never)).toThrow("hvp(rosenbrock): expected v to have 1 entry, one per selected parameter, but got 2");
    expect(() => hvp(rosenbrock, [[1, 2, 3]], [[1, Infinity, 3]])).toThrow("hvp(rosenbrock): the entry of v for x[1] is Infinity; v's entries must be finite numbers");
    expect(() => hvp(rosenbrock, [[1, 2, 3]], 5 as never)).toThrow("hvp(rosenbrock): v must be an array with one entry per selected parameter (1), not the number 5");
    expect(() => vjp(rosenbrock, [[1, 2]], { mode: "reverse" } as never)).toThrow("vjp(rosenbrock): unknown option 'mode'; vjp takes wrt");
    expect(() => hvp(energy, [1, [1, 2]], [1, [1, 1]], { wrt: "b" })).toThrow("hvp(energy): wrt names 'b', which is not a parameter of energy(a, xs)");
    expect(() => vjp(rosenbrock, [[1, NaN]])).toThrow("vjp(rosenbrock): x[1] is NaN; derivatives are taken at finite inputs only");
  });

  test("vjp inside another derivative's variables", () => {
    expect(() => derivative((x: Real) => vjp((y: Real) => mul(y, y), [x])[1](1) as Real)(2)).toThrow(
      "vjp(the function): y is not a plain number: vjp runs reverse mode, which cannot run inside another derivative. Take the inner derivative with jvp or grad (forward mode nests), or move vjp outside.",
    );
  });
});
