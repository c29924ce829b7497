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

/**
 * Σ rᵢ², MGH's objective from its residuals.
 * @differentiable
 */
function sumOfSquares(r: number[]): number {
  let sum = 0;
  for (let i = 0; i < r.length; i++) sum += r[i] * r[i];
  return sum;
}

// ——— Residuals, in MGH's order (their problem number in brackets) ———

/**
 * [1] Rosenbrock, n = 2, m = 2.
 * @differentiable
 */
function rosenbrockResiduals(x: number[]): number[] {
  return [10 * (x[1] - x[0] * x[0]), 1 - x[0]];
}

/**
 * [2] Freudenstein and Roth, n = 2, m = 2.
 * @differentiable
 */
function freudensteinRothResiduals(x: number[]): number[] {
  return [-13 + x[0] + ((5 - x[1]) * x[1] - 2) * x[1], -29 + x[0] + ((x[1] + 1) * x[1] - 14) * x[1]];
}

/**
 * [3] Powell badly scaled, n = 2, m = 2.
 * @differentiable
 */
function powellBadlyScaledResiduals(x: number[]): number[] {
  return [1e4 * x[0] * x[1] - 1, Math.exp(-x[0]) + Math.exp(-x[1]) - 1.0001];
}

/**
 * [4] Brown badly scaled, n = 2, m = 3.
 * @differentiable
 */
function brownBadlyScaledResiduals(x: number[]): number[] {
  return [x[0] - 1e6, x[1] - 2e-6, x[0] * x[1] - 2];
}

const BEALE_Y = [1.5, 2.25, 2.625];

/**
 * [5] Beale, n = 2, m = 3: yᵢ − x₁(1 − x₂ⁱ).
 * @differentiable
 */
function bealeResiduals(x: number[]): number[] {
  const r: number[] = [];
  let power = 1;
  for (let i = 0; i < 3; i++) {
    power *= x[1];
    r.push(BEALE_Y[i] - x[0] * (1 - power));
  }
  return r;
}

/**
 * [6] Jennrich and Sampson, n = 2, m = 10: 2 + 2i − (e^(i·x₁) + e^(i·x₂)).
 * @differentiable
 */
function jennrichSampsonResiduals(x: number[]): number[] {
  const r: number[] = [];
  for (let i = 1; i <= 10; i++) r.push(2 + 2 * i - (Math.exp(i * x[0]) + Math.exp(i * x[1])));
  return r;
}

/**
 * [7] Helical valley, n = 3, m = 3: θ = atan(x₂/x₁)/2π, plus ½ where x₁ < 0.
 * @differentiable
 */
function helicalValleyResiduals(x: number[]): number[] {
  const theta = Math.atan(x[1] / x[0]) / (2 * Math.PI) + (x[0] < 0 ? 0.5 : 0);
  return [10 * (x[2] - 10 * theta), 10 * (Math.sqrt(x[0] * x[0] + x[1] * x[1]) - 1), x[2]];
}

const BARD_T = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15];
const BARD_Y = [0.14, 0.18, 0.22, 0.25, 0.29, 0.32, 0.35, 0.39, 0.37, 0.58, 0.73, 0.96, 1.34, 2.1, 4.39];

/**
 * Bard's model at uᵢ = i: x₁ + u/(v·x₂ + w·x₃), v = 16 − u, w = min(u, v).
 * @differentiable wrt(x)
 */
function bardModel(x: readonly number[], u: number): number {
  return x[0] + u / ((16 - u) * x[1] + Math.min(u, 16 - u) * x[2]);
}

/**
 * [8] Bard, n = 3, m = 15: yᵢ − model.
 * @differentiable
 */
function bardResiduals(x: number[]): number[] {
  const r: number[] = [];
  for (let i = 0; i < BARD_T.length; i++) r.push(BARD_Y[i] - bardModel(x, BARD_T[i]));
  return r;
}

const GAUSSIAN_T = [3.5, 3, 2.5, 2, 1.5, 1, 0.5, 0, -0.5, -1, -1.5, -2, -2.5, -3, -3.5];
const GAUSSIAN_Y = [0.0009, 0.0044, 0.0175, 0.054, 0.1295, 0.242, 0.3521, 0.3989, 0.3521, 0.242, 0.1295, 0.054, 0.0175, 0.0044, 0.0009];

