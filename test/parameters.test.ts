// Default, optional and rest parameters through the transform, end to end:
// the generated forms evaluate a left-out parameter's default with its
// derivative (emit/defaults.ts), and the API leaves the parameter out of
// the inputs (optional-parameters.test.ts holds the runtime's side to
// hand-written forms). Every route against finite differences of the
// untransformed function, called with the same arguments.

import { describe, expect, test } from "vitest";
import { fc, test as prop } from "@fast-check/vitest";
import { centralDifference, derivative, grad, hessian, jvp, valueAndGrad } from "../src/index.js";
import { transformSource } from "../dist/transformer/index.js";
import { load, plainJavaScript } from "./support/program-run.js";

type Fn = (...args: any[]) => any;

const source = `import { differentiable } from "dualts";
/** @differentiable */
export function withDefault(x: number, y = 2 * Math.sin(x), z?: number): number {
  return x * y + (z === undefined ? 0 : z * z * x);
}

/** @differentiable */
export function sumOfSquares(...xs: number[]): number {
  let s = 0;
  for (const v of xs) s += v * v;
  return s;
}

/** @differentiable */
export function scaled(a: number, ...xs: number[]): number {
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += Math.exp(a * xs[i]);
  return s;
}

/** @differentiable */
export function defaultArray(x: number, ws: number[] = [x, x * x]): number {
  return ws[0] * Math.sin(ws[1]) + x;
}

export const restViaRuntime = differentiable((scale: number, ...xs: number[]) => {
  let s = 0;
  for (const v of xs) s += Math.sin(v) * scale;
  return s;
});

export const defaultViaRuntime = differentiable((x: number, y = x * x) => x * y);

/** @differentiable */
export function callsRuntime(a: number, b: number): number {
  return restViaRuntime(a, b, a * b) + defaultViaRuntime(a) + defaultViaRuntime(a, b);
}

/** @differentiable */
export function caller(x: number, y: number): number {
  return withDefault(x) + withDefault(x, y) + sumOfSquares(x, y, x * y);
}
`;

/** The transformed module and the untransformed one, every export. */
async function both(): Promise<{ compiled: Record<string, Fn>; plain: Record<string, Fn> }> {
  const result = transformSource(source, { fileName: "parameters.ts" });
  expect(result.diagnostics).toEqual([]);
  return { compiled: await load(result.code), plain: await load(plainJavaScript(source)) };
}

/** ∂f/∂argument i by finite differences, f called with exactly these arguments. */
function differences(f: Fn, args: number[]): number[] {
  return args.map((_, i) => centralDifference((t) => f(...args.map((v, j) => (j === i ? v + t : v))), 0).derivative);
}

const close = (actual: unknown, expected: number[]) => {
  const list = [actual].flat(2) as number[];
  expect(list.length).toBe(expected.length);
  list.forEach((v, i) => expect(Math.abs(v - expected[i]), `${v} vs ${expected[i]}`).toBeLessThan(1e-6 * Math.max(1, Math.abs(v))));
};

const routes = (f: Fn) => ({
  grad: (...a: number[]) => grad(f)(...a),
  oneDirection: (...a: number[]) => grad(f, { chunk: 1 })(...a),
  reverse: (...a: number[]) => grad(f, { mode: "reverse" })(...a),
  valueAndGrad: (...a: number[]) => valueAndGrad(f)(...a)[1],
});

