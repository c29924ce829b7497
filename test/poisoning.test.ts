// A zero tangent times an infinite or NaN partial must not poison unrelated
// forward-mode derivatives (issue 15, item 6): every forward route checks its
// result and, where an entry is NaN while the value is not, runs the call
// again NaN-safely on the generic form (src/api/poison.ts). Forward and
// reverse mode then agree wherever reverse mode is finite — on the example,
// on the pow conventions at x = 0, and on random functions with singular
// partials, over the runtime's operations and compiled by the transform.

import { describe, expect, test } from "vitest";
import { test as prop } from "@fast-check/vitest";
import { add, derivativeInfo, grad, hessian, jacobian, jvp, mul, nanSafeMode, pow, valueAndGrad, type Real } from "../src/index.js";
import { transformSource } from "../dist/transformer/index.js";
import { CONTRACT_VERSION } from "../src/contract.js";
import { load } from "./support/program-run.js";
import { expectClose } from "./support/helpers.js";
import { point, programSource, runtimeFunction, singularProgram, INPUTS } from "./support/singular-programs.js";

/** @differentiable */
function powPlus(x: number, p: number, z: number): number {
  return x ** p + 3 * z;
}

/** @differentiable */
function power(x: number, y: number): number {
  return x ** y;
}

/** @differentiable */
function powerPlusSquare(x: number, y: number, z: number): number {
  return x ** y + z * z;
}

const runtimePowPlus = (x: Real, p: Real, z: Real) => add(pow(x, p), mul(3, z));
const runtimePower = (x: Real, y: Real) => pow(x, y);

type Fn = (...args: any[]) => unknown;
const unitVector = (n: number, k: number) => Array.from({ length: n }, (_, i) => (i === k ? 1 : 0));

/** The gradient by every forward route the API has: grad and valueAndGrad as they are and in each forward form, jacobian, jvp. */
function forwardGradients(f: Fn, args: number[]): Record<string, number[]> {
  const n = args.length;
  const flat = (g: unknown) => (typeof g === "number" ? [g] : (g as number[]));
  return {
    grad: flat(grad(f)(...args)),
    "grad forward": flat(grad(f, { mode: "forward" })(...args)),
    "grad chunk 1": flat(grad(f, { chunk: 1 })(...args)),
    "grad chunk 2": flat(grad(f, { chunk: 2 })(...args)),
    valueAndGrad: flat(valueAndGrad(f)(...args)[1]),
    "valueAndGrad chunk 1": flat(valueAndGrad(f, { chunk: 1 })(...args)[1]),
    "jacobian forward": jacobian(f, { mode: "forward" })(...args)[0],
    "jacobian chunk 2": jacobian(f, { chunk: 2 })(...args)[0],
    jvp: args.map((_, k) => jvp(f, args as never, unitVector(n, k))[1] as number),
  };
}

const reverseGradient = (f: Fn, args: number[]) => {
  const g = grad(f, { mode: "reverse" })(...args);
  return typeof g === "number" ? [g] : (g as number[]);
};

/** Every forward route equals reverse mode wherever reverse mode is finite (to rounding: the sums run in other orders). */
function expectForwardMatchesReverse(f: Fn, args: number[], label = ""): void {
  const reverse = reverseGradient(f, args);
  for (const [route, gradient] of Object.entries(forwardGradients(f, args))) {
    reverse.forEach((r, k) => {
      if (Number.isFinite(r)) expectClose(gradient[k], r, 1e-9, 1e-12, `${label}${route}[${k}]`);
    });
  }
}