/**
 * x₁·exp(−x₂(t − x₃)²/2).
 * @differentiable wrt(x)
 */
function gaussianModel(x: readonly number[], t: number): number {
  const d = t - x[2];
  return x[0] * Math.exp((-x[1] * d * d) / 2);
}

/**
 * [9] Gaussian, n = 3, m = 15, tᵢ = (8 − i)/2: model − yᵢ.
 * @differentiable
 */
function gaussianResiduals(x: number[]): number[] {
  const r: number[] = [];
  for (let i = 0; i < GAUSSIAN_T.length; i++) r.push(gaussianModel(x, GAUSSIAN_T[i]) - GAUSSIAN_Y[i]);
  return r;
}

const MEYER_T = [50, 55, 60, 65, 70, 75, 80, 85, 90, 95, 100, 105, 110, 115, 120, 125];
const MEYER_Y = [34780, 28610, 23650, 19630, 16370, 13720, 11540, 9744, 8261, 7030, 6005, 5147, 4427, 3820, 3307, 2872];

/**
 * x₁·exp(x₂/(t + x₃)).
 * @differentiable wrt(x)
 */
function meyerModel(x: readonly number[], t: number): number {
  return x[0] * Math.exp(x[1] / (t + x[2]));
}

/**
 * [10] Meyer, n = 3, m = 16, tᵢ = 45 + 5i: model − yᵢ.
 * @differentiable
 */
function meyerResiduals(x: number[]): number[] {
  const r: number[] = [];
  for (let i = 0; i < MEYER_T.length; i++) r.push(meyerModel(x, MEYER_T[i]) - MEYER_Y[i]);
  return r;
}

/**
 * [11] Gulf research and development, n = 3, m = 99: exp(−|yᵢ − x₂|^x₃ / x₁) − tᵢ, tᵢ = i/100, yᵢ = 25 + (−50 ln tᵢ)^(2/3).
 * @differentiable
 */
function gulfResiduals(x: number[]): number[] {
  const r: number[] = [];
  for (let i = 1; i <= 99; i++) {
    const t = i / 100;
    const y = 25 + (-50 * Math.log(t)) ** (2 / 3);
    r.push(Math.exp(-(Math.abs(y - x[1]) ** x[2]) / x[0]) - t);
  }
  return r;
}

const BOX_T = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1];
const BOX_Y = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0];

/**
 * e^(−t·x₁) − e^(−t·x₂) − x₃(e^(−t) − e^(−10t)).
 * @differentiable wrt(x)
 */
function boxModel(x: readonly number[], t: number): number {
  return Math.exp(-t * x[0]) - Math.exp(-t * x[1]) - x[2] * (Math.exp(-t) - Math.exp(-10 * t));
}

/**
 * [12] Box three-dimensional, n = 3, m = 10, tᵢ = 0.1i: the model itself (data 0).
 * @differentiable
 */
function boxResiduals(x: number[]): number[] {
  const r: number[] = [];
  for (let i = 0; i < BOX_T.length; i++) r.push(boxModel(x, BOX_T[i]) - BOX_Y[i]);
  return r;
}

/**
 * [13] Powell singular, n = 4, m = 4.
 * @differentiable
 */
function powellSingularResiduals(x: number[]): number[] {
  const a = x[1] - 2 * x[2];
  const b = x[0] - x[3];
  return [x[0] + 10 * x[1], Math.sqrt(5) * (x[2] - x[3]), a * a, Math.sqrt(10) * b * b];
}

/**
 * [14] Wood, n = 4, m = 6.
 * @differentiable
 */
function woodResiduals(x: number[]): number[] {
  return [10 * (x[1] - x[0] * x[0]), 1 - x[0], Math.sqrt(90) * (x[3] - x[2] * x[2]), 1 - x[2], Math.sqrt(10) * (x[1] + x[3] - 2), (x[1] - x[3]) / Math.sqrt(10)];
}

const KOWALIK_OSBORNE_U = [4, 2, 1, 0.5, 0.25, 0.167, 0.125, 0.1, 0.0833, 0.0714, 0.0625];
const KOWALIK_OSBORNE_Y = [0.1957, 0.1947, 0.1735, 0.16, 0.0844, 0.0627, 0.0456, 0.0342, 0.0323, 0.0235, 0.0246];