describe("defaults and optional parameters", () => {
  const point = fc.double({ min: -1.5, max: 1.5, noNaN: true });
  prop.prop([point, point, point], { numRuns: 30 })("each call differentiates what it passes; a left-out parameter's default is differentiated through", async (x, y, z) => {
    const { compiled, plain } = await both();
    for (const args of [[x], [x, y], [x, y, z]]) {
      const expected = differences(plain.withDefault, args);
      for (const run of Object.values(routes(compiled.withDefault))) close(run(...args), expected);
      // A Hessian of what is passed: compared with differences of the gradient.
      const h = hessian(compiled.withDefault)(...args);
      const gradient = (...a: number[]) => [grad(compiled.withDefault)(...a)].flat();
      h.forEach((row, i) =>
        close(
          row,
          args.map((_, j) => centralDifference((t) => gradient(...args.map((v, k) => (k === j ? v + t : v)))[i], 0).derivative),
        ),
      );
    }
    expect(derivative(compiled.withDefault)(x)).toBeCloseTo(differences(plain.withDefault, [x])[0], 6);
    const [value, tangent] = jvp(compiled.withDefault, [x], [1]);
    expect(value).toBe(plain.withDefault(x));
    close(tangent, differences(plain.withDefault, [x]));
  });

  test("calls of functions registered at run time, which the generated code looks up (__dualtsCall)", async () => {
    const { compiled, plain } = await both();
    for (const options of [{}, { chunk: 1 }, { mode: "reverse" as const }]) close(grad(compiled.callsRuntime, options)(0.4, -0.9), differences(plain.callsRuntime, [0.4, -0.9]));
    const gradient = (x: number, y: number) => grad(compiled.callsRuntime)(x, y);
    hessian(compiled.callsRuntime)(0.4, -0.9).forEach((row, i) =>
      close(
        row,
        differences((x: number, y: number) => gradient(x, y)[i], [0.4, -0.9]),
      ),
    );
  });

  test("an array parameter's default, and calls from another compiled function", async () => {
    const { compiled, plain } = await both();
    close(grad(compiled.defaultArray)(0.7), differences(plain.defaultArray, [0.7]));
    close(grad(compiled.defaultArray, { mode: "reverse" })(0.7), differences(plain.defaultArray, [0.7]));
    close(grad(compiled.caller)(0.4, -0.9), differences(plain.caller, [0.4, -0.9]));
    close(grad(compiled.caller, { mode: "reverse" })(0.4, -0.9), differences(plain.caller, [0.4, -0.9]));
    const gradient = (x: number, y: number) => grad(compiled.caller)(x, y);
    const h = hessian(compiled.caller)(0.4, -0.9);
    h.forEach((row, i) =>
      close(
        row,
        differences((x: number, y: number) => gradient(x, y)[i], [0.4, -0.9]),
      ),
    );
  });
});

describe("rest parameters", () => {
  test("the rest is one array input, in its own shape", async () => {
    const { compiled, plain } = await both();
    const args = [0.3, -1.2, 0.8];
    for (const run of Object.values(routes(compiled.sumOfSquares))) close(run(...args), differences(plain.sumOfSquares, args));
    expect(grad(compiled.sumOfSquares)(...args)).toEqual(args.map((v) => 2 * v));
    // scaled(a, ...xs): a number and an array.
    const g = grad(compiled.scaled)(0.5, 1, -2);
    expect(g[1]).toHaveLength(2);
    close(g, differences(plain.scaled, [0.5, 1, -2]));
    close(grad(compiled.scaled, { mode: "reverse" })(0.5, 1, -2), differences(plain.scaled, [0.5, 1, -2]));
    close(hessian(compiled.sumOfSquares)(...args).flat(), [2, 0, 0, 0, 2, 0, 0, 0, 2]);
  });

  test("an array computed in a call's arguments, other than a literal or a copy, is reported with the fix that quotes it", () => {
    const program = `${source}\n/** @differentiable */\nexport function chosen(x: number, a: number[]): number {\n  return sumOfSquares(x) + scaledAll(x > 0 ? a : [x, 1]);\n}\n/** @differentiable */\nfunction scaledAll(v: number[]): number {\n  return v[0];\n}\n`;
    const diagnostics = transformSource(program, { fileName: "parameters.ts" }).diagnostics;
    expect(diagnostics.map((d) => [d.code, d.column])).toEqual([["DUALTS1008", 38]]);
    expect(diagnostics[0].message).toBe(
      "an array argument computed in the call is not supported on differentiated values in chosen: declare it in a statement of its own (const values = x > 0 ? a : [x, 1];) and pass the name",
    );
  });

  test("a spread the generated code cannot line up with the parameters is reported where it stands, with the fix", () => {
    // (two(x, ...a) once passed "...a" where the tangent of q belonged: silently wrong.)
    const calls: [string, string][] = [
      ["sumOfSquares(x, ...a)", "spread one named array alone, for sumOfSquares's rest parameter only, or list the values"],
      ["scaled(...a, x)", "spread one named array alone, for scaled's rest parameter only, or list the values"],
      ["scaled(x, ...a.map((v) => v))", "spread one named array alone, for scaled's rest parameter only, or list the values"],
      ["two(...a)", "pass the elements themselves (two(a[0], a[1], …))"],
      ["two(x, ...a)", "pass the elements themselves (two(a[0], a[1], …))"],
    ];
    for (const [call, fix] of calls) {
      const program = `${source}\n/** @differentiable */\nfunction two(p: number, q: number): number {\n  return p * q;\n}\n/** @differentiable */\nexport function spreads(x: number, a: number[]): number {\n  return ${call};\n}\n`;
      const diagnostics = transformSource(program, { fileName: "parameters.ts" }).diagnostics;
      expect(
        diagnostics.map((d) => [d.code, d.column]),
        call,
      ).toEqual([["DUALTS1008", 10 + call.indexOf("...")]]);
      expect(diagnostics[0].message).toContain(`in this call of ${call.slice(0, call.indexOf("("))} is not supported on differentiated values in spreads: ${fix}`);
    }
  });
});
