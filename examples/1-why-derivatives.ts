// Step 1 of the lecture: why we need derivatives. Learning means minimising
// an error E(w); at a minimum ∇E(w) = 0. Sometimes that equation can be
// solved in closed form, often it cannot, and then we walk downhill along
// −∇E(w): gradient descent. Both cases side by side, on one data set — a cup
// of coffee cooling down:
//
//   a straight line   θ ≈ w0 + w1·t        E is quadratic in w, ∇E = 0 is a
//                                            linear system: solved exactly
//   Newton's cooling  θ ≈ w0·exp(−w1·t)    ∇E = 0 mixes w1 with exp(−w1·tᵢ):
//                                            no closed form; gradient descent
//
// Both errors are plain TypeScript marked @differentiable; dualts gives the
// gradients, for the descent and to confirm ∇E = 0 at each solution. Then
// the cooling law's minimum three ways with dualts/optimize: gradient descent
// with the same fixed step, L-BFGS and Newton, which use E's curvature too and
// need a handful of steps where descent needs hundreds.

import { grad } from "dualts";
import { minimize } from "dualts/optimize";
import { shown, writeChart } from "./lib/figures.js";
import { compareMethods, methodTable, powerOfTen, type MethodRun } from "./lib/methods.js";
import { fmt, heading, isMain, logOf, table, tuple, type ExampleOptions } from "./lib/narration.js";

/** Hours since the coffee was poured. */
export const hours = Array.from({ length: 13 }, (_, i) => (5 * i) / 60);
/** Its temperature above the room's, in units of 10 °C (made-up readings, a little noisy like real ones). */
export const excess = new Float64Array([7.08, 5.53, 4.49, 3.45, 2.94, 2.29, 1.77, 1.52, 1.07, 0.93, 0.79, 0.56, 0.53]);
const ts = Float64Array.from(hours);

/**
 * Mean squared error of the straight line θ ≈ w0 + w1·t.
 * @differentiable wrt(w0, w1)
 */
export function lineError(w0: number, w1: number, t: Float64Array, theta: Float64Array): number {
  let total = 0;
  for (let i = 0; i < t.length; i++) {
    const r = w0 + w1 * t[i] - theta[i];
    total += r * r;
  }
  return total / t.length;
}

/**
 * Mean squared error of Newton's law of cooling θ ≈ w0·exp(−w1·t).
 * @differentiable wrt(w0, w1)
 */
export function coolingError(w0: number, w1: number, t: Float64Array, theta: Float64Array): number {
  let total = 0;
  for (let i = 0; i < t.length; i++) {
    const r = w0 * Math.exp(-w1 * t[i]) - theta[i];
    total += r * r;
  }
  return total / t.length;
}

/**
 * The straight line's error as a function of the vector w = (w0, w1), the form minimize takes.
 * @differentiable wrt(w)
 */
export function lineErrorOf(w: Float64Array, t: Float64Array, theta: Float64Array): number {
  return lineError(w[0], w[1], t, theta);
}

/**
 * The cooling law's error as a function of the vector w = (w0, w1).
 * @differentiable wrt(w)
 */
export function coolingErrorOf(w: Float64Array, t: Float64Array, theta: Float64Array): number {
  return coolingError(w[0], w[1], t, theta);
}

/** ∇E = 0 for the straight line: the 2 × 2 normal equations, solved exactly. */
export function lineClosedForm(t: ArrayLike<number>, theta: ArrayLike<number>): number[] {
  const n = t.length;
  let st = 0,
    sθ = 0,
    stt = 0,
    stθ = 0;
  for (let i = 0; i < n; i++) {
    st += t[i];
    sθ += theta[i];
    stt += t[i] * t[i];
    stθ += t[i] * theta[i];
  }
  const w1 = (n * stθ - st * sθ) / (n * stt - st * st);
  return [(sθ - w1 * st) / n, w1];
}

type Error2 = (w0: number, w1: number, t: Float64Array, theta: Float64Array) => number;

/** Where every descent starts. */
const start = () => new Float64Array([1, 0]);
/** Every descent stops when each |∂E/∂wᵢ| ≤ this. */
export const tolerance = 1e-10;

/** Gradient descent w ← w − rate·∇E(w) from w = (1, 0), by minimize with a fixed step, until every |∂E/∂wᵢ| ≤ tolerance. */
export function gradientDescent(E: (w: Float64Array, t: Float64Array, theta: Float64Array) => number, rate: number): { w: number[]; steps: number } {
  const result = minimize(E, start(), { method: "gd", step: rate, args: [ts, excess], gradientTolerance: tolerance });
  return { w: Array.from(result.x), steps: result.iterations };
}

export interface Solution {
  readonly w: number[];
  readonly error: number;
  /** ∇E at w, from dualts. */
  readonly gradient: number[];
}

export interface WhyDerivativesResult {
  /** The straight line: its closed form, gradient descent (step 0.5) and Newton's method. */
  readonly line: { closedForm: Solution; descent: Solution & { steps: number }; newton: Solution & { steps: number } };
  /** The cooling law: gradient descent (step 0.2), and the three methods compared. */
  readonly cooling: { descent: Solution & { steps: number }; methods: MethodRun<Float64Array>[] };
  readonly figures: string[];
}