/**
 * x₁(u² + u·x₂)/(u² + u·x₃ + x₄).
 * @differentiable wrt(x)
 */
function kowalikOsborneModel(x: readonly number[], u: number): number {
  return (x[0] * (u * u + u * x[1])) / (u * u + u * x[2] + x[3]);
}

/**
 * [15] Kowalik and Osborne, n = 4, m = 11: yᵢ − model.
 * @differentiable
 */
function kowalikOsborneResiduals(x: number[]): number[] {
  const r: number[] = [];
  for (let i = 0; i < KOWALIK_OSBORNE_U.length; i++) r.push(KOWALIK_OSBORNE_Y[i] - kowalikOsborneModel(x, KOWALIK_OSBORNE_U[i]));
  return r;
}

/**
 * [16] Brown and Dennis, n = 4, m = 20: (x₁ + tᵢx₂ − e^tᵢ)² + (x₃ + x₄ sin tᵢ − cos tᵢ)², tᵢ = i/5.
 * @differentiable
 */
function brownDennisResiduals(x: number[]): number[] {
  const r: number[] = [];
  for (let i = 1; i <= 20; i++) {
    const t = i / 5;
    const a = x[0] + t * x[1] - Math.exp(t);
    const b = x[2] + x[3] * Math.sin(t) - Math.cos(t);
    r.push(a * a + b * b);
  }
  return r;
}

const OSBORNE1_T = Array.from({ length: 33 }, (_, i) => 10 * i);
const OSBORNE1_Y = [
  0.844, 0.908, 0.932, 0.936, 0.925, 0.908, 0.881, 0.85, 0.818, 0.784, 0.751, 0.718, 0.685, 0.658, 0.628, 0.603, 0.58, 0.558, 0.538, 0.522, 0.506, 0.49, 0.478, 0.467, 0.457, 0.448, 0.438, 0.431,
  0.424, 0.42, 0.414, 0.411, 0.406,
];

/**
 * x₁ + x₂e^(−t·x₄) + x₃e^(−t·x₅).
 * @differentiable wrt(x)
 */
function osborne1Model(x: readonly number[], t: number): number {
  return x[0] + x[1] * Math.exp(-t * x[3]) + x[2] * Math.exp(-t * x[4]);
}

/**
 * [17] Osborne 1, n = 5, m = 33, tᵢ = 10(i − 1): yᵢ − model.
 * @differentiable
 */
function osborne1Residuals(x: number[]): number[] {
  const r: number[] = [];
  for (let i = 0; i < OSBORNE1_T.length; i++) r.push(OSBORNE1_Y[i] - osborne1Model(x, OSBORNE1_T[i]));
  return r;
}

const BIGGS_T = Array.from({ length: 13 }, (_, i) => 0.1 * (i + 1));
const BIGGS_Y = BIGGS_T.map((t) => Math.exp(-t) - 5 * Math.exp(-10 * t) + 3 * Math.exp(-4 * t));

/**
 * x₃e^(−t·x₁) − x₄e^(−t·x₂) + x₆e^(−t·x₅).
 * @differentiable wrt(x)
 */
function biggsModel(x: readonly number[], t: number): number {
  return x[2] * Math.exp(-t * x[0]) - x[3] * Math.exp(-t * x[1]) + x[5] * Math.exp(-t * x[4]);
}

/**
 * [18] Biggs EXP6, n = 6, m = 13, tᵢ = 0.1i, yᵢ = e^(−t) − 5e^(−10t) + 3e^(−4t): model − yᵢ.
 * @differentiable
 */
function biggsResiduals(x: number[]): number[] {
  const r: number[] = [];
  for (let i = 0; i < BIGGS_T.length; i++) r.push(biggsModel(x, BIGGS_T[i]) - BIGGS_Y[i]);
  return r;
}

/**
 * [20] Watson, any n, m = 31: Σⱼ (j − 1)xⱼtᵢ^(j−2) − (Σⱼ xⱼtᵢ^(j−1))² − 1 at tᵢ = i/29, then x₁ and x₂ − x₁² − 1.
 * @differentiable
 */
