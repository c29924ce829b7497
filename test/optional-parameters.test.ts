// Default, optional and rest parameters of compiled functions, on the
// runtime's side of the contract (src/contract.ts's DerivativeInfo): the
// forms below are written by hand as the transform will write them — one
// value slot and one derivative slot per declared parameter, undefined in
// both for a parameter the call omits, the form computing both from the
// default; a rest parameter as one plain array — and every API function runs
// on them.

import { describe, expect, test, vi } from "vitest";
import { fc, test as prop } from "@fast-check/vitest";
import { checkGradient, derivative, derivativeInfo, grad, hessian, jacobian, jvp, numericalGradient, numericalJacobian, trace, valueAndGrad, type DerivativeInfo, type Real } from "../src/index.js";
import { CONTRACT_VERSION } from "../src/contract.js";
import type { LinearTape } from "../src/reverse/linear.js";
import { expectClose } from "./support/helpers.js";

type Ops = Record<string, (...args: Real[]) => Real>;

/** f(x, y = 2 * x) = x²·y: called as f(x) it is 2x³. */
const cubeLike = (x: number, y = 2 * x) => x * x * y;
const cubeInfo: DerivativeInfo = {
  contract: CONTRACT_VERSION,
  name: "cubeLike",
  parameters: ["x", "y"],
  required: 1,
  kinds: ["scalar", "scalar"],
  wrt: [0, 1],
  result: "scalar",
  jvp(x: number, dx: number, y?: number, dy?: number) {
    if (y === undefined) {
      y = 2 * x;
      dy = 2 * dx;
    }
    return [x * x * y, 2 * x * y * dx + x * x * dy!];
  },
  chunkJvp(K: number, x: number, dx: number[], y?: number, dy?: number[]) {
    if (y === undefined) {
      y = 2 * x;
      dy = dx.map((d) => 2 * d);
    }
    const out = new Array<number>(K).fill(0);
    for (let k = 0; k < K; k++) out[k] = 2 * x * y * dx[k] + x * x * dy![k];
    return [x * x * y, out];
  },
  record(tape: LinearTape, x: number, xNode: number, y?: number, yNode?: number) {
    if (y === undefined) {
      y = 2 * x;
      yNode = tape.node1(xNode, 2);
    }
    return [x * x * y, tape.node2(xNode, 2 * x * y, yNode!, x * x)];
  },
  // One entry per wrt parameter, as the chunk-mode JVP gives them: its lanes seeded dx_dx = 1, dy_dy = 1.
  gradient(x: number, y?: number) {
    let dy_dx = 0;
    let dy_dy = 1;
    if (y === undefined) {
      y = 2 * x;
      dy_dx = 2 * 1;
      dy_dy = 2 * 0;
    }
    return [2 * x * y * 1 + x * x * dy_dx, 2 * x * y * 0 + x * x * dy_dy];
  },
  generic(ops: Ops, x: Real, y?: Real) {
    if (y === undefined) y = ops.mul(2, x);
    return ops.mul(ops.mul(x, x), y);
  },
};
Object.defineProperty(cubeLike, Symbol.for("dualts.derivative"), { value: cubeInfo });

