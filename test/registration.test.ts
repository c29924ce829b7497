// What a function carries at run time (src/registry.ts), on the runtime's
// side: a function marked @differentiable that the transform could not
// differentiate carries its diagnostics, and every API function — and a
// compiled caller, through __dualtsDerivative — throws them with what to do
// (issue 15, item 12); `differentiable` as a decorator on anything but a
// method throws when the class is defined (item 7). The transform compiles
// this file (the Vite plugin) and would process `differentiable(…)` calls
// and decorators itself, so the marker runs here under another name, `mark`,
// and is called as the class machinery calls a decorator: as code compiled
// without the transform runs it.

import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, test } from "vitest";
import { checkGradient, derivative, derivativeInfo, differentiable, grad, hessian, jacobian, jvp, numericalGradient, trace, valueAndGrad, type FailedDerivativeInfo } from "../src/index.js";
import { transformSource } from "../dist/transformer/index.js";
import { CONTRACT_VERSION } from "../src/contract.js";

const diagnostics = [
  "src/model.ts:3:10 - error DUALTS1003: Math.random() cannot be differentiated",
  "src/model.ts:5:2 - error DUALTS1012: xs is written to inside the function; copy it first ([...xs])",
];
const failed: FailedDerivativeInfo = { contract: CONTRACT_VERSION, name: "fit", parameters: ["w", "xs"], diagnostics };
const mark = differentiable as (...args: any[]) => any;

/** Every API function called on f, as a user would call it. */
function everyApiCall(f: (...args: any[]) => unknown): Record<string, () => unknown> {
  return {
    derivative: () => derivative(f)(1),
    jvp: () => jvp(f, [1, [2]] as never, [1, [0]]),
    grad: () => grad(f)(1, [2]),
    valueAndGrad: () => valueAndGrad(f)(1, [2]),
    jacobian: () => jacobian(f)(1, [2]),
    hessian: () => hessian(f)(1, [2]),
    checkGradient: () => checkGradient(f, [1, [2]] as never),
    numericalGradient: () => numericalGradient(f, [1, [2]] as never),
    trace: () => trace(f, [1, [2]] as never),
  };
}

function expectQuotesDiagnostics(call: () => unknown, api: string): void {
  let error: unknown;
  try {
    call();
  } catch (e) {
    error = e;
  }
  expect(error, `${api} should throw`).toBeInstanceOf(Error);
  const message = (error as Error).message;
  expect(message.startsWith(`${api}(fit): fit is marked @differentiable, but the dualts transform could not differentiate it (2 diagnostics):`), message).toBe(true);
  for (const d of diagnostics) expect(message).toContain(`\n  ${d}`);
  expect(message).toContain("Fix them and compile again: then fit is differentiable.");
}

