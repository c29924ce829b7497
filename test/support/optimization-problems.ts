// The standard test problems for dualts/optimize, as plain differentiable
// TypeScript with their published data: the unconstrained problems of Moré,
// Garbow & Hillstrom, "Testing unconstrained optimization software", ACM TOMS 7
// (1981) 17–41 (MGH), each f = Σ fᵢ² over MGH's residuals fᵢ from MGH's
// standard starting point; and least-squares fits, each a residual vector (the
// same MGH residuals, plus two exponential fits to data generated here) with
// its model and data where it is a fit to data.
//
// Where the numbers come from:
// - minimum: the value MGH publish, with their digits ("8.21487…·10⁻³" → 8.21487e-3).
// - valueAtStart: f(x0) from the definition, to 12 digits, computed apart from
//   this file (MGH print no f(x0)).
// - minimizer: MGH's where it is exact; otherwise (Bard, Meyer, …) computed by us
//   (Levenberg–Marquardt, then Newton's method at 60 digits) and rounded to
//   double; f there agrees with MGH's published minimum to all its digits.
// Nothing here runs an optimiser: test/optimization-problems.test.ts checks every
// number against the functions.
//
// The functions are in mgh-residuals.ts (the residuals that fit no data),
// mgh-data-fits.ts (the fits to data: data, models, residuals) and
// mgh-objectives.ts (f = Σ fᵢ²); this file holds the problems' numbers.

import * as fits from "./mgh-data-fits.js";
import {
  rosenbrock,
  freudensteinRoth,
  powellBadlyScaled,
  brownBadlyScaled,
  beale,
  jennrichSampson,
  helicalValley,
  bard,
  gaussian,
  meyer,
  gulf,
  box,
  powellSingular,
  wood,
  kowalikOsborne,
  brownDennis,
  osborne1,
  biggs,
  watson,
  extendedRosenbrock,
  penaltyI,
  penaltyII,
  variablyDimensioned,
  trigonometric,
  brownAlmostLinear,
  chebyquad,
} from "./mgh-objectives.js";
import { rosenbrockResiduals, brownDennisResiduals } from "./mgh-residuals.js";

/** An unconstrained minimisation problem: f = Σ fᵢ² over MGH's residuals. */
export interface Problem {
  readonly name: string;
  /** Marked @differentiable: plain arithmetic and loops over x. */
  readonly f: (x: number[]) => number;
  /** MGH's standard starting point. */
  readonly x0: readonly number[];
  /** The global minimum f* that MGH publish. */
  readonly minimum: number;
  /** A point where f = minimum; where it is not unique (Box 3-D, Biggs EXP6, Trigonometric, Chebyquad), one of them. */
  readonly minimizer?: readonly number[];
  /** f(x0). */
  readonly valueAtStart: number;
  /** Values of other local minima a method may reach from x0 instead (MGH's, but for Trigonometric's). */
  readonly localMinima?: readonly number[];
  /** Where each of localMinima lies, when at a finite, isolated point (undefined: at infinity or along a valley). */
  readonly localMinimizers?: readonly (readonly number[] | undefined)[];
}

/**
 * A least-squares problem: minimise ½·Σ rᵢ² over the residual vector r(x).
 * minimum is ½ of MGH's f* (which is Σ fᵢ²). For the fits to data generated
 * here no minimum is published, and minimum and minimizer are left out: a test
 * then checks that the gradient of ½·Σ rᵢ² is ~0 where a method stops.
 */
export interface FitProblem {
  readonly name: string;
  /** Marked @differentiable: returns the residual vector (MGH's, with MGH's sign). */
  readonly residuals: (x: number[]) => number[];
  readonly x0: readonly number[];
  /** The known minimum of ½·Σ rᵢ². */
  readonly minimum?: number;
  readonly minimizer?: readonly number[];
  /** For a fit to data: the model of the parameters, t ↦ model(x)(t), with residualᵢ = ±(model(x)(tᵢ) − yᵢ). */
  readonly model?: (x: readonly number[]) => (t: number) => number;
  readonly data?: { readonly t: readonly number[]; readonly y: readonly number[] };
  /** For data generated here: the parameters that generated it (before its perturbation). */
  readonly generatedWith?: readonly number[];
}