/** blend(x, w, y = x * w) = x·y + w: called as blend(x, w) it is x²w + w, two inputs beside the omitted y (chunk mode's lanes). */
const blend = (x: number, w: number, y = x * w) => x * y + w;
const blendInfo: DerivativeInfo = {
  contract: CONTRACT_VERSION,
  name: "blend",
  parameters: ["x", "w", "y"],
  required: 2,
  kinds: ["scalar", "scalar", "scalar"],
  wrt: [0, 1, 2],
  result: "scalar",
  jvp(x: number, dx: number, w: number, dw: number, y?: number, dy?: number) {
    if (y === undefined) {
      y = x * w;
      dy = dx * w + x * dw;
    }
    return [x * y + w, dx * y + x * dy! + dw];
  },
  chunkJvp(K: number, x: number, dx: number[], w: number, dw: number[], y?: number, dy?: number[]) {
    if (y === undefined) {
      y = x * w;
      dy = dx.map((d, k) => d * w + x * dw[k]);
    }
    const out = new Array<number>(K).fill(0);
    for (let k = 0; k < K; k++) out[k] = dx[k] * y + x * dy![k] + dw[k];
    return [x * y + w, out];
  },
  record(tape: LinearTape, x: number, xNode: number, w: number, wNode: number, y?: number, yNode?: number) {
    if (y === undefined) {
      y = x * w;
      yNode = tape.node2(xNode, w, wNode, x);
    }
    return [x * y + w, tape.node3(xNode, y, yNode!, x, wNode, 1)];
  },
  gradient(x: number, w: number, y?: number) {
    const dx_dx = 1,
      dx_dw = 0,
      dx_dy = 0;
    const dw_dx = 0,
      dw_dw = 1,
      dw_dy = 0;
    let dy_dx = 0,
      dy_dw = 0,
      dy_dy = 1;
    if (y === undefined) {
      y = x * w;
      dy_dx = dx_dx * w + x * dw_dx;
      dy_dw = dx_dw * w + x * dw_dw;
      dy_dy = dx_dy * w + x * dw_dy;
    }
    return [dx_dx * y + x * dy_dx + dw_dx, dx_dw * y + x * dy_dw + dw_dw, dx_dy * y + x * dy_dy + dw_dy];
  },
  generic(ops: Ops, x: Real, w: Real, y?: Real) {
    if (y === undefined) y = ops.mul(x, w);
    return ops.add(ops.mul(x, y), w);
  },
};
Object.defineProperty(blend, Symbol.for("dualts.derivative"), { value: blendInfo });

/** sumOfSquares(...xs) = Σ xᵢ², its rest parameter one array in every form. */
const sumOfSquares = vi.fn((...xs: number[]) => xs.reduce((s, x) => s + x * x, 0));
const sumInfo: DerivativeInfo = {
  contract: CONTRACT_VERSION,
  name: "sumOfSquares",
  parameters: ["xs"],
  rest: true,
  kinds: ["array"],
  wrt: [0],
  result: "scalar",
  jvp: (xs: number[], dxs: number[]) => [xs.reduce((s, x) => s + x * x, 0), xs.reduce((s, x, i) => s + 2 * x * dxs[i], 0)],
  chunkJvp(K: number, xs: number[], dxs: ArrayLike<number>) {
    const out = new Array<number>(K).fill(0);
    xs.forEach((x, i) => {
      for (let k = 0; k < K; k++) out[k] += 2 * x * dxs[i * K + k];
    });
    return [xs.reduce((s, x) => s + x * x, 0), out];
  },
  record: (tape: LinearTape, xs: number[], nodes: number[]) => [
    xs.reduce((s, x) => s + x * x, 0),
    tape.node(
      nodes,
      xs.map((x) => 2 * x),
    ),
  ],
  generic: (ops: Ops, xs: Real[]) => xs.reduce((s: Real, x) => ops.add(s, ops.mul(x, x)), 0),
};
Object.defineProperty(sumOfSquares, Symbol.for("dualts.derivative"), { value: sumInfo });

/** scaledSum(a, ...xs) = a · Σ xᵢ: a number before the rest parameter. */
const scaledSum = (a: number, ...xs: number[]) => a * xs.reduce((s, x) => s + x, 0);
Object.defineProperty(scaledSum, Symbol.for("dualts.derivative"), {
  value: {
    contract: CONTRACT_VERSION,
    name: "scaledSum",
    parameters: ["a", "xs"],
    rest: true,
    kinds: ["scalar", "array"],
    wrt: [0, 1],
    result: "scalar",
    jvp: (a: number, da: number, xs: number[], dxs: number[]) => {
      const sum = xs.reduce((s, x) => s + x, 0);
      return [a * sum, da * sum + a * dxs.reduce((s, d) => s + d, 0)];
    },
    generic: (ops: Ops, a: Real, xs: Real[]) =>
      ops.mul(
        a,
        xs.reduce((s: Real, x) => ops.add(s, x), 0),
      ),
  } satisfies DerivativeInfo,
});

const modes = [{}, { mode: "forward" as const }, { mode: "reverse" as const }, { chunk: 1 }, { chunk: 2 }];

