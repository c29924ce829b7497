// The derivative API's result types (src/api/types.ts) against what the
// runtime returns. Each case states its type with expectTypeOf, which
// `tsc -p test/tsconfig.json` checks, and the value's shape at run time, for
// functions compiled by the transform and functions over the runtime's
// operations, so that the types and the runtime cannot drift apart.

import { describe, expect, expectTypeOf, test } from "vitest";
import { add, derivative, differentiable, grad, hessian, hvp, jacobian, jvp, mul, numericalGradient, sin, valueAndGrad, vjp, type AnyGradient, type Real } from "../src/index.js";

/** A result's shape at run time: "number", "number[n]" for a plain array of numbers, "Float64Array[n]", or a list of shapes. */
function shapeOf(value: unknown): unknown {
  if (typeof value === "number") return "number";
  if (value instanceof Float64Array) return `Float64Array[${value.length}]`;
  if (Array.isArray(value)) return value.every((v) => typeof v === "number") ? `number[${value.length}]` : value.map(shapeOf);
  return typeof value;
}

/** @differentiable */
function square(x: number): number {
  return x * x;
}

/** @differentiable */
function sumOfSquares(x: number[]): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i] * x[i];
  return s;
}

/** @differentiable */
function readonlySum(x: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i] * x[i];
  return s;
}

/** @differentiable */
function typedSum(x: Float64Array): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i] * x[i];
  return s;
}

/** @differentiable */
function pair(a: number, b: number): number {
  return a * a * b;
}

/** @differentiable */
function affine(w: number[], b: number): number {
  return w[0] * b + w[1] * b * b;
}

/** @differentiable */
function labelled(label: string, x: number): number {
  return label.length * x * x;
}

/** @differentiable */
function restSum(...xs: number[]): number {
  let s = 0;
  for (const x of xs) s += x * x;
  return s;
}

/** @differentiable */
function withDefault(x: number, y = 2 * x): number {
  return x * y;
}

/** @differentiable */
function outputs(x: Float64Array): number[] {
  return [x[0] * x[1], x[1]];
}

/** @differentiable */
function typedOutputs(x: number): Float64Array {
  const out = new Float64Array(2);
  out[0] = x * x;
  out[1] = 3 * x;
  return out;
}

/** @differentiable wrt(w0, w1) */
function tagged(w0: number, w1: number, xs: Float64Array): number {
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += (w0 + w1 * xs[i]) ** 2;
  return s;
}

const scaled = differentiable((x: number, k: number) => x * k, { wrt: ["x"] });

const runtimeSquare = (x: Real) => mul(x, x);
const runtimePair = (a: Real, b: Real) => mul(mul(a, a), b);
const runtimeAffine = (w: Real[], b: Real) => add(mul(w[0], b), mul(mul(w[1], b), b));
const runtimeTyped = (x: Float64Array) => add(mul(x[0], x[0]), mul(x[1], x[1]));
const runtimeLabelled = (label: string, x: Real) => mul(label.length, mul(x, x));
const runtimeRest = (...xs: Real[]) => xs.reduce<Real>((s, x) => add(s, mul(x, x)), 0);

const w = [1, 2];
const f64 = new Float64Array([1, 2]);
const routes = [{}, { mode: "forward" }, { mode: "reverse" }, { chunk: 1 }] as const;

