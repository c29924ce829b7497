// The residual functions of the Moré–Garbow–Hillstrom problems (MGH, see
// optimization-problems.ts) that fit no data set: each maps x to MGH's
// residual vector fᵢ(x), with MGH's sign, marked @differentiable. In MGH's
// order, their problem number in brackets; the fits to data (8 Bard,
// 9 Gaussian, 10 Meyer, 12 Box, 15 Kowalik and Osborne, 17 Osborne 1,
// 18 Biggs EXP6) are in mgh-data-fits.ts. Objectives f = Σ fᵢ² over these are
// in mgh-objectives.ts.

/**
 * [1] Rosenbrock, n = 2, m = 2.
 * @differentiable
 */
export function rosenbrockResiduals(x: number[]): number[] {
  return [10 * (x[1] - x[0] * x[0]), 1 - x[0]];
}

/**
 * [2] Freudenstein and Roth, n = 2, m = 2.
 * @differentiable
 */
export function freudensteinRothResiduals(x: number[]): number[] {
  return [-13 + x[0] + ((5 - x[1]) * x[1] - 2) * x[1], -29 + x[0] + ((x[1] + 1) * x[1] - 14) * x[1]];
}

/**
 * [3] Powell badly scaled, n = 2, m = 2.
 * @differentiable
 */
export function powellBadlyScaledResiduals(x: number[]): number[] {
  return [1e4 * x[0] * x[1] - 1, Math.exp(-x[0]) + Math.exp(-x[1]) - 1.0001];
}

/**
 * [4] Brown badly scaled, n = 2, m = 3.
 * @differentiable
 */
export function brownBadlyScaledResiduals(x: number[]): number[] {
  return [x[0] - 1e6, x[1] - 2e-6, x[0] * x[1] - 2];
}

const BEALE_Y = [1.5, 2.25, 2.625];

/**
 * [5] Beale, n = 2, m = 3: yᵢ − x₁(1 − x₂ⁱ).
 * @differentiable
 */
export function bealeResiduals(x: number[]): number[] {
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
export function jennrichSampsonResiduals(x: number[]): number[] {
  const r: number[] = [];
  for (let i = 1; i <= 10; i++) r.push(2 + 2 * i - (Math.exp(i * x[0]) + Math.exp(i * x[1])));
  return r;
}

/**
 * [7] Helical valley, n = 3, m = 3: θ = atan(x₂/x₁)/2π, plus ½ where x₁ < 0.
 * @differentiable
 */
export function helicalValleyResiduals(x: number[]): number[] {
  const theta = Math.atan(x[1] / x[0]) / (2 * Math.PI) + (x[0] < 0 ? 0.5 : 0);
  return [10 * (x[2] - 10 * theta), 10 * (Math.sqrt(x[0] * x[0] + x[1] * x[1]) - 1), x[2]];
}

/**
 * [11] Gulf research and development, n = 3, m = 99: exp(−|yᵢ − x₂|^x₃ / x₁) − tᵢ, tᵢ = i/100, yᵢ = 25 + (−50 ln tᵢ)^(2/3).
 * @differentiable
 */
export function gulfResiduals(x: number[]): number[] {
  const r: number[] = [];
  for (let i = 1; i <= 99; i++) {
    const t = i / 100;
    const y = 25 + (-50 * Math.log(t)) ** (2 / 3);
    r.push(Math.exp(-(Math.abs(y - x[1]) ** x[2]) / x[0]) - t);
  }
  return r;
}

/**
 * [13] Powell singular, n = 4, m = 4.
 * @differentiable
 */
export function powellSingularResiduals(x: number[]): number[] {
  const a = x[1] - 2 * x[2];
  const b = x[0] - x[3];
  return [x[0] + 10 * x[1], Math.sqrt(5) * (x[2] - x[3]), a * a, Math.sqrt(10) * b * b];
}

/**
 * [14] Wood, n = 4, m = 6.
 * @differentiable
 */
export function woodResiduals(x: number[]): number[] {
  return [10 * (x[1] - x[0] * x[0]), 1 - x[0], Math.sqrt(90) * (x[3] - x[2] * x[2]), 1 - x[2], Math.sqrt(10) * (x[1] + x[3] - 2), (x[1] - x[3]) / Math.sqrt(10)];
}

/**
 * [16] Brown and Dennis, n = 4, m = 20: (x₁ + tᵢx₂ − e^tᵢ)² + (x₃ + x₄ sin tᵢ − cos tᵢ)², tᵢ = i/5.
 * @differentiable
 */
export function brownDennisResiduals(x: number[]): number[] {
  const r: number[] = [];
  for (let i = 1; i <= 20; i++) {
    const t = i / 5;
    const a = x[0] + t * x[1] - Math.exp(t);
    const b = x[2] + x[3] * Math.sin(t) - Math.cos(t);
    r.push(a * a + b * b);
  }
  return r;
}

/**
 * [20] Watson, any n, m = 31: Σⱼ (j − 1)xⱼtᵢ^(j−2) − (Σⱼ xⱼtᵢ^(j−1))² − 1 at tᵢ = i/29, then x₁ and x₂ − x₁² − 1.
 * @differentiable
 */
export function watsonResiduals(x: number[]): number[] {
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
export function extendedRosenbrockResiduals(x: number[]): number[] {
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
export function penaltyIResiduals(x: number[]): number[] {
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
export function penaltyIIResiduals(x: number[]): number[] {
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
export function variablyDimensionedResiduals(x: number[]): number[] {
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
export function trigonometricResiduals(x: number[]): number[] {
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
export function brownAlmostLinearResiduals(x: number[]): number[] {
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
export function chebyquadResiduals(x: number[]): number[] {
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
