// The comparison steps 1 and 3 print: one error minimised by dualts/optimize
// three ways — gradient descent with the lecture's fixed step, L-BFGS and
// Newton — from the same start to the same gradient tolerance, with what each
// took: steps, gradients, Hessians and time. The time is measured here, on
// warm code — ten short runs first let the JavaScript engine compile the
// method's path (a process's first Hessians cost a hundred times the later
// ones) — as the fastest of up to five runs (fewer once they add up to
// 0.3 s); it is printed, never asserted.

import { minimize, type MinimizeResult, type Vector } from "dualts/optimize";
import { table } from "./narration.js";

/** The three methods, in the order the tables list them. */
export const compared = ["gd", "lbfgs", "newton"] as const;

export interface MethodRun<X> {
  readonly method: (typeof compared)[number];
  /** "gradient descent, step 0.2", "L-BFGS", "Newton". */
  readonly label: string;
  readonly result: MinimizeResult<X>;
  /** The fastest warm run, in milliseconds. */
  readonly milliseconds: number;
}

/**
 * Minimises f(x, ...args) from x0 by each compared method until max |∂f/∂xᵢ| ≤ gradientTolerance;
 * gradient descent takes fixed steps of size `step`.
 */
export function compareMethods<X extends Vector, A extends readonly unknown[]>(f: (x: X, ...args: A) => number, x0: X, args: A, step: number, gradientTolerance: number): MethodRun<X>[] {
  return compared.map((method) => {
    const options = { method, args, gradientTolerance, maxIterations: 100_000, ...(method === "gd" ? { step } : {}) };
    const timed = (maxIterations: number) => {
      const start = performance.now();
      const result = minimize(f, x0, { ...options, maxIterations });
      return { result, milliseconds: performance.now() - start };
    };
    // Warm-up: ten short runs, so that the engine has compiled the code on the method's path (at most 1 s of them).
    for (let [runs, spent] = [0, 0]; runs < 10 && spent < 1000; runs++) spent += timed(3).milliseconds;
    let { result, milliseconds: fastest } = timed(options.maxIterations);
    for (let [runs, spent] = [1, fastest]; runs < 5 && spent < 300; runs++) {
      const run = timed(options.maxIterations);
      fastest = Math.min(fastest, run.milliseconds);
      spent += run.milliseconds;
      result = run.result;
    }
    const label = method === "gd" ? `gradient descent, step ${step}` : method === "lbfgs" ? "L-BFGS" : "Newton";
    return { method, label, result, milliseconds: fastest };
  });
}

/** A power of ten as the narration writes it: 1e-8 → "10⁻⁸". */
export function powerOfTen(x: number): string {
  const exponent = Math.round(Math.log10(x));
  const superscript = (c: string) => "⁰¹²³⁴⁵⁶⁷⁸⁹"[Number(c)] ?? "⁻";
  return `10${[...String(exponent)].map(superscript).join("")}`;
}

/** Milliseconds with about three significant digits. */
export function milliseconds(ms: number): string {
  return `${ms.toFixed(ms < 10 ? 2 : ms < 100 ? 1 : 0)} ms`;
}

/** The comparison as table lines: one row per run, `E` the error's name in the headers, `first` leading cells (e.g. the model). */
export function methodTable(runs: readonly (MethodRun<Vector> & { first?: string[] })[], E: string, firstHeaders: string[] = [], indent = 3): string[] {
  return table(
    [
      [...firstHeaders, "method", "steps", "gradients", "Hessians", "time", `${E}(w)`, `largest |∂${E}/∂wᵢ|`],
      ...runs.map((r) => [
        ...(r.first ?? []),
        r.label,
        String(r.result.iterations),
        String(r.result.evaluations.gradient),
        String(r.result.evaluations.hessian),
        milliseconds(r.milliseconds),
        r.result.value.toFixed(9),
        r.result.gradientNorm.toExponential(1),
      ]),
    ],
    indent,
  );
}