describe("grad's type follows f's parameters", () => {
  test("one number → number", () => {
    for (const options of routes) {
      const compiled = grad(square, options)(3);
      const runtime = grad(runtimeSquare, options)(3);
      expectTypeOf(compiled).toEqualTypeOf<number>();
      expectTypeOf(runtime).toEqualTypeOf<number>();
      expect([shapeOf(compiled), shapeOf(runtime)]).toEqual(["number", "number"]);
    }
  });

  test("number[], readonly number[] and Float64Array → number[], a plain array on every route", () => {
    for (const options of routes) {
      const results = [grad(sumOfSquares, options)(w), grad(readonlySum, options)(w), grad(typedSum, options)(f64), grad(runtimeTyped, options)(f64)];
      expectTypeOf(results).toEqualTypeOf<number[][]>();
      expect(results.map(shapeOf)).toEqual(["number[2]", "number[2]", "number[2]", "number[2]"]);
    }
    // Past one chunk of lanes, and in reverse mode by default.
    const long = new Float64Array(20).fill(0.5);
    expect(shapeOf(grad(typedSum)(long))).toBe("number[20]");
  });

  test("two numbers → [number, number]; an array and a number → [number[], number]", () => {
    for (const options of routes) {
      const pairs = [grad(pair, options)(2, 3), grad(runtimePair, options)(2, 3)];
      const mixed = [grad(affine, options)(w, 3), grad(runtimeAffine, options)(w, 3)];
      expectTypeOf(pairs).toEqualTypeOf<[number, number][]>();
      expectTypeOf(mixed).toEqualTypeOf<[number[], number][]>();
      expect(pairs.map(shapeOf)).toEqual(["number[2]", "number[2]"]);
      expect(mixed.map(shapeOf)).toEqual([
        ["number[2]", "number"],
        ["number[2]", "number"],
      ]);
    }
  });

  test("data parameters (a string here) are left out", () => {
    const compiled = grad(labelled)("ab", 3);
    const runtime = grad(runtimeLabelled)("ab", 3);
    expectTypeOf(compiled).toEqualTypeOf<number>();
    expectTypeOf(runtime).toEqualTypeOf<number>();
    expect([compiled, runtime]).toEqual([12, 12]);
  });

  test("a parameter the call leaves out is not an input", () => {
    const omitted = grad(withDefault)(3);
    const passed = grad(withDefault)(3, 4);
    expectTypeOf(omitted).toEqualTypeOf<number>();
    expectTypeOf(passed).toEqualTypeOf<[number, number]>();
    expect([shapeOf(omitted), shapeOf(passed)]).toEqual(["number", "number[2]"]);
  });

  test("a rest parameter: one array for a compiled function, one entry per number at run time; the type is either", () => {
    const compiled = grad(restSum)(1, 2, 3);
    const compiledOne = grad(restSum)(1);
    const runtime = grad(runtimeRest)(1, 2, 3);
    const runtimeOne = grad(runtimeRest)(1);
    expectTypeOf(compiled).toEqualTypeOf<number[] | [number, number, number]>();
    expectTypeOf(compiledOne).toEqualTypeOf<number[] | number>();
    expectTypeOf(runtime).toEqualTypeOf<number[] | [number, number, number]>();
    expectTypeOf(runtimeOne).toEqualTypeOf<number[] | number>();
    expect([compiled, compiledOne, runtime, runtimeOne].map(shapeOf)).toEqual(["number[3]", "number[1]", "number[3]", "number"]);
  });

  test("arguments typed any give the general type", () => {
    const loose = runtimePair as (...args: any[]) => any;
    const g = grad(loose)(...([2, 3] as any[]));
    expectTypeOf(g).toEqualTypeOf<AnyGradient>();
    expect(shapeOf(g)).toBe("number[2]");
  });
});

describe("wrt narrows the type", () => {
  test("by index: exactly the parameters named, one alone, several as a tuple", () => {
    for (const f of [affine, runtimeAffine] as const) {
      const b = grad(f, { wrt: 1 })(w, 3);
      const listed = grad(f, { wrt: [1] })(w, 3);
      const both = grad(f, { wrt: [1, 0] })(w, 3);
      expectTypeOf(b).toEqualTypeOf<number>();
      expectTypeOf(listed).toEqualTypeOf<number>();
      expectTypeOf(both).toEqualTypeOf<[number, number[]]>();
      expect([shapeOf(b), shapeOf(listed), shapeOf(both)]).toEqual(["number", "number", ["number", "number[2]"]]);
    }
  });

  test("by name: the shape of any numeric parameter the name could be (types hold no names), exact where all agree", () => {
    const b = grad(affine, { wrt: "b" })(w, 3);
    const both = grad(affine, { wrt: ["w", "b"] })(w, 3);
    const numbers = grad(pair, { wrt: ["b", "a"] })(2, 3);
    expectTypeOf(b).toEqualTypeOf<number | number[]>();
    expectTypeOf(both).toEqualTypeOf<[number | number[], number | number[]]>();
    expectTypeOf(numbers).toEqualTypeOf<[number, number]>();
    expect([shapeOf(b), shapeOf(both), shapeOf(numbers)]).toEqual(["number", ["number[2]", "number"], "number[2]"]);
  });

  test("differentiable(fn, { wrt }) type-checks, and its names select as wrt's do", () => {
    expectTypeOf(scaled).parameters.toEqualTypeOf<[x: number, k: number]>();
    const g = grad(scaled)(2, 5);
    expectTypeOf(g).toEqualTypeOf<number>();
    expect(g).toBe(5);
  });

  test("a JSDoc tag's wrt is not in the types: the same wrt given to grad is", () => {
    const g = grad(tagged, { wrt: [0, 1] })(0.5, 2, f64);
    expectTypeOf(g).toEqualTypeOf<[number, number]>();
    expect(g).toEqual(grad(tagged)(0.5, 2, f64));
    expect(shapeOf(g)).toBe("number[2]");
  });
});

