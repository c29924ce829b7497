// Run-time misuse gets dualts' own message, naming the argument at fault
// (issue 15, item 13): a non-function f, a tangent of the wrong kind, a hole
// in an array, an option out of range, a recursion deeper than the stack.
// The property builds one misuse at a time from a valid call — f, one
// argument, one tangent or one option made wrong — and checks that the
// message names what was made wrong.

import { describe, expect, test } from "vitest";
import { fc, test as prop } from "@fast-check/vitest";
import { add, centralDifference, checkGradient, derivative, grad, hessian, jacobian, jvp, mul, numericalGradient, numericalJacobian, sin, trace, valueAndGrad, type Real } from "../src/index.js";

/** @differentiable */
function weighted(alpha: number, vec: number[]): number {
  return alpha * vec[0] + Math.sin(vec[1]) * vec[2];
}

/** @differentiable wrt(x) */
function deepProduct(x: number, n: number): number {
  return n === 0 ? x : deepProduct(x, n - 1) * 1.0001;
}

const pair = (alpha: Real, beta: Real) => add(mul(alpha, alpha), sin(beta));
const single = (theta: Real) => sin(theta);

/** The functions misused, each with a valid call: its arguments and their names, and whether the API sees its parameter kinds (a compiled function does). */
const subjects = [
  { f: pair as (...args: any[]) => unknown, args: [0.5, 1.5], names: ["alpha", "beta"], compiled: false },
  { f: weighted as (...args: any[]) => unknown, args: [0.5, [1, 2, 3]], names: ["alpha", "vec"], compiled: true },
];

type Call = (f: any, args: unknown[], tangents: unknown, options: unknown) => unknown;

/** Every API function that takes f and arguments, called once; which options each takes. */
const apis: Record<string, { call: Call; options: readonly string[]; takesArguments?: false }> = {
  // The finite-difference helper of one variable: g(h) at the step, no arguments to misuse.
  centralDifference: { call: (f, _, __, o) => centralDifference(f === pair || f === weighted ? (h: number) => Math.sin(h) : f, 1, o as never), options: ["step"], takesArguments: false },
  grad: { call: (f, args, _, o) => grad(f, o as never)(...(args as never[])), options: ["wrt", "mode", "chunk"] },
  valueAndGrad: { call: (f, args, _, o) => valueAndGrad(f, o as never)(...(args as never[])), options: ["wrt", "mode", "chunk"] },
  jacobian: { call: (f, args, _, o) => jacobian(f, o as never)(...(args as never[])), options: ["wrt", "mode", "chunk"] },
  hessian: { call: (f, args, _, o) => hessian(f, o as never)(...(args as never[])), options: ["wrt", "mode"] },
  jvp: { call: (f, args, t, o) => jvp(f, args as never, t as never, o as never), options: ["wrt"] },
  checkGradient: { call: (f, args, _, o) => checkGradient(f, args as never, o as never), options: ["wrt", "mode", "chunk", "rtol", "atol", "step"] },
  numericalGradient: { call: (f, args, _, o) => numericalGradient(f, args as never, o as never), options: ["wrt", "step"] },
  numericalJacobian: { call: (f, args, _, o) => numericalJacobian(f, args as never, o as never), options: ["wrt", "step"] },
  trace: { call: (f, args, _, o) => trace(f, args as never, o as never), options: ["wrt"] },
};

/** Values that are never a valid argument, element or tangent entry: each with how a message may describe it. */
const badScalar = fc.constantFrom<unknown>(NaN, Infinity, -Infinity, "2", null, true, {}, undefined);
/** An array argument made wrong: a hole, or a bad element, at index i; or not an array at all. */
const badArray = fc.oneof(
  fc.record({ at: fc.integer({ min: 0, max: 2 }), element: badScalar.filter((x) => !Array.isArray(x)) }).map(({ at, element }) => {
    const a: unknown[] = [1, 2, 3];
    if (element === undefined) delete a[at];
    else a[at] = element;
    return { value: a as unknown, named: `[${at}]` };
  }),
  fc.constantFrom<unknown>("abc", null, {}).map((value) => ({ value, named: "" })),
);

/** Option values that are wrong for the option, whatever else holds. */
const badOptionValue: Record<string, fc.Arbitrary<unknown>> = {
  wrt: fc.constantFrom<unknown>({}, true, "nope", 9, -1, [], null, [0, 0], 1.5),
  mode: fc.constantFrom<unknown>("sideways", 3, null, {}, 3n),
  chunk: fc.constantFrom<unknown>(0, -1, 2.5, "3", NaN, null, Infinity),
  rtol: fc.constantFrom<unknown>(-1, NaN, Infinity, "x", null),
  atol: fc.constantFrom<unknown>(-1e-9, NaN, -Infinity, "0", {}),
  step: fc.constantFrom<unknown>(0, -1, NaN, Infinity, "0.1", null),
  mdoe: fc.constant("forward"),
};