function solution(E: Error2, w: number[]): Solution {
  return { w, error: E(w[0], w[1], ts, excess), gradient: grad(E, { wrt: [0, 1] })(w[0], w[1], ts, excess) };
}

const sci = (xs: readonly number[]) => `(${xs.map((x) => x.toExponential(1)).join(", ")})`;

export async function run(options: ExampleOptions = {}): Promise<WhyDerivativesResult> {
  const log = logOf(options);
  heading(log, "1. Why derivatives: minimise E(w), where ∇E(w) = 0");
  log("   A cup of coffee cooling: θ = temperature above the room (×10 °C), t = hours, 13 readings.");
  log("   E(w) = 1/N Σ (model(tᵢ; w) − θᵢ)². At the best w, ∇E(w) = 0; can we solve that for w?");
  log("");

  const closed = solution(lineError, lineClosedForm(hours, excess));
  const lineDescent = gradientDescent(lineErrorOf, 0.5);
  const lineNewton = minimize(lineErrorOf, start(), { method: "newton", args: [ts, excess], gradientTolerance: tolerance });
  const methods = compareMethods(coolingErrorOf, start(), [ts, excess], 0.2, tolerance);
  const coolingDescent = methods[0].result;
  const line = {
    closedForm: closed,
    descent: { ...solution(lineError, lineDescent.w), steps: lineDescent.steps },
    newton: { ...solution(lineError, Array.from(lineNewton.x)), steps: lineNewton.iterations },
  };
  const cooling = { descent: { ...solution(coolingError, Array.from(coolingDescent.x)), steps: coolingDescent.iterations }, methods };

  table([
    ["", "straight line θ ≈ w0 + w1·t", "Newton's cooling θ ≈ w0·exp(−w1·t)"],
    ["∇E(w) = 0 is", "linear in w: the normal equations", "transcendental in w1: no closed form"],
    ["solved by", "one 2 × 2 linear solve", `gradient descent w ← w − 0.2·∇E(w), ${cooling.descent.steps} steps`],
    ["w*", tuple(closed.w, 6), tuple(cooling.descent.w, 6)],
    ["E(w*)", fmt(closed.error, 6), fmt(cooling.descent.error, 6)],
    ["∇E(w*) by dualts", sci(closed.gradient), sci(cooling.descent.gradient)],
    ["gradient descent", `${tuple(line.descent.w, 6)} in ${line.descent.steps} steps`, ""],
  ]).forEach((l) => log(l));
  log("");
  log(`   Gradient descent finds the straight line's exact minimum too, and the cooling law's, which no formula`);
  log(`   gives and whose error is ${(closed.error / cooling.descent.error).toFixed(0)} times smaller. Every step needs ∇E(w): the rest of the`);
  log("   lecture is about getting it automatically.");
  log("");
  log(`   Fewer steps: the cooling law's minimum by minimize (dualts/optimize), three ways, from w = (1, 0) until`);
  log(`   every |∂E/∂wᵢ| ≤ ${powerOfTen(tolerance)} (time: the fastest of a few runs, measured just now):`);
  methodTable(methods, "E").forEach((l) => log(l));
  const [descent, lbfgs, newton] = methods.map((m) => m.result);
  log("");
  log(`   All three stop at w = ${tuple(newton.x, 6)}. Gradient descent knows only the slope, so it walks down`);
  log("   in small steps of a size fixed in advance. Newton's method also uses the curvature, the second derivatives");
  log("   ∇²E(w): it fits a bowl to E at w and jumps to the bottom of the bowl. Near the minimum E is almost exactly a");
  log(`   bowl, so ${newton.iterations} steps are enough, though each needs a Hessian. L-BFGS learns the curvature from how the gradient`);
  log(`   changed between its steps: ${lbfgs.iterations} steps, ${lbfgs.evaluations.gradient} gradients against descent's ${descent.evaluations.gradient}, no second derivatives.`);
  log(`   The straight line's E is exactly a bowl: ${line.newton.steps === 1 ? "one Newton step lands" : `${line.newton.steps} Newton steps land`} on the closed form's w.`);

  const curve = Array.from({ length: 61 }, (_, k) => k / 60);
  const figure = await writeChart(options, "1-why-derivatives.svg", {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: "Fitting the cooling coffee: closed form vs gradient descent",
    width: 480,
    height: 280,
    layer: [
      {
        data: {
          values: curve.flatMap((t) => [
            { t, theta: closed.w[0] + closed.w[1] * t, model: "straight line (closed form)" },
            { t, theta: cooling.descent.w[0] * Math.exp(-cooling.descent.w[1] * t), model: "cooling law (gradient descent)" },
          ]),
        },
        mark: { type: "line", strokeWidth: 2 },
        encoding: {
          x: { field: "t", type: "quantitative", title: "t (hours)" },
          y: { field: "theta", type: "quantitative", title: "θ (×10 °C above the room)" },
          color: { field: "model", type: "nominal", title: null, legend: { orient: "bottom", labelLimit: 400 } },
        },
      },
      {
        data: { values: hours.map((t, i) => ({ t, theta: excess[i] })) },
        mark: { type: "point", filled: true, color: "black", size: 40 },
        encoding: { x: { field: "t", type: "quantitative" }, y: { field: "theta", type: "quantitative" } },
      },
    ],
  });
  log(`   Figure: ${shown(figure)}`);
  return { line, cooling, figures: [figure] };
}

if (isMain(import.meta.url)) await run();