function watsonResiduals(x: number[]): number[] {
  const r: number[] = [];
  for (let i = 1; i <= 29; i++) {
    const t = i / 29;
    let slope = 0;
    let value = x[0];
    let power = 1; // t^(j−1)
    for (let j = 1; j < x.length; j++) {
      slope += j * x[j] * power;
      power *= t;
      value += x[j] * power;
    }
    r.push(slope - value * value - 1);
  }
  r.push(x[0]);
  r.push(x[1] - x[0] * x[0] - 1);
  return r;
}

/**
 * [21] Extended Rosenbrock, n even, m = n.
 * @differentiable
 */
function extendedRosenbrockResiduals(x: number[]): number[] {
  const r: number[] = [];
  for (let i = 0; i + 1 < x.length; i += 2) {
    r.push(10 * (x[i + 1] - x[i] * x[i]));
    r.push(1 - x[i]);
  }
  return r;
}

/**
 * [23] Penalty I, any n, m = n + 1: √a(xᵢ − 1), a = 10⁻⁵, then Σxⱼ² − ¼.
 * @differentiable
 */
function penaltyIResiduals(x: number[]): number[] {
  const r: number[] = [];
  let squares = 0;
  for (let i = 0; i < x.length; i++) {
    r.push(Math.sqrt(1e-5) * (x[i] - 1));
    squares += x[i] * x[i];
  }
  r.push(squares - 0.25);
  return r;
}

/**
 * [24] Penalty II, any n, m = 2n.
 * @differentiable
 */
function penaltyIIResiduals(x: number[]): number[] {
  const n = x.length;
  const a = Math.sqrt(1e-5);
  const r: number[] = [x[0] - 0.2];
  for (let i = 1; i < n; i++) r.push(a * (Math.exp(x[i] / 10) + Math.exp(x[i - 1] / 10) - (Math.exp((i + 1) / 10) + Math.exp(i / 10))));
  for (let i = 1; i < n; i++) r.push(a * (Math.exp(x[i] / 10) - Math.exp(-1 / 10)));
  let weighted = 0;
  for (let j = 0; j < n; j++) weighted += (n - j) * x[j] * x[j];
  r.push(weighted - 1);
  return r;
}

/**
 * [25] Variably dimensioned, any n, m = n + 2: xᵢ − 1, then s = Σ j(xⱼ − 1) and s².
 * @differentiable
 */
function variablyDimensionedResiduals(x: number[]): number[] {
  const r: number[] = [];
  let s = 0;
  for (let j = 0; j < x.length; j++) {
    r.push(x[j] - 1);
    s += (j + 1) * (x[j] - 1);
  }
  r.push(s);
  r.push(s * s);
  return r;
}

/**
 * [26] Trigonometric, any n, m = n: n − Σ cos xⱼ + i(1 − cos xᵢ) − sin xᵢ.
 * @differentiable
 */
function trigonometricResiduals(x: number[]): number[] {
  const n = x.length;
  let cosines = 0;
  for (let j = 0; j < n; j++) cosines += Math.cos(x[j]);
  const r: number[] = [];
  for (let i = 0; i < n; i++) r.push(n - cosines + (i + 1) * (1 - Math.cos(x[i])) - Math.sin(x[i]));
  return r;
}

/**
 * [27] Brown almost-linear, any n, m = n: xᵢ + Σxⱼ − (n + 1) for i < n, then Πxⱼ − 1.
 * @differentiable
 */
function brownAlmostLinearResiduals(x: number[]): number[] {
  const n = x.length;
  let sum = 0;
  let product = 1;
  for (let j = 0; j < n; j++) {
    sum += x[j];
    product *= x[j];
  }
  const r: number[] = [];
  for (let i = 0; i + 1 < n; i++) r.push(x[i] + sum - (n + 1));
  r.push(product - 1);
  return r;
}

/**
 * [35] Chebyquad, any n, m = n: (1/n)Σⱼ Tᵢ(2xⱼ − 1) − ∫₀¹ Tᵢ(2s − 1) ds, Tᵢ the Chebyshev polynomials.
 * @differentiable
 */
function chebyquadResiduals(x: number[]): number[] {
  const n = x.length;
  const sums: number[] = new Array(n).fill(0);
  for (let j = 0; j < n; j++) {
    const z = 2 * x[j] - 1;
    let previous = 1;
    let current = z;
    for (let i = 0; i < n; i++) {
      sums[i] += current; // T_(i+1)(z)
      const next = 2 * z * current - previous;
      previous = current;
      current = next;
    }
  }
  const r: number[] = [];
  for (let i = 1; i <= n; i++) r.push(sums[i - 1] / n - (i % 2 === 1 ? 0 : -1 / (i * i - 1)));
  return r;
}