type Misuse =
  | { kind: "f"; api: string; f: unknown }
  | { kind: "argument"; api: string; subject: number; at: number; value: unknown; named: string }
  | { kind: "tangent"; subject: number; at: number; value: unknown }
  | { kind: "tangents"; subject: number; value: unknown }
  | { kind: "option"; api: string; subject: number; key: string; value: unknown }
  | { kind: "options"; api: string; subject: number; value: unknown };

const apiName = fc.constantFrom(...Object.keys(apis));
const apiWithArguments = fc.constantFrom(...Object.keys(apis).filter((api) => apis[api].takesArguments !== false));
const subject = fc.integer({ min: 0, max: subjects.length - 1 });

const misuse: fc.Arbitrary<Misuse> = fc.oneof(
  fc.record({ kind: fc.constant("f" as const), api: apiName, f: fc.anything().filter((x) => typeof x !== "function") }),
  fc
    .record({
      kind: fc.constant("argument" as const),
      api: apiWithArguments,
      subject,
      at: fc.integer({ min: 0, max: 1 }),
      bad: fc.oneof(
        badScalar.map((value) => ({ value, named: "" })),
        badArray,
      ),
    })
    .map(({ bad, ...rest }) => ({ ...rest, value: bad.value, named: bad.named })),
  // A compiled function knows its parameters' kinds: an array where it takes a number, and a number where it takes an array.
  fc.record({ kind: fc.constant("argument" as const), api: apiWithArguments, subject: fc.constant(1), at: fc.constant(0), value: fc.constant<unknown>([1, 2]), named: fc.constant("") }),
  fc.record({ kind: fc.constant("argument" as const), api: apiWithArguments, subject: fc.constant(1), at: fc.constant(1), value: fc.constant<unknown>(3), named: fc.constant("") }),
  fc.record({
    kind: fc.constant("tangent" as const),
    subject,
    at: fc.integer({ min: 0, max: 1 }),
    value: fc.oneof(
      badScalar,
      badArray.map((b) => b.value),
      fc.constant([1, 2]),
    ),
  }),
  fc.record({ kind: fc.constant("tangents" as const), subject, value: fc.constantFrom<unknown>("ab", 5, null, {}, [1], [1, 2, 3]) }),
  fc
    .record({ kind: fc.constant("option" as const), api: apiName, subject, key: fc.constantFrom(...Object.keys(badOptionValue)) })
    .chain((m) => badOptionValue[m.key].map((value) => ({ ...m, value }))),
  fc.record({ kind: fc.constant("options" as const), api: apiName, subject, value: fc.constantFrom<unknown>(5, "wrt", [], true) }),
);

/** The call with the misuse in it, and what its message must name. */
function misuseCall(m: Misuse): { run: () => unknown; names: string } {
  const valid = (i: number) => subjects[i];
  const tangentsFor = (args: unknown[]) => args.map((a) => (Array.isArray(a) ? a.map(() => 1) : 1));
  switch (m.kind) {
    case "f":
      return { run: () => apis[m.api].call(m.f, [1], [1], undefined), names: `${m.api} expects a function` };
    case "argument": {
      const s = valid(m.subject);
      const args: unknown[] = [...s.args];
      // A wrong array element needs an array parameter; elsewhere the value replaces the whole argument.
      const at = m.named && !Array.isArray(args[m.at]) ? 1 - m.at : m.at;
      if (m.named && !Array.isArray(args[at])) return { run: () => undefined, names: "skipped" };
      args[at] = m.value;
      // Over the runtime's operations only what wrt selects is checked (anything else is data): select every parameter.
      const options = s.compiled ? undefined : { wrt: s.names };
      return { run: () => apis[m.api].call(s.f, args, tangentsFor(s.args), options), names: `${s.names[at]}${m.named}` };
    }
    case "tangent": {
      const s = valid(m.subject);
      const tangents: unknown[] = tangentsFor(s.args);
      tangents[m.at] = m.value;
      const wrongShape = Array.isArray(m.value) && Array.isArray(s.args[m.at]) && m.value.length === 3 && m.value.every((x) => typeof x === "number" && Number.isFinite(x));
      if (wrongShape) tangents[m.at] = [1];
      return { run: () => jvp(s.f as never, s.args as never, tangents as never), names: `tangent for ${s.names[m.at]}` };
    }
    case "tangents": {
      const s = valid(m.subject);
      return { run: () => jvp(s.f as never, s.args as never, m.value as never), names: "tangent" };
    }
    case "option": {
      const s = valid(m.subject);
      const named = apis[m.api].options.includes(m.key) ? m.key : `unknown option '${m.key}'`;
      return { run: () => apis[m.api].call(s.f, s.args, tangentsFor(s.args), { [m.key]: m.value }), names: named };
    }
    case "options": {
      const s = valid(m.subject);
      return { run: () => apis[m.api].call(s.f, s.args, tangentsFor(s.args), m.value), names: "options must be an object" };
    }
  }
}