const ones = (n: number) => new Array<number>(n).fill(1);

/** MGH's unconstrained problems (n = variables, m = residuals in each one's residual function's comment, in mgh-residuals.ts or mgh-data-fits.ts). */
export const problems: readonly Problem[] = [
  { name: "Rosenbrock", f: rosenbrock, x0: [-1.2, 1], valueAtStart: 24.2, minimum: 0, minimizer: [1, 1] },
  {
    name: "Freudenstein and Roth",
    f: freudensteinRoth,
    x0: [0.5, -2],
    valueAtStart: 400.5,
    minimum: 0,
    minimizer: [5, 4],
    // MGH: 48.9842… at (11.41…, −0.8968…); Levenberg–Marquardt from x0 stops there.
    localMinima: [48.9842],
    localMinimizers: [[11.412778986902094, -0.8968052532744765]],
  },
  { name: "Powell badly scaled", f: powellBadlyScaled, x0: [0, 1], valueAtStart: 1.13526171735, minimum: 0, minimizer: [1.0981593296998175e-5, 9.106146739866524] },
  { name: "Brown badly scaled", f: brownBadlyScaled, x0: [1, 1], valueAtStart: 999998000003, minimum: 0, minimizer: [1e6, 2e-6] },
  { name: "Beale", f: beale, x0: [1, 1], valueAtStart: 14.203125, minimum: 0, minimizer: [3, 0.5] },
  // MGH: 124.362 at x₁ = x₂ = 0.2578 (m = 10).
  { name: "Jennrich and Sampson (m = 10)", f: jennrichSampson, x0: [0.3, 0.4], valueAtStart: 4171.30616196, minimum: 124.362, minimizer: [0.2578252136703641, 0.2578252136703641] },
  { name: "Helical valley", f: helicalValley, x0: [-1, 0, 0], valueAtStart: 2500, minimum: 0, minimizer: [1, 0, 0] },
  {
    name: "Bard",
    f: bard,
    x0: [1, 1, 1],
    valueAtStart: 41.6816958617,
    minimum: 8.21487e-3,
    minimizer: [0.08241055974978893, 1.1330360920297216, 2.343695178642537],
    // MGH: 17.4286… at (0.8406…, −∞, −∞).
    localMinima: [17.4286],
    localMinimizers: [undefined],
  },
  { name: "Gaussian", f: gaussian, x0: [0.4, 1, 0], valueAtStart: 3.88810699117e-6, minimum: 1.12793e-8, minimizer: [0.39895613783875666, 1.0000190844878056, 0] },
  { name: "Meyer", f: meyer, x0: [0.02, 4000, 250], valueAtStart: 1693607809.44, minimum: 87.9458, minimizer: [0.005609636471028053, 6181.346346286372, 345.2236346241365] },
  { name: "Gulf research and development (m = 99)", f: gulf, x0: [5, 2.5, 0.15], valueAtStart: 12.1107058256, minimum: 0, minimizer: [50, 25, 1.5] },
  // MGH: also 0 at (10, 1, −1) and wherever x₁ = x₂ and x₃ = 0.
  { name: "Box three-dimensional (m = 10)", f: box, x0: [0, 10, 20], valueAtStart: 1031.15381061, minimum: 0, minimizer: [1, 10, 1] },
  { name: "Powell singular", f: powellSingular, x0: [3, -1, 0, 1], valueAtStart: 215, minimum: 0, minimizer: [0, 0, 0, 0] },
  { name: "Wood", f: wood, x0: [-3, -1, -3, -1], valueAtStart: 19192, minimum: 0, minimizer: [1, 1, 1, 1] },
  {
    name: "Kowalik and Osborne",
    f: kowalikOsborne,
    x0: [0.25, 0.39, 0.415, 0.39],
    valueAtStart: 5.31317227211e-3,
    minimum: 3.07505e-4,
    minimizer: [0.19280693457903786, 0.19128232873436696, 0.12305650692632066, 0.13606233068379484],
    // MGH: 1.02734…·10⁻³ at (+∞, −14.07…, −∞, −∞).
    localMinima: [1.02734e-3],
    localMinimizers: [undefined],
  },
  {
    name: "Brown and Dennis (m = 20)",
    f: brownDennis,
    x0: [25, 5, -5, -1],
    valueAtStart: 7926693.337,
    minimum: 85822.2,
    minimizer: [-11.594439904762165, 13.203630051207204, -0.40343948817685954, 0.2367787744557363],
  },
  {
    name: "Osborne 1",
    f: osborne1,
    x0: [0.5, 1.5, -1, 0.01, 0.02],
    valueAtStart: 0.879026293545,
    minimum: 5.46489e-5,
    minimizer: [0.37541005210695205, 1.9358469127123674, -1.464687136613423, 0.012867534640057288, 0.02212269966167261],
  },
  {
    name: "Biggs EXP6 (m = 13)",
    f: biggs,
    x0: [1, 2, 1, 1, 1, 1],
    valueAtStart: 0.779070075656,
    minimum: 0,
    // Also 0 with the two decaying terms swapped, (4, 10, 3, 5, 1, 1).
    minimizer: [1, 10, 1, 5, 4, 3],
    // MGH: 5.65565·10⁻³ (rounded: 5.6556499…), along a valley where x₁ = x₅.
    localMinima: [5.65565e-3],
    localMinimizers: [undefined],
  },
  {
    name: "Watson (n = 6)",
    f: watson,
    x0: [0, 0, 0, 0, 0, 0],
    valueAtStart: 30,
    minimum: 2.28767e-3,
    minimizer: [-0.015725086401458456, 1.0124348693691099, -0.2329916259567377, 1.2604300877996084, -1.5137289227222797, 0.9929964324311346],
  },
  {
    name: "Extended Rosenbrock (n = 100)",
    f: extendedRosenbrock,
    x0: Array.from({ length: 100 }, (_, i) => (i % 2 === 0 ? -1.2 : 1)),
    valueAtStart: 1210,
    minimum: 0,
    minimizer: ones(100),
  },
  { name: "Penalty I (n = 4)", f: penaltyI, x0: [1, 2, 3, 4], valueAtStart: 885.06264, minimum: 2.24997e-5, minimizer: ones(4).fill(0.2500074995875379) },
  {
    name: "Penalty II (n = 4)",
    f: penaltyII,
    x0: [0.5, 0.5, 0.5, 0.5],
    valueAtStart: 2.34000880546,
    minimum: 9.37629e-6,
    minimizer: [0.1999993333503804, 0.19131670099277245, 0.48010148533262315, 0.5188454043902005],
  },
  {
    name: "Variably dimensioned (n = 10)",
    f: variablyDimensioned,
    x0: Array.from({ length: 10 }, (_, j) => 1 - (j + 1) / 10),
    valueAtStart: 2198551.1625,
    minimum: 0,
    minimizer: ones(10),
  },
  {
    name: "Trigonometric (n = 10)",
    f: trigonometric,
    x0: new Array<number>(10).fill(0.1),
    valueAtStart: 7.07575946622e-3,
    minimum: 0,
    minimizer: [
      0.04791194730372715, 0.049184518166637436, 0.05060870289457072, 0.05222304938978842, 0.054083092294858734, 0.05627330346630052, 0.058932138535340545, 0.18639700138447557, 0.15434196040113907,
      0.12462537696307192,
    ],
    // Not MGH's (they give only f* = 0): the local minimum Levenberg–Marquardt reaches from x0.
    localMinima: [2.79506e-5],
    localMinimizers: [
      [
        0.05515090398069129, 0.05684061679473856, 0.058764001762695084, 0.06099060865676081, 0.06362621369585451, 0.06684317945275879, 0.20816151856988116, 0.16436309588564774, 0.08500689568850744,
        0.09143145071470794,
      ],
    ],
  },
  {
    name: "Brown almost-linear (n = 10)",
    f: brownAlmostLinear,
    x0: new Array<number>(10).fill(0.5),
    valueAtStart: 273.248047829,
    minimum: 0,
    minimizer: ones(10),
    // MGH: 1 at (0, …, 0, n + 1).
    localMinima: [1],
    localMinimizers: [[0, 0, 0, 0, 0, 0, 0, 0, 0, 11]],
  },
  {
    name: "Chebyquad (n = 8)",
    f: chebyquad,
    x0: Array.from({ length: 8 }, (_, j) => (j + 1) / 9),
    valueAtStart: 3.86176982859e-2,
    minimum: 3.51687e-3,
    // Any permutation of it too.
    minimizer: [0.04315276015101663, 0.1930908403841861, 0.26632870689027294, 0.5, 0.5, 0.7336712931097271, 0.8069091596158139, 0.9568472398489833],
  },
];