// ——— Objectives f = Σ fᵢ² ———

/** @differentiable */
function rosenbrock(x: number[]): number {
  const r = rosenbrockResiduals(x);
  return sumOfSquares(r);
}
/** @differentiable */
function freudensteinRoth(x: number[]): number {
  const r = freudensteinRothResiduals(x);
  return sumOfSquares(r);
}
/** @differentiable */
function powellBadlyScaled(x: number[]): number {
  const r = powellBadlyScaledResiduals(x);
  return sumOfSquares(r);
}
/** @differentiable */
function brownBadlyScaled(x: number[]): number {
  const r = brownBadlyScaledResiduals(x);
  return sumOfSquares(r);
}
/** @differentiable */
function beale(x: number[]): number {
  const r = bealeResiduals(x);
  return sumOfSquares(r);
}
/** @differentiable */
function jennrichSampson(x: number[]): number {
  const r = jennrichSampsonResiduals(x);
  return sumOfSquares(r);
}
/** @differentiable */
function helicalValley(x: number[]): number {
  const r = helicalValleyResiduals(x);
  return sumOfSquares(r);
}
/** @differentiable */
function bard(x: number[]): number {
  const r = bardResiduals(x);
  return sumOfSquares(r);
}
/** @differentiable */
function gaussian(x: number[]): number {
  const r = gaussianResiduals(x);
  return sumOfSquares(r);
}
/** @differentiable */
function meyer(x: number[]): number {
  const r = meyerResiduals(x);
  return sumOfSquares(r);
}
/** @differentiable */
function gulf(x: number[]): number {
  const r = gulfResiduals(x);
  return sumOfSquares(r);
}
/** @differentiable */
function box(x: number[]): number {
  const r = boxResiduals(x);
  return sumOfSquares(r);
}
/** @differentiable */
function powellSingular(x: number[]): number {
  const r = powellSingularResiduals(x);
  return sumOfSquares(r);
}
/** @differentiable */
function wood(x: number[]): number {
  const r = woodResiduals(x);
  return sumOfSquares(r);
}
/** @differentiable */
function kowalikOsborne(x: number[]): number {
  const r = kowalikOsborneResiduals(x);
  return sumOfSquares(r);
}
/** @differentiable */
function brownDennis(x: number[]): number {
  const r = brownDennisResiduals(x);
  return sumOfSquares(r);
}
/** @differentiable */
function osborne1(x: number[]): number {
  const r = osborne1Residuals(x);
  return sumOfSquares(r);
}
/** @differentiable */
function biggs(x: number[]): number {
  const r = biggsResiduals(x);
  return sumOfSquares(r);
}
/** @differentiable */
function watson(x: number[]): number {
  const r = watsonResiduals(x);
  return sumOfSquares(r);
}
/** @differentiable */
function extendedRosenbrock(x: number[]): number {
  const r = extendedRosenbrockResiduals(x);
  return sumOfSquares(r);
}
/** @differentiable */
function penaltyI(x: number[]): number {
  const r = penaltyIResiduals(x);
  return sumOfSquares(r);
}
/** @differentiable */
function penaltyII(x: number[]): number {
  const r = penaltyIIResiduals(x);
  return sumOfSquares(r);
}
/** @differentiable */
function variablyDimensioned(x: number[]): number {
  const r = variablyDimensionedResiduals(x);
  return sumOfSquares(r);
}
/** @differentiable */
function trigonometric(x: number[]): number {
  const r = trigonometricResiduals(x);
  return sumOfSquares(r);
}
/** @differentiable */
function brownAlmostLinear(x: number[]): number {
  const r = brownAlmostLinearResiduals(x);
  return sumOfSquares(r);
}
/** @differentiable */
function chebyquad(x: number[]): number {
  const r = chebyquadResiduals(x);
  return sumOfSquares(r);
}

const ones = (n: number) => new Array<number>(n).fill(1);

/** MGH's unconstrained problems (n = variables, m = residuals in each name's comment above). */
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

