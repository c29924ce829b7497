// jacobian's mode: reverse mode (one run on a tape, one sweep per output)
// by default where the outputs are few enough per input, forward mode
// otherwise; the routes agree with each other and with finite differences
// whichever the default takes. What a function receives tells the route:
// plain numbers (the run that counts the outputs), tape variables or Duals.

import { describe, expect, test, vi } from "vitest";
import { fc, test as prop } from "@fast-check/vitest";
import { add, derivative, derivativeInfo, Dual, jacobian, mul, nanSafeMode, numericalJacobian, sin, Var, type DerivativeInfo, type Real } from "../src/index.js";
import { THRESHOLDS } from "../src/api/routes.js";
import { chunkSize } from "../src/api/engines.js";
import { outputs as compiledOutputs } from "./programs/jacobian.js";
import { expectClose } from "./support/helpers.js";

/** compiledOutputs over the runtime's operations. */
const runtimeOutputs = (v: Real[], m: number): Real[] => Array.from({ length: m }, (_, j) => add(mul(sin(v[j % v.length]), v[(j + 1) % v.length]), j));

const point = (n: number) => Array.from({ length: n }, (_, i) => Math.sin(1.3 * i + 0.4) * 1.2);

/** runtimeOutputs with a record of what each run received: "numbers", "tape" or "Duals". */
function spied() {
  const runs: string[] = [];
  const f = (v: Real[], m: number) => {
    runs.push(v.some((x) => x instanceof Var) ? "tape" : v.some((x) => x instanceof Dual) ? "Duals" : "numbers");
    return runtimeOutputs(v, m);
  };
  return { f, runs };
}

/** compiledOutputs with its record form and JVPs counted; calling it runs the compiled function. */
function counted() {
  const info = derivativeInfo(compiledOutputs)!;
  const record = vi.fn(info.record!);
  const jvp = vi.fn(info.jvp!);
  const chunkJvp = vi.fn(info.chunkJvp!);
  const primal = vi.fn(compiledOutputs);
  const g = Object.defineProperty((v: number[], m: number) => primal(v, m), Symbol.for("dualts.derivative"), {
    value: { ...info, record, jvp, chunkJvp } satisfies DerivativeInfo,
  }) as typeof compiledOutputs;
  const calls = () => ({ primal: primal.mock.calls.length, record: record.mock.calls.length, forward: jvp.mock.calls.length + chunkJvp.mock.calls.length });
  return { g, calls };
}

describe("jacobian without a mode", () => {
  test("a function over the runtime's operations: reverse mode from 2 inputs while m ≤ 2n, after one run that counts the outputs", () => {
    expect(THRESHOLDS.jacobianRowsPerInput.runtime).toBe(2);
    for (const n of [1, 2, 3, 8, 20]) {
      for (const m of [1, n, 2 * n, 2 * n + 1, 5 * n]) {
        const { f, runs } = spied();
        const rows = jacobian(f, { wrt: "v" })(point(n), m);
        const reverse = n >= 2 && m <= 2 * n;
        // Forward mode as grad's: one Dual per pass, lanes from 16 inputs on (20 = 2 passes of 10).
        const passes = n >= 16 ? Math.ceil(n / chunkSize(n, undefined, "")) : n;
        const expected = n === 1 ? ["Duals"] : reverse ? ["numbers", "tape"] : ["numbers", ...Array(passes).fill("Duals")];
        expect(runs, `n = ${n}, m = ${m}`).toEqual(expected);
        expectClose(rows, jacobian(runtimeOutputs, { wrt: "v", mode: reverse ? "forward" : "reverse" })(point(n), m), 1e-14, 1e-14);
      }
    }
  });

  test("a compiled function: its record form from 2 inputs while m ≤ n, else its chunk-mode JVP", () => {
    expect(THRESHOLDS.jacobianRowsPerInput.compiled).toBe(1);
    for (const n of [1, 2, 5, 13]) {
      for (const m of [1, n, n + 1, 3 * n]) {
        const { g, calls } = counted();
        const rows = jacobian(g)(point(n), m);
        const reverse = n >= 2 && m <= n;
        const passes = Math.ceil(n / chunkSize(n, undefined, ""));
        const expected = n === 1 ? { primal: 0, record: 0, forward: 1 } : reverse ? { primal: 1, record: 1, forward: 0 } : { primal: 1, record: 0, forward: passes };
        expect(calls(), `n = ${n}, m = ${m}`).toEqual(expected);
        expectClose(rows, jacobian(compiledOutputs, { mode: reverse ? "forward" : "reverse" })(point(n), m), 1e-14, 1e-14);
      }
    }
  });

  test("forward mode, with no counting run, when a mode or chunk is given, inside another derivative, or in NaN-safe mode", () => {
    const run = (options: { mode?: "forward" | "reverse"; chunk?: number }) => {
      const { f, runs } = spied();
      jacobian(f, { wrt: "v", ...options })(point(4), 2);
      return runs;
    };
    expect(run({ mode: "forward" })).toEqual(Array(4).fill("Duals"));
    expect(run({ chunk: 2 })).toEqual(Array(2).fill("Duals")); // two passes of two lanes
    expect(run({ mode: "reverse" })).toEqual(["tape"]);
    nanSafeMode(true);
    try {
      expect(run({})).toEqual(Array(4).fill("Duals"));
    } finally {
      nanSafeMode(false);
    }
    // d/dt of Σ ∂fᵢ/∂vⱼ at v = t·v₀: the inner Jacobian's inputs are Duals, so it runs forward mode.
    const { f, runs } = spied();
    const v0 = point(3);
    const sum = (t: Real) =>
      jacobian(f, { wrt: "v" })(v0.map((x) => mul(t, x)) as never, 2)
        .flat()
        .reduce((s: Real, x) => add(s, x as Real), 0);
    const h = 1e-6;
    const numeric = (Number(sum(0.7 + h)) - Number(sum(0.7 - h))) / (2 * h);
    runs.length = 0;
    expectClose(derivative(sum)(0.7), numeric, 1e-6, 1e-8);
    expect(runs).toEqual(Array(3).fill("Duals"));
  });
});

describe("every route agrees", () => {
  prop.prop([fc.integer({ min: 1, max: 20 }), fc.integer({ min: 1, max: 40 }), fc.double({ min: -2, max: 2, noNaN: true })], { numRuns: 60 })(
    "default, forward, chunked and reverse mode against each other and finite differences, compiled and over the runtime's operations",
    (n, m, shift) => {
      const v = point(n).map((x) => x + shift);
      const expected = numericalJacobian((w: number[]) => compiledOutputs(w, m), [v]);
      for (const f of [compiledOutputs, runtimeOutputs as typeof compiledOutputs]) {
        const forward = jacobian(f, { wrt: "v", mode: "forward" })(v, m);
        expectClose(jacobian(f, { wrt: "v", mode: "reverse" })(v, m), forward, 1e-14, 1e-14);
        expectClose(jacobian(f, { wrt: "v" })(v, m), forward, 1e-14, 1e-14);
        for (const chunk of [3, 12]) expectClose(jacobian(f, { wrt: "v", chunk })(v, m), forward, 1e-14, 1e-14);
        expectClose(forward, expected, 1e-7, 1e-8);
      }
    },
  );
});
