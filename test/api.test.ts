// The API's contract: selecting parameters with wrt, the shapes of results,
// and an error that says what is wrong for every misuse.

import { describe, expect, test } from "vitest";
import { fc, test as prop } from "@fast-check/vitest";
import { expectClose } from "./support/helpers.js";
import {
  add,
  centralDifference,
  checkGradient,
  derivative,
  exp,
  grad,
  hessian,
  jacobian,
  jvp,
  log,
  mul,
  numericalGradient,
  numericalJacobian,
  primal,
  sin,
  sub,
  trace,
  valueAndGrad,
  type Real,
} from "../src/index.js";
import { polynomial } from "./programs/lecture.js";
import { rosenbrock, smoothed } from "./programs/chunked.js";

function loss(w0: Real, w1: Real, xs: number[], ys: number[]): Real {
  let total: Real = 0;
  for (let i = 0; i < xs.length; i++) {
    const r = sub(add(w0, mul(w1, xs[i])), ys[i]);
    total = add(total, mul(r, r));
  }
  return total;
}
const xs = [1, 2, 3];
const ys = [2, 3, 5];
// ∂/∂w0 = Σ 2r, ∂/∂w1 = Σ 2r·x, ∂/∂xs[i] = 2r·w1, ∂/∂ys[i] = −2r, at w = (0.5, 1.5)
const r = xs.map((x, i) => 0.5 + 1.5 * x - ys[i]);
const dw0 = r.reduce((s, v) => s + 2 * v, 0);
const dw1 = r.reduce((s, v, i) => s + 2 * v * xs[i], 0);

describe("wrt and result shapes", () => {
  test("default: every numeric parameter, one entry each", () => {
    expectClose(grad(loss)(0.5, 1.5, xs, ys), [dw0, dw1, r.map((v) => 2 * v * 1.5), r.map((v) => -2 * v)]);
  });

  test("by name and by index give the same result, in wrt order", () => {
    expect(grad(loss, { wrt: ["w0", "w1"] })(0.5, 1.5, xs, ys)).toEqual([dw0, dw1]);
    expect(grad(loss, { wrt: [1, 0] })(0.5, 1.5, xs, ys)).toEqual([dw1, dw0]);
    expect(grad(loss, { wrt: ["w0", "w1"], mode: "reverse" })(0.5, 1.5, xs, ys)).toEqual([dw0, dw1]);
  });

  test("a function that writes into its input array sees the inputs afresh in every pass", () => {
    const overwrite = (v: Real[]) => {
      v[2] = mul(v[0], v[2]); // v0·v1·v2: the gradient is [v1·v2, v0·v2, v0·v1]
      return mul(v[2], v[1]);
    };
    for (const chunk of [1, 2]) expect(grad(overwrite, { chunk })([2, 3, 5])).toEqual([15, 10, 6]);
    expect(grad(overwrite)([2, 3, 5])).toEqual([15, 10, 6]);
  });

  test("one parameter gives its own shape", () => {
    expect(grad(loss, { wrt: "w1" })(0.5, 1.5, xs, ys)).toBe(dw1);
    expectClose(
      grad(loss, { wrt: 3 })(0.5, 1.5, xs, ys),
      r.map((v) => -2 * v),
    );
    expect(valueAndGrad(loss, { wrt: "w0" })(0.5, 1.5, xs, ys)).toEqual([r.reduce((s, v) => s + v * v, 0), dw0]);
  });

  test("jacobian and hessian columns follow the selected scalars", () => {
    const f = (a: Real, v: number[]) => [mul(a, v[0]), mul(v[0], v[1])];
    expect(jacobian(f)(2, [3, 4])).toEqual([
      [3, 2, 0],
      [0, 4, 3],
    ]);
    expect(jacobian(f, { wrt: "v" })(2, [3, 4])).toEqual([
      [2, 0],
      [4, 3],
    ]);
    expect(hessian(loss, { wrt: ["w0", "w1"] })(0.5, 1.5, xs, ys)).toEqual([
      [6, 12],
      [12, 28],
    ]);
  });

  test("jvp takes one tangent per selected parameter, shaped like it", () => {
    const [value, tangent] = jvp(loss, [0.5, 1.5, xs, ys], [1, 2], { wrt: ["w0", "w1"] });
    expect(value).toBe(r.reduce((s, v) => s + v * v, 0));
    expect(tangent).toBe(dw0 + 2 * dw1);
  });

  test("parameter names are read from arrows, defaults and rest parameters", () => {
    const arrow = (first: Real, second = 2) => mul(first, second);
    expect(grad(arrow, { wrt: "first" })(3, 5)).toBe(5);
    expect(grad(arrow, { wrt: "first" })(3)).toBe(2);
    const single = (x: Real) => exp(x);
    expect(grad(single, { wrt: "x" })(0)).toBe(1);
    const rest = (...xs: Real[]) => mul(xs[0], xs[1]);
    expect(grad(rest)(2, 3)).toEqual([3, 2]);
    // Unicode names too (they were read as #0, #1, and wrt could not name them).
    const polar = (θ: Real, φ: Real) => mul(θ, sin(φ));
    expect(grad(polar, { wrt: "φ" })(1, 2)).toBe(Math.cos(2));
    expect(() => grad(polar)(1, NaN)).toThrow("grad(polar): φ is NaN");
    const λ = (μ: Real) => mul(μ, μ);
    expect(grad(λ, { wrt: "μ" })(3)).toBe(6);
  });
});