// ——— Fits to data generated here ———

/** A fixed, small, sign-changing perturbation of the i-th data point, |εᵢ| ≤ 0.01. */
const perturbation = (i: number) => 0.01 * Math.sin(2.3 * i * i + 0.7);

/**
 * a·e^(−k·t) + c, x = (a, k, c).
 * @differentiable wrt(x)
 */
function decayModel(x: readonly number[], t: number): number {
  return x[0] * Math.exp(-x[1] * t) + x[2];
}

const DECAY_TRUTH = [2.5, 1.3, 0.5];
const DECAY_T = Array.from({ length: 21 }, (_, i) => i / 10);
const DECAY_Y = DECAY_T.map((t, i) => decayModel(DECAY_TRUTH, t) + perturbation(i));

/**
 * model − yᵢ.
 * @differentiable
 */
function decayResiduals(x: number[]): number[] {
  const r: number[] = [];
  for (let i = 0; i < DECAY_T.length; i++) r.push(decayModel(x, DECAY_T[i]) - DECAY_Y[i]);
  return r;
}

/**
 * a₁·e^(−k₁·t) + a₂·e^(−k₂·t), x = (a₁, k₁, a₂, k₂).
 * @differentiable wrt(x)
 */
function twoExponentialsModel(x: readonly number[], t: number): number {
  return x[0] * Math.exp(-x[1] * t) + x[2] * Math.exp(-x[3] * t);
}

const TWO_EXPONENTIALS_TRUTH = [3, 0.6, 1.5, 3.5];
const TWO_EXPONENTIALS_T = Array.from({ length: 31 }, (_, i) => (3 * i) / 20);
const TWO_EXPONENTIALS_Y = TWO_EXPONENTIALS_T.map((t, i) => twoExponentialsModel(TWO_EXPONENTIALS_TRUTH, t) + perturbation(i));

/**
 * model − yᵢ.
 * @differentiable
 */
function twoExponentialsResiduals(x: number[]): number[] {
  const r: number[] = [];
  for (let i = 0; i < TWO_EXPONENTIALS_T.length; i++) r.push(twoExponentialsModel(x, TWO_EXPONENTIALS_T[i]) - TWO_EXPONENTIALS_Y[i]);
  return r;
}

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
  asFit("Bard", bardResiduals, { model: modelOf(bardModel), data: { t: BARD_T, y: BARD_Y } }),
  asFit("Gaussian", gaussianResiduals, { model: modelOf(gaussianModel), data: { t: GAUSSIAN_T, y: GAUSSIAN_Y } }),
  asFit("Meyer", meyerResiduals, { model: modelOf(meyerModel), data: { t: MEYER_T, y: MEYER_Y } }),
  asFit("Box three-dimensional (m = 10)", boxResiduals, { model: modelOf(boxModel), data: { t: BOX_T, y: BOX_Y } }),
  asFit("Kowalik and Osborne", kowalikOsborneResiduals, { model: modelOf(kowalikOsborneModel), data: { t: KOWALIK_OSBORNE_U, y: KOWALIK_OSBORNE_Y } }),
  asFit("Brown and Dennis (m = 20)", brownDennisResiduals),
  asFit("Osborne 1", osborne1Residuals, { model: modelOf(osborne1Model), data: { t: OSBORNE1_T, y: OSBORNE1_Y } }),
  asFit("Biggs EXP6 (m = 13)", biggsResiduals, { model: modelOf(biggsModel), data: { t: BIGGS_T, y: BIGGS_Y } }),
  {
    name: "Exponential decay 2.5·e^(−1.3t) + 0.5, perturbed",
    residuals: decayResiduals,
    x0: [1, 1, 0],
    model: modelOf(decayModel),
    data: { t: DECAY_T, y: DECAY_Y },
    generatedWith: DECAY_TRUTH,
  },
  {
    name: "Two exponentials 3·e^(−0.6t) + 1.5·e^(−3.5t), perturbed",
    residuals: twoExponentialsResiduals,
    x0: [1, 0.2, 1, 2],
    model: modelOf(twoExponentialsModel),
    data: { t: TWO_EXPONENTIALS_T, y: TWO_EXPONENTIALS_Y },
    generatedWith: TWO_EXPONENTIALS_TRUTH,
  },
];