describe("the other API functions", () => {
  test("valueAndGrad: [number, grad's type]", () => {
    const compiled = valueAndGrad(affine)(w, 3);
    const runtime = valueAndGrad(runtimeAffine, { wrt: 0 })(w, 3);
    expectTypeOf(compiled).toEqualTypeOf<[number, [number[], number]]>();
    expectTypeOf(runtime).toEqualTypeOf<[number, number[]]>();
    expect([shapeOf(compiled), shapeOf(runtime)]).toEqual([
      ["number", ["number[2]", "number"]],
      ["number", "number[2]"],
    ]);
  });

  test("vjp and hvp: the pullback's result and H·v typed as grad's", () => {
    const [value, pullback] = vjp(affine, [w, 3]);
    const cotangents = pullback(1);
    const [, byIndex] = vjp(runtimeAffine, [w, 3], { wrt: 1 });
    const product = hvp(affine, [w, 3], [[1, 0], 0]);
    expectTypeOf(value).toEqualTypeOf<number>();
    expectTypeOf(cotangents).toEqualTypeOf<[number[], number]>();
    expectTypeOf(byIndex(1)).toEqualTypeOf<number>();
    expectTypeOf(product).toEqualTypeOf<[number[], number]>();
    expect([shapeOf(value), shapeOf(cotangents), shapeOf(byIndex(1)), shapeOf(product)]).toEqual(["number", ["number[2]", "number"], "number", ["number[2]", "number"]]);
    // A Float64Array result: vjp's value is a plain array (as the pullback's tape reads it), and typed so.
    const [typedValue, typedPullback] = vjp(typedOutputs, [2]);
    expectTypeOf(typedValue).toEqualTypeOf<number[]>();
    expect([shapeOf(typedValue), typedPullback([1, 0])]).toEqual(["number[2]", 4]);
  });

  test("jacobian and hessian: number[][], rows of plain arrays", () => {
    for (const mode of ["forward", "reverse"] as const) {
      const matrices = [jacobian(outputs, { mode })(f64), jacobian(typedOutputs, { mode })(2), hessian(affine, { mode })(w, 3), hessian(runtimeAffine, { mode })(w, 3)];
      expectTypeOf(matrices).toEqualTypeOf<number[][][]>();
      expect(matrices.map(shapeOf)).toEqual([
        ["number[2]", "number[2]"],
        ["number[1]", "number[1]"],
        ["number[3]", "number[3]", "number[3]"],
        ["number[3]", "number[3]", "number[3]"],
      ]);
    }
  });

  test("jvp: numbers for a number result; f's own value and a number[] for an array result", () => {
    const scalar = jvp(affine, [w, 3], [[1, 0], 1]);
    const array = jvp(outputs, [f64], [f64]);
    const typed = jvp(typedOutputs, [2], [1]);
    expectTypeOf(scalar).toEqualTypeOf<[number, number]>();
    expectTypeOf(array).toEqualTypeOf<[number[], number[]]>();
    expectTypeOf(typed).toEqualTypeOf<[Float64Array, number[]]>();
    expect([scalar, array, typed].map(shapeOf)).toEqual(["number[2]", ["number[2]", "number[2]"], ["Float64Array[2]", "number[2]"]]);
  });

  test("jvp's tangents are typed as the parameters take them", () => {
    expect(jvp(pair, [2, 3], [1, 0])).toEqual([12, 12]);
    // @ts-expect-error: pair's parameters are numbers, so a tangent cannot be an array
    expect(() => jvp(pair, [2, 3], [[1], 0])).toThrow("the tangent for a must be a number");
    // Tangents computed at run time are a list: it type-checks.
    const tangents: number[] = [0, 1];
    expect(jvp(runtimePair, [2, 3], tangents)).toEqual([12, 4]);
  });

  test("derivative: number, or number[] for f returning an array", () => {
    const scalar = derivative(square)(3);
    const vector = derivative((t: Real) => [mul(t, t), sin(t)])(1);
    expectTypeOf(scalar).toEqualTypeOf<number>();
    expectTypeOf(vector).toEqualTypeOf<number[]>();
    expect([shapeOf(scalar), shapeOf(vector)]).toEqual(["number", "number[2]"]);
  });

  test("numericalGradient is typed as grad", () => {
    const g = numericalGradient(runtimeAffine, [w, 3]);
    expectTypeOf(g).toEqualTypeOf<[number[], number]>();
    expect(shapeOf(g)).toEqual(["number[2]", "number"]);
  });
});

describe("nested use", () => {
  test("arguments typed Real (they may be Duals inside another derivative) give Real entries; the values are right", () => {
    // d/dt of ∂(a²b)/∂a at (t, 2) = d/dt 4t = 4.
    const outer = derivative((t: Real) => {
      const [da, db] = grad(runtimePair)(t, 2);
      expectTypeOf(da).toEqualTypeOf<Real>();
      expectTypeOf(db).toEqualTypeOf<Real>();
      return da;
    })(1.5);
    expect(outer).toBe(4);
    // An array of Reals: d/dt of ∂(w0·b + w1·b²)/∂b at ([t, t], 3) = d/dt (t + 6t) = 7.
    const viaArray = derivative((t: Real) => {
      const db = grad(runtimeAffine, { wrt: 1 })([t, t], 3);
      expectTypeOf(db).toEqualTypeOf<Real>();
      return db;
    })(0.5);
    expect(viaArray).toBe(7);
  });
});