describe("a parameter with a default: f(x, y = 2 * x)", () => {
  test("called without y, y is not an input: every API function differentiates f(x, 2x) = 2x³", () => {
    for (const options of modes) {
      expect(grad(cubeLike, options)(3), JSON.stringify(options)).toBe(54);
      expect(valueAndGrad(cubeLike, options)(3)).toEqual([54, 54]);
      expect(jacobian(cubeLike, options)(3)).toEqual([[54]]);
    }
    expect(grad(cubeLike)(3, undefined)).toBe(54);
    expect(derivative(cubeLike)(3)).toBe(54);
    expect(jvp(cubeLike, [3] as never, [1])).toEqual([54, 54]);
    expect(jvp(cubeLike, [3] as never, [2], { wrt: "x" })).toEqual([54, 108]);
    for (const mode of ["reverse", "forward"] as const) expect(hessian(cubeLike, { mode })(3)).toEqual([[36]]);
    expect(checkGradient(cubeLike, [3] as never).entries.map((e) => e.input)).toEqual(["x"]);
    expectClose(numericalGradient(cubeLike, [3] as never), 54, 1e-9);
    expectClose(numericalJacobian(cubeLike, [3] as never), [[54]], 1e-9);
    expect(trace(cubeLike, [3] as never).gradient).toEqual([54]);
  });

  test("called with y, both are inputs", () => {
    for (const options of modes) {
      expect(grad(cubeLike, options)(3, 4), JSON.stringify(options)).toEqual([24, 9]);
      expect(valueAndGrad(cubeLike, options)(3, 4)).toEqual([36, [24, 9]]);
      expect(jacobian(cubeLike, options)(3, 4)).toEqual([[24, 9]]);
    }
    expect(jvp(cubeLike, [3, 4], [1, 0])).toEqual([36, 24]);
    for (const mode of ["reverse", "forward"] as const)
      expect(hessian(cubeLike, { mode })(3, 4)).toEqual([
        [8, 6],
        [6, 0],
      ]);
    expect(grad(cubeLike, { wrt: "y" })(3, 4)).toBe(9);
  });

  test("with two inputs beside the omitted parameter: chunk mode's lanes, the gradient form, the record form", () => {
    // blend(x, w) = x²w + w: ∂/∂x = 2xw, ∂/∂w = x² + 1.
    for (const options of modes) {
      expect(grad(blend, options)(3, 5), JSON.stringify(options)).toEqual([30, 10]);
      expect(valueAndGrad(blend, options)(3, 5)).toEqual([50, [30, 10]]);
      expect(jacobian(blend, options)(3, 5)).toEqual([[30, 10]]);
    }
    expect(jvp(blend, [3, 5] as never, [1, 2])).toEqual([50, 50]);
    for (const mode of ["reverse", "forward"] as const)
      expect(hessian(blend, { mode })(3, 5)).toEqual([
        [10, 6],
        [6, 0],
      ]);
    // With y: ∂/∂x = y, ∂/∂w = 1, ∂/∂y = x.
    for (const options of modes) expect(grad(blend, options)(3, 5, 7)).toEqual([7, 1, 3]);
    expect(checkGradient(blend, [3, 5] as never).entries.map((e) => e.input)).toEqual(["x", "w"]);
  });

  prop.prop([fc.double({ min: -10, max: 10, noNaN: true }), fc.double({ min: -10, max: 10, noNaN: true })], { numRuns: 100 })(
    "grad's gradient form and valueAndGrad's chunk-mode JVP agree bit for bit, with and without the defaulted parameter",
    (x, w) => {
      expect(Object.is(grad(cubeLike)(x), valueAndGrad(cubeLike)(x)[1])).toBe(true);
      expect(grad(cubeLike)(x, w)).toEqual(valueAndGrad(cubeLike)(x, w)[1]);
      expectClose(grad(cubeLike)(x), 6 * x * x, 1e-14, 1e-300);
      expect(grad(blend)(x, w)).toEqual(valueAndGrad(blend)(x, w)[1]);
      expect(grad(blend)(x, w)).toEqual(grad(blend, { chunk: 2 })(x, w));
      expectClose(grad(blend)(x, w), [2 * x * w, x * x + 1], 1e-14, 1e-300);
      expectClose(grad(blend, { mode: "reverse" })(x, w), [2 * x * w, x * x + 1], 1e-14, 1e-300);
    },
  );

  test("naming y in wrt when the call does not pass it is an error that says so", () => {
    expect(() => grad(cubeLike, { wrt: "y" })(3)).toThrow("grad(cubeLike): wrt selects y, which this call does not pass (it takes its default); pass y to differentiate with respect to it");
    expect(() => jacobian(cubeLike, { wrt: 1 })(3)).toThrow("jacobian(cubeLike): wrt selects y, which this call does not pass");
    expect(() => (grad(cubeLike) as (...args: number[]) => unknown)()).toThrow("grad(cubeLike): cubeLike(x, y) takes 1 to 2 argument(s), but 0 were given");
    expect(() => (grad(cubeLike) as (...args: number[]) => unknown)(1, 2, 3)).toThrow("takes 1 to 2 argument(s), but 3 were given");
  });
});

