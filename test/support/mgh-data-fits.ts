// The least-squares problems that fit a model to data: MGH's (see
// optimization-problems.ts) with their published data — 8 Bard, 9 Gaussian,
// 10 Meyer, 12 Box three-dimensional, 15 Kowalik and Osborne, 17 Osborne 1,
// 18 Biggs EXP6 — and two exponential fits to data generated here. For each:
// the data (t, y), the model (x, t) ↦ value marked @differentiable wrt(x),
// and the residuals, marked @differentiable, with MGH's sign. The residuals
// that fit no data are in mgh-residuals.ts.

export const BARD_T = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15];
export const BARD_Y = [0.14, 0.18, 0.22, 0.25, 0.29, 0.32, 0.35, 0.39, 0.37, 0.58, 0.73, 0.96, 1.34, 2.1, 4.39];

/**
 * Bard's model at uᵢ = i: x₁ + u/(v·x₂ + w·x₃), v = 16 − u, w = min(u, v).
 * @differentiable wrt(x)
 */
export function bardModel(x: readonly number[], u: number): number {
  return x[0] + u / ((16 - u) * x[1] + Math.min(u, 16 - u) * x[2]);
}

/**
 * [8] Bard, n = 3, m = 15: yᵢ − model.
 * @differentiable
 */
export function bardResiduals(x: number[]): number[] {
  const r: number[] = [];
  for (let i = 0; i < BARD_T.length; i++) r.push(BARD_Y[i] - bardModel(x, BARD_T[i]));
  return r;
}

export const GAUSSIAN_T = [3.5, 3, 2.5, 2, 1.5, 1, 0.5, 0, -0.5, -1, -1.5, -2, -2.5, -3, -3.5];
export const GAUSSIAN_Y = [0.0009, 0.0044, 0.0175, 0.054, 0.1295, 0.242, 0.3521, 0.3989, 0.3521, 0.242, 0.1295, 0.054, 0.0175, 0.0044, 0.0009];

/**
 * x₁·exp(−x₂(t − x₃)²/2).
 * @differentiable wrt(x)
 */
export function gaussianModel(x: readonly number[], t: number): number {
  const d = t - x[2];
  return x[0] * Math.exp((-x[1] * d * d) / 2);
}

/**
 * [9] Gaussian, n = 3, m = 15, tᵢ = (8 − i)/2: model − yᵢ.
 * @differentiable
 */
export function gaussianResiduals(x: number[]): number[] {
  const r: number[] = [];
  for (let i = 0; i < GAUSSIAN_T.length; i++) r.push(gaussianModel(x, GAUSSIAN_T[i]) - GAUSSIAN_Y[i]);
  return r;
}

export const MEYER_T = [50, 55, 60, 65, 70, 75, 80, 85, 90, 95, 100, 105, 110, 115, 120, 125];
export const MEYER_Y = [34780, 28610, 23650, 19630, 16370, 13720, 11540, 9744, 8261, 7030, 6005, 5147, 4427, 3820, 3307, 2872];

/**
 * x₁·exp(x₂/(t + x₃)).
 * @differentiable wrt(x)
 */
export function meyerModel(x: readonly number[], t: number): number {
  return x[0] * Math.exp(x[1] / (t + x[2]));
}

/**
 * [10] Meyer, n = 3, m = 16, tᵢ = 45 + 5i: model − yᵢ.
 * @differentiable
 */
export function meyerResiduals(x: number[]): number[] {
  const r: number[] = [];
  for (let i = 0; i < MEYER_T.length; i++) r.push(meyerModel(x, MEYER_T[i]) - MEYER_Y[i]);
  return r;
}

export const BOX_T = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1];
export const BOX_Y = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0];

/**
 * e^(−t·x₁) − e^(−t·x₂) − x₃(e^(−t) − e^(−10t)).
 * @differentiable wrt(x)
 */
export function boxModel(x: readonly number[], t: number): number {
  return Math.exp(-t * x[0]) - Math.exp(-t * x[1]) - x[2] * (Math.exp(-t) - Math.exp(-10 * t));
}

/**
 * [12] Box three-dimensional, n = 3, m = 10, tᵢ = 0.1i: the model itself (data 0).
 * @differentiable
 */
export function boxResiduals(x: number[]): number[] {
  const r: number[] = [];
  for (let i = 0; i < BOX_T.length; i++) r.push(boxModel(x, BOX_T[i]) - BOX_Y[i]);
  return r;
}

export const KOWALIK_OSBORNE_U = [4, 2, 1, 0.5, 0.25, 0.167, 0.125, 0.1, 0.0833, 0.0714, 0.0625];
export const KOWALIK_OSBORNE_Y = [0.1957, 0.1947, 0.1735, 0.16, 0.0844, 0.0627, 0.0456, 0.0342, 0.0323, 0.0235, 0.0246];

/**
 * x₁(u² + u·x₂)/(u² + u·x₃ + x₄).
 * @differentiable wrt(x)
 */
export function kowalikOsborneModel(x: readonly number[], u: number): number {
  return (x[0] * (u * u + u * x[1])) / (u * u + u * x[2] + x[3]);
}