describe("a function the transform could not differentiate carries its diagnostics", () => {
  test("registered by hand on the function: every API function throws them, named, with what to do", () => {
    const fit = Object.defineProperty(
      function fit(w: number, xs: number[]) {
        return w * xs[0];
      },
      Symbol.for("dualts.derivative"),
      { value: failed },
    );
    for (const [api, call] of Object.entries(everyApiCall(fit))) expectQuotesDiagnostics(call, api);
    // grad(f) itself already: the registration is read where the API function is called on f.
    expect(() => grad(fit)).toThrow("grad(fit): fit is marked @differentiable");
    // derivativeInfo reads it too, and says the same without an API function's name.
    expect(() => derivativeInfo(fit)).toThrow(/^fit is marked @differentiable, but the dualts transform could not differentiate it \(2 diagnostics\):\n {2}src\/model\.ts:3:10/);
  });

  test("through differentiable(fn, info), and on a method through its decorator", () => {
    const fit = mark((w: number, xs: number[]) => w * xs[0], failed);
    for (const [api, call] of Object.entries(everyApiCall(fit))) expectQuotesDiagnostics(call, api);
    // @differentiable(info) on a method: the initializer binds the method to its instance and attaches the information.
    const initializers: ((this: object) => void)[] = [];
    const fitMethod = function fit(w: number, xs: number[]) {
      return w * xs[0];
    };
    mark(failed)(fitMethod, { ...context("method", "fit"), addInitializer: (run: (this: object) => void) => initializers.push(run) });
    const model: { fit?: (w: number, xs: number[]) => number } = {};
    initializers.forEach((run) => run.call(model));
    for (const [api, call] of Object.entries(everyApiCall(model.fit!))) expectQuotesDiagnostics(call, api);
  });

  test("one diagnostic is 'it', not 'them'", () => {
    const one = mark((w: number) => w, { contract: CONTRACT_VERSION, name: "one", parameters: ["w"], diagnostics: [diagnostics[0]] });
    expect(() => grad(one)(1)).toThrow(
      `grad(one): one is marked @differentiable, but the dualts transform could not differentiate it (1 diagnostic):\n  ${diagnostics[0]}\nFix it and compile again: then one is differentiable.`,
    );
  });

  test("a compiled caller reaching it through __dualtsDerivative throws them, at the call's position", async () => {
    const dir = mkdtempSync(join(tmpdir(), "dualts-registration-"));
    writeFileSync(
      join(dir, "fit.js"),
      `export function fit(w) { return 2 * w; }
Object.defineProperty(fit, Symbol.for("dualts.derivative"), { value: ${JSON.stringify(failed)} });\n`,
    );
    const { code, diagnostics: reported } = transformSource(`import { fit } from "./fit.js";\n/** @differentiable */\nexport function caller(w: number): number {\n  return fit(w) * w;\n}\n`, {
      fileName: "caller.ts",
    });
    expect(reported).toEqual([]);
    writeFileSync(join(dir, "caller.js"), code);
    const { caller } = await import(/* @vite-ignore */ pathToFileURL(join(dir, "caller.js")).href);
    expect(caller(3)).toBe(18);
    // The caller is compiled, so its JVP runs and meets fit's registration (grad(caller) itself is fine).
    let message = "";
    try {
      grad(caller)(3);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/^caller\.ts:4:\d+: fit is marked @differentiable, but the dualts transform could not differentiate it:\n {2}src\/model\.ts:3:10/);
    for (const d of diagnostics) expect(message).toContain(d);
    expect(message).toContain("Fix them and compile again: then fit is differentiable.");
  });
});

/** A decorator context object of the given kind, as the class machinery passes it. */
function context(kind: string, name: string) {
  return { kind, name, static: false, private: false, metadata: {}, access: {}, addInitializer: () => {} };
}

describe("@differentiable on something that is not a method", () => {
  test.each([
    ["accessor", "value", { get: () => 1, set: () => {} }, "the accessor 'value'"],
    ["getter", "energy", () => 1, "the getter 'energy'"],
    ["setter", "energy", (_: number) => {}, "the setter 'energy'"],
    ["field", "rate", undefined, "the field 'rate'"],
    ["class", "Model", class Model {}, "the class Model"],
  ])("on the %s %s: a clear error naming it, when the class is defined", (kind, name, value, named) => {
    const message = `@differentiable marks methods, but it decorates ${named}.`;
    // @differentiable, @differentiable({ wrt: … }) and the transform's @differentiable(info).
    expect(() => mark(value, context(kind, name))).toThrow(message);
    expect(() => mark({ wrt: ["x"] })(value, context(kind, name))).toThrow(message);
    expect(() => mark(failed)(value, context(kind, name))).toThrow(message);
  });

  test("on a method it stays the marker, with or without the transform", () => {
    const method = function energy(x: number) {
      return x * x;
    };
    expect(mark(method, context("method", "energy"))).toBe(method);
    expect(mark({ wrt: ["x"] })(method, context("method", "energy"))).toBe(method);
    // Without the transform, differentiable(fn) and differentiable(fn, { wrt }) give the function as it is.
    expect(mark(method)).toBe(method);
    expect(mark(method, { wrt: ["x"] })).toBe(method);
    expect(derivativeInfo(method)).toBeUndefined();
  });
});