describe("every misuse gets dualts' own message, naming the argument at fault", () => {
  prop.prop([misuse], { numRuns: 3000 })("one misuse at a time", (m) => {
    const { run, names } = misuseCall(m);
    if (names === "skipped") return;
    let error: unknown;
    try {
      run();
    } catch (e) {
      error = e;
    }
    expect(error, `${JSON.stringify(m, (_, v) => (typeof v === "bigint" ? `${v}n` : v))} should throw`).toBeInstanceOf(Error);
    const message = (error as Error).message;
    expect(message).not.toMatch(/Cannot read prop|is not a function|is not iterable|undefined is not|null is not|Cannot convert|Maximum call stack|Invalid array length|dualts' (primal|add|mul|sin)/);
    expect(message, `${m.kind}: ${message}`).toContain(names);
  });

  test("the cases of issue 15, item 13, and their kin", () => {
    expect(() => grad(42 as never)).toThrow("grad expects a function, but got the number 42");
    expect(() => jacobian("f" as never)).toThrow('jacobian expects a function, but got a string ("f")');
    expect(() => centralDifference(null as never)).toThrow("centralDifference expects a function g(h) of the step, but got null");
    expect(() => jvp(pair, [1, 2], ["a", 1] as never)).toThrow('jvp(pair): the tangent for alpha must be a number, like alpha itself, but is a string ("a")');
    expect(() => jvp(weighted, [1, [1, 2, 3]], [1, "abc"] as never)).toThrow('jvp(weighted): the tangent for vec must be an array of 3, like vec itself, but is a string ("abc")');
    expect(() => jvp(weighted, [1, [1, 2, 3]], [1, [1, NaN, 3]])).toThrow("jvp(weighted): the tangent for vec[1] is NaN; tangents must be finite numbers");
    expect(() => grad((v: Real[]) => mul(v[0], v[2]))([1, , 3] as never)).toThrow(
      "grad(the function): v[1] is missing (the array has a hole there); an array is differentiated element by element, so every element must be a number",
    );
    expect(() => grad(weighted)(1, [1, , 3] as never)).toThrow("grad(weighted): vec[1] is missing (the array has a hole there)");
    expect(() => checkGradient(pair, [1, 2], { rtol: -1 })).toThrow("checkGradient(pair): rtol must be a finite number of at least 0, not the number -1");
    expect(() => numericalJacobian(pair, [1, 2], { step: 0 })).toThrow("numericalJacobian(pair): step must be a finite number greater than 0, not the number 0");
    expect(() => grad(pair, { mdoe: "forward" } as never)).toThrow("grad(pair): unknown option 'mdoe'; grad takes wrt, mode and chunk");
    expect(() => hessian(pair, { chunk: 2 } as never)).toThrow("hessian(pair): unknown option 'chunk'; hessian takes wrt and mode");
    expect(() => (derivative as (...a: unknown[]) => unknown)(single, { wrt: 0 })).toThrow(
      "derivative(single): derivative takes only the function (it has no options); for wrt or a mode, use grad(f, options)",
    );
    expect(() => (derivative(single) as (...a: number[]) => number)(1, 2)).toThrow(
      "derivative(single): the derivative of a function of one number takes one number, x, but 2 were given; for a function of several numbers, use grad(f) or jacobian(f)",
    );
    expect(() => (derivative(single) as () => number)()).toThrow("but 0 were given");
    expect(() => derivative(single)("1" as never)).toThrow('derivative(single): theta must be a number (derivative takes f: ℝ → ℝ; grad and jacobian take arrays), not a string ("1")');
  });

  test("a recursion deeper than the derivative code's stack: what happened, and what to do", () => {
    // The first depth at which grad overflows; there the primal itself runs (derivative code takes more stack per level).
    let n = 500;
    let message = "";
    for (; n < 1e7 && !message; n *= 2) {
      try {
        grad(deepProduct)(1, n);
      } catch (error) {
        expect(error).toBeInstanceOf(RangeError);
        message = (error as Error).message;
        expect((error as Error).cause).toBeInstanceOf(RangeError);
      }
    }
    expect(message).toContain("grad(deepProduct): the derivative of deepProduct recursed deeper than the JavaScript stack allows");
    expect(message).toContain("Write the recursion as a loop, or run node with a larger stack: node --stack-size=N");
    let primalRuns = true;
    try {
      deepProduct(1, n / 2);
    } catch {
      primalRuns = false;
    }
    expect(message).toContain(primalRuns ? "deepProduct itself runs at these arguments" : "deepProduct itself recurses deeper than the stack allows");
    // Over the runtime's operations, where f itself overflows too.
    const deep = (x: Real, k: number): Real => (k === 0 ? x : add(deep(x, k - 1), 1));
    expect(() => grad(deep, { wrt: 0 })(1, 1e6)).toThrow(
      "grad(deep): the derivative of deep recursed deeper than the JavaScript stack allows (deep itself recurses deeper than the stack allows at these arguments too)",
    );
  });
});