/** An MGH problem as a least-squares problem: its residuals, x0 and minimizer, and ½ of its minimum. */
function asFit(name: string, residuals: (x: number[]) => number[], fit: Pick<FitProblem, "model" | "data"> = {}): FitProblem {
  const problem = problems.find((p) => p.name === name);
  if (problem === undefined) throw new Error(`no problem named ${name}`);
  return { name, residuals, x0: problem.x0, minimum: problem.minimum / 2, minimizer: problem.minimizer, ...fit };
}

/** The model of a @differentiable (x, t) ↦ value, as the function of x that model fields hold. */
const modelOf = (model: (x: readonly number[], t: number) => number) => (x: readonly number[]) => (t: number) => model(x, t);

/** Least-squares problems: MGH's residuals, and two exponential fits to generated data. */
export const fitProblems: readonly FitProblem[] = [
  asFit("Rosenbrock", rosenbrockResiduals),
  asFit("Bard", fits.bardResiduals, { model: modelOf(fits.bardModel), data: { t: fits.BARD_T, y: fits.BARD_Y } }),
  asFit("Gaussian", fits.gaussianResiduals, { model: modelOf(fits.gaussianModel), data: { t: fits.GAUSSIAN_T, y: fits.GAUSSIAN_Y } }),
  asFit("Meyer", fits.meyerResiduals, { model: modelOf(fits.meyerModel), data: { t: fits.MEYER_T, y: fits.MEYER_Y } }),
  asFit("Box three-dimensional (m = 10)", fits.boxResiduals, { model: modelOf(fits.boxModel), data: { t: fits.BOX_T, y: fits.BOX_Y } }),
  asFit("Kowalik and Osborne", fits.kowalikOsborneResiduals, { model: modelOf(fits.kowalikOsborneModel), data: { t: fits.KOWALIK_OSBORNE_U, y: fits.KOWALIK_OSBORNE_Y } }),
  asFit("Brown and Dennis (m = 20)", brownDennisResiduals),
  asFit("Osborne 1", fits.osborne1Residuals, { model: modelOf(fits.osborne1Model), data: { t: fits.OSBORNE1_T, y: fits.OSBORNE1_Y } }),
  asFit("Biggs EXP6 (m = 13)", fits.biggsResiduals, { model: modelOf(fits.biggsModel), data: { t: fits.BIGGS_T, y: fits.BIGGS_Y } }),
  {
    name: "Exponential decay 2.5·e^(−1.3t) + 0.5, perturbed",
    residuals: fits.decayResiduals,
    x0: [1, 1, 0],
    model: modelOf(fits.decayModel),
    data: { t: fits.DECAY_T, y: fits.DECAY_Y },
    generatedWith: fits.DECAY_TRUTH,
  },
  {
    name: "Two exponentials 3·e^(−0.6t) + 1.5·e^(−3.5t), perturbed",
    residuals: fits.twoExponentialsResiduals,
    x0: [1, 0.2, 1, 2],
    model: modelOf(fits.twoExponentialsModel),
    data: { t: fits.TWO_EXPONENTIALS_T, y: fits.TWO_EXPONENTIALS_Y },
    generatedWith: fits.TWO_EXPONENTIALS_TRUTH,
  },
];