describe("errors say what is wrong", () => {
  test("wrong number of arguments", () => {
    expect(() => (grad(loss) as (...args: unknown[]) => unknown)(1, 2)).toThrow("grad(loss): loss(w0, w1, xs, ys) takes 4 argument(s), but 2 were given");
    expect(() => derivative((x: Real, y: Real) => mul(x, y))(1)).toThrow(/takes 2 argument\(s\), but 1 were given/);
  });

  test("wrt naming a parameter that does not exist, or out of range", () => {
    expect(() => grad(loss, { wrt: ["w0", "w3"] })(0, 0, xs, ys)).toThrow("grad(loss): wrt names 'w3', which is not a parameter of loss(w0, w1, xs, ys)");
    expect(() => grad(loss, { wrt: 7 })(0, 0, xs, ys)).toThrow("grad(loss): wrt index 7 is out of range; loss(w0, w1, xs, ys) was called with 4 argument(s)");
    expect(() => grad(loss, { wrt: [] })(0, 0, xs, ys)).toThrow(/wrt is empty/);
    expect(() => grad(loss, { wrt: ["w0", 0] })(0, 0, xs, ys)).toThrow(/selects parameter w0 twice/);
  });

  test("wrt that is not an index, a name or a list of them", () => {
    expect(() => grad(loss, { wrt: {} as never })(0, 1, xs, ys)).toThrow("grad(loss): wrt must be a parameter's index or name, or a list of them, not an object");
    expect(() => grad(loss, { wrt: ["w0", true] as never })(0, 1, xs, ys)).toThrow("not a list holding a boolean (true)");
    expect(() => jacobian(loss, { wrt: null as never })(0, 1, xs, ys)).toThrow("jacobian(loss): wrt must be a parameter's index or name, or a list of them, not null");
  });

  test("an operation given something that is not a number names itself and the argument", () => {
    const f = (a: Real, b: Real) => add(a, b);
    expect(() => grad(f)(1, null as never)).toThrow("dualts' add: argument 2 is null; the operations take numbers");
    expect(() => grad((a: Real, v: number[]) => mul(a, exp(v as never)))(1, [1, 2])).toThrow("dualts' exp: argument 1 is an array");
    expect(() => primal({} as never)).toThrow("dualts' primal: argument 1 is an object");
    expect(() => hessian((a: Real, s: string) => sub(a, s as never))(1, "x")).toThrow('dualts\' sub: argument 2 is a string ("x")');
  });

  test("finite differences and checkGradient check what they are given as grad does", () => {
    expect(() => numericalGradient((x: number) => [x, 2 * x], [1])).toThrow(
      "numericalGradient(the function): the function returned an array, but a number was expected; use numericalJacobian for a function that returns an array",
    );
    expect(() => checkGradient((x: Real) => mul(x, x), [1], { mode: "sideways" as never })).toThrow(/checkGradient\(the function\): mode must be "forward" or "reverse", not "sideways"/);
  });

  // Arrays with holes, NaN, Infinity and other kinds among their elements, as arguments and as tangents.
  const element = fc.oneof(fc.double(), fc.constant("2"), fc.constant(null), fc.constant(undefined));
  const sparseArray = fc.sparseArray(fc.double(), { maxLength: 4 });
  const argument = fc.oneof(fc.anything(), fc.double(), fc.array(element, { maxLength: 4 }), sparseArray, fc.float64Array({ maxLength: 4 }));
  const option = fc.oneof(fc.anything(), fc.double(), fc.integer({ min: -1, max: 13 }));
  prop.prop(
    [
      fc.constantFrom("grad", "valueAndGrad", "jacobian", "hessian", "jvp", "derivative", "checkGradient", "numericalGradient", "numericalJacobian", "centralDifference", "trace"),
      fc.oneof(
        fc.constantFrom(0, 1, 2, 3, 4),
        fc.anything().filter((x) => typeof x !== "function"),
      ),
      fc.array(argument, { maxLength: 4 }),
      fc.oneof(fc.array(argument, { maxLength: 4 }), fc.anything()),
      fc.oneof(
        fc.constant({}),
        fc.anything(),
        fc.record({ wrt: fc.oneof(fc.anything(), fc.integer({ min: -1, max: 4 }), fc.constantFrom("x", "v", "a", "b")) }),
        fc.record({ mode: fc.oneof(fc.constantFrom("forward", "reverse"), fc.anything()), chunk: option, rtol: option, atol: option, step: option, other: fc.anything() }, { requiredKeys: [] }),
      ),
    ],
    { numRuns: 2000 },
  )("any misuse gets dualts' own error, never a crash inside it", (api, which, args, tangents, options) => {
    const fs = [polynomial, rosenbrock, smoothed, (a: Real, b: Real) => add(mul(a, a), sin(b)), (v: Real[]) => [mul(v[0], v[1]), sin(v[0])]];
    // An index picks one of the functions; anything else stands where f should be.
    const f = (typeof which === "number" && Number.isInteger(which) && which >= 0 && which < fs.length ? fs[which] : which) as (...args: unknown[]) => unknown;
    const calls: Record<string, () => unknown> = {
      grad: () => grad(f, options as never)(...args),
      valueAndGrad: () => valueAndGrad(f, options as never)(...args),
      jacobian: () => jacobian(f, options as never)(...args),
      hessian: () => hessian(f, options as never)(...args),
      jvp: () => jvp(f, args as never, tangents as never, options as never),
      derivative: () => derivative(f as never)(...(args as [number])),
      checkGradient: () => checkGradient(f, args as never, options as never),
      numericalGradient: () => numericalGradient(f, args as never, options as never),
      numericalJacobian: () => numericalJacobian(f, args as never, options as never),
      centralDifference: () => centralDifference(f === fs[3] ? Math.sin : (f as never), args[0] as never, options as never),
      trace: () => trace(f, args as never, options as never),
    };
    try {
      calls[api]();
    } catch (error) {
      expect(error).toBeInstanceOf(Error);
      expect((error as Error).message).not.toMatch(
        /Cannot read prop|is not a function|is not iterable|undefined is not|null is not|Cannot convert|Maximum call stack|Invalid array length|Do not know how to serialize/,
      );
    }
  });

  test("wrt selecting a parameter that is not numeric", () => {
    const scaled = (x: Real, label: string) => (label ? x : x);
    expect(() => grad(scaled, { wrt: "label" })(1, "a")).toThrow(
      'grad(scaled): parameter label (argument 1) is a string ("a"); only a number, an array of numbers or a Float64Array can be differentiated',
    );
    expect(() => grad((s: string) => s.length)("abc" as never)).toThrow(/nothing to differentiate/);
  });

  test("a non-numeric result", () => {
    expect(() => grad((x: Real) => [x, x])(1)).toThrow("grad(the function): the function returned an array, but a number was expected; use jacobian for a function that returns an array");
    expect(() =>
      grad(function named(x: Real) {
        return `${x}`;
      })(1),
    ).toThrow(/grad\(named\): named returned a string \(Dual\(1, 1\)\), but a number was expected/);
    expect(() => jacobian((x: Real) => ({ x }))(1)).toThrow(/returned an object.*a number, an array of numbers or a Float64Array was expected/);
  });

  test("a non-finite input", () => {
    expect(() => grad(loss)(NaN, 1, xs, ys)).toThrow("grad(loss): w0 is NaN; derivatives are taken at finite inputs only");
    expect(() => grad(loss, { wrt: "xs" })(0, 1, [1, Infinity], ys)).toThrow("grad(loss): xs[1] is Infinity; derivatives are taken at finite inputs only");
  });

  test("a wrong mode or tangent shape", () => {
    expect(() => grad(loss, { mode: "sideways" as never })(0, 1, xs, ys)).toThrow(/mode must be "forward" or "reverse", not "sideways"/);
    expect(() => jvp(loss, [0, 1, xs, ys], [1], { wrt: ["w0", "w1"] })).toThrow(/expected 2 tangent\(s\), one per selected parameter, but got 1/);
    expect(() => jvp(loss, [0, 1, xs, ys], [1, [1, 2]], { wrt: ["w0", "w1"] })).toThrow("jvp(loss): the tangent for w1 must be a number, like w1 itself, but is an array of 2");
  });

  test("outside a function's domain the value is NaN, and so is every derivative", () => {
    expect(derivative((x: Real) => log(x))(-1)).toBeNaN();
    expect(grad((x: Real) => log(x), { mode: "reverse" })(-1)).toBeNaN();
    expect(valueAndGrad((x: Real) => log(x))(-1)).toEqual([NaN, NaN]);
    // A NaN that came in from the data is not this rule's business: the derivative is what it is.
    expect(derivative((x: Real) => mul(x, NaN))(2)).toBeNaN();
  });
});