describe("a rest parameter: sumOfSquares(...xs), scaledSum(a, ...xs)", () => {
  test("the call's trailing arguments are one array parameter, selected and shaped like one", () => {
    for (const options of modes) {
      expect(grad(sumOfSquares, options)(1, 2, 3), JSON.stringify(options)).toEqual([2, 4, 6]);
      expect(valueAndGrad(sumOfSquares, options)(1, 2, 3)).toEqual([14, [2, 4, 6]]);
      expect(jacobian(sumOfSquares, options)(1, 2)).toEqual([[2, 4]]);
    }
    expect(grad(sumOfSquares, { wrt: "xs" })(1, 2)).toEqual([2, 4]);
    expect(derivative(sumOfSquares)(3)).toBe(6);
    expect(jvp(sumOfSquares, [1, 2, 3], [[1, 1, 0]])).toEqual([14, 6]);
    for (const mode of ["reverse", "forward"] as const)
      expect(hessian(sumOfSquares, { mode })(1, 2)).toEqual([
        [2, 0],
        [0, 2],
      ]);
    expect(trace(sumOfSquares, [1, 2]).gradient).toEqual([2, 4]);
    expect(grad(sumOfSquares)()).toEqual([]);
    expect(grad(scaledSum)(2, 1, 3)).toEqual([4, [2, 2]]);
    expect(grad(scaledSum, { wrt: "a" })(2, 1, 3)).toBe(4);
  });

  test("where the API calls f itself, it calls it with the arguments spread, as f takes them", () => {
    sumOfSquares.mockClear();
    // jacobian counts the outputs with one run of f, once per layout of arguments (a layout not seen before); finite differences run f.
    jacobian(sumOfSquares)(1, 2, 3, 4, 5);
    expect(sumOfSquares).toHaveBeenCalledWith(1, 2, 3, 4, 5);
    sumOfSquares.mockClear();
    expectClose(numericalGradient(sumOfSquares, [1, 2, 3]), [2, 4, 6], 1e-9);
    expect(sumOfSquares.mock.calls.every((call) => call.length === 3 && call.every((x) => typeof x === "number"))).toBe(true);
    expect(checkGradient(sumOfSquares, [1, 2, 3]).entries.map((e) => e.input)).toEqual(["xs[0]", "xs[1]", "xs[2]"]);
    expectClose(numericalJacobian(scaledSum, [2, 1, 3]), [[4, 2, 2]], 1e-9);
  });

  test("messages show the rest parameter as written", () => {
    expect(() => (grad(scaledSum) as (...args: number[]) => unknown)()).toThrow("grad(scaledSum): scaledSum(a, ...xs) takes at least 1 argument(s), but 0 were given");
    expect(() => grad(sumOfSquares)(1, NaN)).toThrow("grad(sumOfSquares): xs[1] is NaN; derivatives are taken at finite inputs only");
    expect(() => grad(sumOfSquares, { wrt: 1 })(1, 2)).toThrow("grad(sumOfSquares): wrt index 1 is out of range; sumOfSquares(...xs) takes 1 parameter(s), its rest parameter one array");
    expect(derivativeInfo(sumOfSquares)!.rest).toBe(true);
  });
});