describe("a NaN or infinite partial does not wipe out unrelated forward-mode derivatives", () => {
  test("x ** p + 3 * z at (−2, 2, 1): [−4, NaN, 3] on every route, compiled and over the runtime's operations", () => {
    // The generated JVP itself poisons ∂/∂z: dp · NaN with dp = 0.
    expect(derivativeInfo(powPlus)!.jvp!(-2, 0, 2, 0, 1, 1)[1]).toBeNaN();
    for (const f of [powPlus, runtimePowPlus]) {
      for (const [route, gradient] of Object.entries(forwardGradients(f, [-2, 2, 1]))) expect(gradient, route).toEqual([-4, NaN, 3]);
      expect(reverseGradient(f, [-2, 2, 1])).toEqual([-4, NaN, 3]);
      expect(jvp(f, [-2, 2, 1], [0, 0, 1])).toEqual([7, 3]);
      expect(jvp(f, [-2, 2, 1], [1, 0, 1])).toEqual([7, -1]);
      // A direction through the NaN partial is NaN: that NaN is the derivative's own.
      expect(jvp(f, [-2, 2, 1], [0, 1, 1])[1]).toBeNaN();
      expect(jacobian(f, { wrt: [0, 2] })(-2, 2, 1)).toEqual([[-4, 3]]);
      expect(grad(f, { wrt: "z" })(-2, 2, 1)).toBe(3);
    }
  });

  test("the rerun leaves NaN-safe mode as it found it, also when the function throws inside it", () => {
    expect(nanSafeMode(false)).toBe(false);
    expect(grad(powPlus)(-2, 2, 1)).toEqual([-4, NaN, 3]);
    expect(nanSafeMode(false)).toBe(false);
    // A hand-made registration whose JVP is poisoned and whose generic form (the rerun's) throws.
    const g = Object.defineProperty((x: number) => x * x, Symbol.for("dualts.derivative"), {
      value: {
        contract: CONTRACT_VERSION,
        name: "g",
        parameters: ["x"],
        kinds: ["scalar"],
        wrt: [0],
        result: "scalar",
        jvp: (x: number, dx: number) => [x * x, dx * NaN],
        generic: () => {
          throw new Error("thrown inside the rerun");
        },
      },
    });
    expect(() => grad(g)(3)).toThrow("thrown inside the rerun");
    expect(nanSafeMode(false)).toBe(false);
  });

  test("the pow conventions at x = 0 hold on every route: forward, reverse, chunk, the gradient form, hessian", () => {
    // x⁰: ∂/∂x = 0, also at 0; at x = 0 with y > 0, ∂/∂y = 0; ∂/∂x = y·0^(y−1).
    const expected: [number, number[]][] = [
      [0, [0, -Infinity]],
      [0.5, [Infinity, 0]],
      [1, [1, 0]],
      [2, [0, 0]],
      [3, [0, 0]],
    ];
    for (const f of [power, runtimePower]) {
      for (const [y, gradient] of expected) {
        for (const [route, g] of Object.entries(forwardGradients(f, [0, y]))) expect(g, `${f.name} ${route} at y = ${y}`).toEqual(gradient);
        expect(reverseGradient(f, [0, y]), `${f.name} reverse at y = ${y}`).toEqual(gradient);
      }
    }
    expect(derivativeInfo(power)!.gradient, "the gradient form is one of the routes").toBeTypeOf("function");
    // Hessians, forward over reverse and forward over forward: the rows and columns the zero base does not touch stay finite.
    for (const f of [powerPlusSquare, (x: Real, y: Real, z: Real) => add(pow(x, y), mul(z, z))]) {
      for (const mode of ["reverse", "forward"] as const) {
        expect(hessian(f, { mode })(0, 2, 1)).toEqual([
          [2, 0, 0],
          [0, 0, 0],
          [0, 0, 2],
        ]);
        const h = hessian(f, { mode })(0, 0.5, 1);
        expect(h[2]).toEqual([0, 0, 2]);
        expect(h.map((row) => row[2])).toEqual([0, 0, 2]);
        expect(hessian(f, { mode })(0, 0, 3)[2]).toEqual([0, 0, 2]);
      }
    }
    expect(hessian((x: Real) => pow(x, 0))(0)).toEqual([[0]]);
  });
});

describe("forward routes equal reverse mode wherever it is finite, on functions with singular partials", () => {
  /** How often the compiled function's own JVP was poisoned where reverse mode was finite: the property must meet the case. */
  let poisonedRaw = 0;

  prop.prop([singularProgram, point], { numRuns: 400 })("over the runtime's operations", (p, at) => {
    expectForwardMatchesReverse(runtimeFunction(p, at), at);
  });

  prop.prop([singularProgram, point], { numRuns: 120 })("compiled by the transform", async (p, at) => {
    const source = programSource(p, at);
    const { code, diagnostics } = transformSource(source, { fileName: "singular.ts" });
    expect(diagnostics, source).toEqual([]);
    const { f } = await load(code);
    expect(f(...at), "the compiled primal").toBe(runtimeFunction(p, at)(...at));
    const reverse = reverseGradient(f, at);
    const info = derivativeInfo(f)!;
    for (let k = 0; k < INPUTS; k++) {
      const slots = at.flatMap((x, i) => [x, i === k ? 1 : 0]);
      if (Number.isFinite(reverse[k]) && Number.isNaN(info.jvp!(...slots)[1] as number)) poisonedRaw++;
    }
    expectForwardMatchesReverse(f, at, `${source}\n`);
    // The generic form on the runtime's tape is a third opinion where both are finite.
    const generic = runtimeFunction(p, at);
    reverseGradient(generic, at).forEach((r, k) => {
      if (Number.isFinite(r) && Number.isFinite(reverse[k])) expectClose(reverse[k], r, 1e-9, 1e-12, `record vs runtime tape [${k}]`);
    });
  });

  test("the compiled functions' own JVPs were poisoned where reverse mode was finite, and the API was not", () => {
    expect(poisonedRaw).toBeGreaterThan(10);
  });
});