/**
 * [15] Kowalik and Osborne, n = 4, m = 11: yᵢ − model.
 * @differentiable
 */
export function kowalikOsborneResiduals(x: number[]): number[] {
  const r: number[] = [];
  for (let i = 0; i < KOWALIK_OSBORNE_U.length; i++) r.push(KOWALIK_OSBORNE_Y[i] - kowalikOsborneModel(x, KOWALIK_OSBORNE_U[i]));
  return r;
}

export const OSBORNE1_T = Array.from({ length: 33 }, (_, i) => 10 * i);
export const OSBORNE1_Y = [
  0.844, 0.908, 0.932, 0.936, 0.925, 0.908, 0.881, 0.85, 0.818, 0.784, 0.751, 0.718, 0.685, 0.658, 0.628, 0.603, 0.58, 0.558, 0.538, 0.522, 0.506, 0.49, 0.478, 0.467, 0.457, 0.448, 0.438, 0.431,
  0.424, 0.42, 0.414, 0.411, 0.406,
];

/**
 * x₁ + x₂e^(−t·x₄) + x₃e^(−t·x₅).
 * @differentiable wrt(x)
 */
export function osborne1Model(x: readonly number[], t: number): number {
  return x[0] + x[1] * Math.exp(-t * x[3]) + x[2] * Math.exp(-t * x[4]);
}

/**
 * [17] Osborne 1, n = 5, m = 33, tᵢ = 10(i − 1): yᵢ − model.
 * @differentiable
 */
export function osborne1Residuals(x: number[]): number[] {
  const r: number[] = [];
  for (let i = 0; i < OSBORNE1_T.length; i++) r.push(OSBORNE1_Y[i] - osborne1Model(x, OSBORNE1_T[i]));
  return r;
}

export const BIGGS_T = Array.from({ length: 13 }, (_, i) => 0.1 * (i + 1));
export const BIGGS_Y = BIGGS_T.map((t) => Math.exp(-t) - 5 * Math.exp(-10 * t) + 3 * Math.exp(-4 * t));

/**
 * x₃e^(−t·x₁) − x₄e^(−t·x₂) + x₆e^(−t·x₅).
 * @differentiable wrt(x)
 */
export function biggsModel(x: readonly number[], t: number): number {
  return x[2] * Math.exp(-t * x[0]) - x[3] * Math.exp(-t * x[1]) + x[5] * Math.exp(-t * x[4]);
}

/**
 * [18] Biggs EXP6, n = 6, m = 13, tᵢ = 0.1i, yᵢ = e^(−t) − 5e^(−10t) + 3e^(−4t): model − yᵢ.
 * @differentiable
 */
export function biggsResiduals(x: number[]): number[] {
  const r: number[] = [];
  for (let i = 0; i < BIGGS_T.length; i++) r.push(biggsModel(x, BIGGS_T[i]) - BIGGS_Y[i]);
  return r;
}

// ——— Fits to data generated here ———

/** A fixed, small, sign-changing perturbation of the i-th data point, |εᵢ| ≤ 0.01. */
const perturbation = (i: number) => 0.01 * Math.sin(2.3 * i * i + 0.7);

/**
 * a·e^(−k·t) + c, x = (a, k, c).
 * @differentiable wrt(x)
 */
export function decayModel(x: readonly number[], t: number): number {
  return x[0] * Math.exp(-x[1] * t) + x[2];
}

export const DECAY_TRUTH = [2.5, 1.3, 0.5];
export const DECAY_T = Array.from({ length: 21 }, (_, i) => i / 10);
export const DECAY_Y = DECAY_T.map((t, i) => decayModel(DECAY_TRUTH, t) + perturbation(i));

/**
 * model − yᵢ.
 * @differentiable
 */
export function decayResiduals(x: number[]): number[] {
  const r: number[] = [];
  for (let i = 0; i < DECAY_T.length; i++) r.push(decayModel(x, DECAY_T[i]) - DECAY_Y[i]);
  return r;
}

/**
 * a₁·e^(−k₁·t) + a₂·e^(−k₂·t), x = (a₁, k₁, a₂, k₂).
 * @differentiable wrt(x)
 */
export function twoExponentialsModel(x: readonly number[], t: number): number {
  return x[0] * Math.exp(-x[1] * t) + x[2] * Math.exp(-x[3] * t);
}

export const TWO_EXPONENTIALS_TRUTH = [3, 0.6, 1.5, 3.5];
export const TWO_EXPONENTIALS_T = Array.from({ length: 31 }, (_, i) => (3 * i) / 20);
export const TWO_EXPONENTIALS_Y = TWO_EXPONENTIALS_T.map((t, i) => twoExponentialsModel(TWO_EXPONENTIALS_TRUTH, t) + perturbation(i));

/**
 * model − yᵢ.
 * @differentiable
 */
export function twoExponentialsResiduals(x: number[]): number[] {
  const r: number[] = [];
  for (let i = 0; i < TWO_EXPONENTIALS_T.length; i++) r.push(twoExponentialsModel(x, TWO_EXPONENTIALS_T[i]) - TWO_EXPONENTIALS_Y[i]);
  return r;
}
