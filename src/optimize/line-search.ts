// Line searches for the minimisers of dualts/optimize: along a descent direction d from x, choose a
// step α for φ(α) = f(x + α·d). This file owns Moré–Thuente's strong-Wolfe search (MINPACK-2's dcsrch
// and its step rule dcstep, re-derived from Moré & Thuente 1994, ACM TOMS 20:286), the Armijo
// backtracking search gradient descent uses, and the contract both keep with their callers: the step
// of a success is the last one φ was called with, and a step where φ or φ' is not finite is retried
// closer to the best step.

/** φ(α) = f(x + α·d) and its slope φ'(α) = ∇f(x + α·d)·d, evaluated by the caller (who keeps the point's gradient). */
export type LineFunction = (step: number) => { readonly value: number; readonly slope: number };

export interface WolfeOptions {
  /** Sufficient decrease (Armijo) constant c1: default 1e-4. */
  readonly decrease?: number;
  /** Curvature constant c2 of the strong Wolfe condition |φ'(α)| ≤ c2·|φ'(0)|: default 0.9 (quasi-Newton); 0.1 suits conjugate gradients. */
  readonly curvature?: number;
  /** Largest and smallest step tried: defaults 1e20 and 1e-20. */
  readonly maxStep?: number;
  readonly minStep?: number;
  /** Relative width of the interval of uncertainty below which the search stops: default 1e-10 (More–Thuente's xtol). */
  readonly intervalTolerance?: number;
  /** Most evaluations of φ: default 20. */
  readonly maxEvaluations?: number;
}

export type LineSearchResult =
  | { readonly ok: true; readonly step: number; readonly value: number; readonly slope: number; readonly evaluations: number }
  | { readonly ok: false; readonly reason: string; readonly step: number; readonly value: number; readonly slope: number; readonly evaluations: number };

type Point = { readonly step: number; readonly value: number; readonly slope: number };

/** Calls φ, counting the calls and remembering the last point and the lowest finite value below φ(0). */
class Trials {
  evaluations = 0;
  sawFinite = false;
  last: Point;
  private best: Point | undefined;
  constructor(
    private readonly phi: LineFunction,
    private readonly value0: number,
    private readonly needsSlope: boolean,
  ) {
    this.last = { step: 0, value: value0, slope: Number.NaN };
  }
  /** Evaluates φ at step; true when the point is usable (its value, and slope if needed, finite). */
  call(step: number): boolean {
    const { value, slope } = this.phi(step);
    this.evaluations++;
    this.last = { step, value, slope };
    const finite = Number.isFinite(value) && (!this.needsSlope || Number.isFinite(slope));
    if (finite) this.sawFinite = true;
    if (finite && value < (this.best?.value ?? this.value0)) this.best = this.last;
    return finite;
  }
  success(): LineSearchResult {
    return { ok: true, ...this.last, evaluations: this.evaluations };
  }
  /** Ends the search at the best decrease seen, calling φ there again when it was not the last call. */
  failure(reason: string): LineSearchResult {
    if (this.best !== undefined && this.best.step !== this.last.step) this.call(this.best.step);
    return { ok: false, reason, ...this.last, evaluations: this.evaluations };
  }
}

const notDescent = (value0: number, slope0: number): LineSearchResult => ({ ok: false, reason: "not a descent direction", step: 0, value: value0, slope: slope0, evaluations: 0 });

/** Throws a RangeError unless lo ≤ value ≤ hi (NaN fails). */
function check(name: string, value: number, lo: number, hi: number): number {
  if (!(value >= lo && value <= hi)) throw new RangeError(`line search: ${name} must lie in [${lo}, ${hi}], got ${value}`);
  return value;
}

/** dcstep's interval: x is the step with the least (modified) value so far, y the other end; bracketed once a minimiser lies between them. */
type Interval = { x: number; fx: number; gx: number; y: number; fy: number; gy: number; bracketed: boolean };

/**
 * The cubic matching values and slopes at a and b has its minimiser at a + r·(b − a).
 * gamma is zero when the cubic has no turning point (then r is meaningless).
 */
function cubic(a: number, fa: number, da: number, b: number, fb: number, db: number): { r: number; gamma: number } {
  const theta = (3 * (fa - fb)) / (b - a) + da + db;
  const s = Math.max(Math.abs(theta), Math.abs(da), Math.abs(db)); // scale against overflow
  let gamma = s * Math.sqrt(Math.max(0, (theta / s) ** 2 - (da / s) * (db / s)));
  if (b < a) gamma = -gamma;
  return { r: (gamma - da + theta) / (2 * gamma - da + db), gamma };
}

/** Minimiser of the secant model of φ' through (a, da) and (b, db). */
const secant = (a: number, da: number, b: number, db: number) => a + (da / (da - db)) * (b - a);

/**
 * dcstep: from the interval and a new trial (t, ft, gt), choose the next trial step (safeguarded
 * within [lo, hi] while not bracketed) and update the interval to keep a minimiser inside it.
 */
function nextStep(I: Interval, t: number, ft: number, gt: number, lo: number, hi: number): number {
  const opposite = gt * Math.sign(I.gx) < 0;
  let next: number;
  if (ft > I.fx) {
    // Case 1: a higher value, so a minimiser lies between x and t. Take the cubic step if it is
    // nearer x than the quadratic (values at both ends, slope at x); else the average of the two.
    const { r } = cubic(I.x, I.fx, I.gx, t, ft, gt);
    const c = I.x + r * (t - I.x);
    const q = I.x + (I.gx / ((I.fx - ft) / (t - I.x) + I.gx) / 2) * (t - I.x);
    next = Math.abs(c - I.x) < Math.abs(q - I.x) ? c : c + (q - c) / 2;
    I.bracketed = true;
  } else if (opposite) {
    // Case 2: lower value, slopes of opposite sign: bracketed. Take the step farther from t of the cubic and secant.
    const { r } = cubic(t, ft, gt, I.x, I.fx, I.gx);
    const c = t + r * (I.x - t);
    const q = secant(t, gt, I.x, I.gx);
    next = Math.abs(c - t) > Math.abs(q - t) ? c : q;
    I.bracketed = true;
  } else if (Math.abs(gt) < Math.abs(I.gx)) {
    // Case 3: lower value, same sign, the slope shrinking. The cubic is used only if it turns beyond t
    // (r < 0, a minimiser on the far side of t from x); otherwise it heads to the bound on that side.
    const { r, gamma } = cubic(t, ft, gt, I.x, I.fx, I.gx);
    const c = r < 0 && gamma !== 0 ? t + r * (I.x - t) : t > I.x ? hi : lo;
    const q = secant(t, gt, I.x, I.gx);
    if (I.bracketed) {
      // The nearer of the two, but no more than 0.66 of the way from t to y.
      next = Math.abs(c - t) < Math.abs(q - t) ? c : q;
      const cap = t + 0.66 * (I.y - t);
      next = t > I.x ? Math.min(cap, next) : Math.max(cap, next);
    } else {
      // Extrapolating: the farther of the two, within [lo, hi].
      next = Math.min(hi, Math.max(lo, Math.abs(c - t) > Math.abs(q - t) ? c : q));
    }
  } else if (I.bracketed) {
    // Case 4: lower value, same sign, the slope not shrinking; bracketed: the cubic through t and y.
    const { r } = cubic(t, ft, gt, I.y, I.fy, I.gy);
    next = t + r * (I.y - t);
  } else {
    next = t > I.x ? hi : lo; // case 4 not yet bracketed: extrapolate to the bound
  }
  // The new interval: t replaces y on a higher value; otherwise t becomes x (and the old x becomes y on a slope change).
  if (ft > I.fx) {
    Object.assign(I, { y: t, fy: ft, gy: gt });
  } else {
    if (opposite) Object.assign(I, { y: I.x, fy: I.fx, gy: I.gx });
    Object.assign(I, { x: t, fx: ft, gx: gt });
  }
  return next;
}

/**
 * Moré–Thuente line search (MINPACK-2's dcsrch/dcstep): a step satisfying the strong Wolfe conditions
 * φ(α) ≤ φ(0) + c1·α·φ'(0) and |φ'(α)| ≤ c2·|φ'(0)|.
 *
 * Where φ or φ' is not finite (overflow, outside the domain) the step moves back toward the best step so far:
 * half the distance, then a quarter, an eighth… while such steps follow one another.
 *
 * @param phi evaluates φ and φ' at a step; the result's step is always the last one it was called with.
 * @param value0 φ(0).
 * @param slope0 φ'(0), which must be negative (else ok:false, "not a descent direction", without calling phi).
 * @param initialStep the first step tried (clamped to [minStep, maxStep]); 1 for quasi-Newton directions.
 * @throws RangeError when initialStep is not positive or an option is outside its range (c1, c2 in [0, 1]).
 * @returns ok:true with a strong Wolfe step, or ok:false with a reason; a failure ends at the lowest finite value
 *   below φ(0) seen (calling phi there once more if needed, which may be one call beyond maxEvaluations), or at
 *   the last step tried when there was none.
 * @example
 *   const r = moreThuente((a) => ({ value: (a - 3) ** 2, slope: 2 * (a - 3) }), 9, -6, 1, { curvature: 0.1 });
 *   // r.ok === true, r.step === 3
 */
export function moreThuente(phi: LineFunction, value0: number, slope0: number, initialStep: number, options: WolfeOptions = {}): LineSearchResult {
  if (!(slope0 < 0)) return notDescent(value0, slope0);
  const ftol = check("decrease", options.decrease ?? 1e-4, 0, 1);
  const gtol = check("curvature", options.curvature ?? 0.9, 0, 1);
  const stpmin = check("minStep", options.minStep ?? 1e-20, 0, Infinity);
  const stpmax = check("maxStep", options.maxStep ?? 1e20, stpmin, Infinity);
  const xtol = check("intervalTolerance", options.intervalTolerance ?? 1e-10, 0, Infinity);
  const maxEvaluations = check("maxEvaluations", options.maxEvaluations ?? 20, 1, Infinity);
  check("initialStep", initialStep, Number.MIN_VALUE, Infinity);

  const trials = new Trials(phi, value0, true);
  const gtest = ftol * slope0; // the Armijo line's slope
  const I: Interval = { x: 0, fx: value0, gx: slope0, y: 0, fy: value0, gy: slope0, bracketed: false };
  let stage1 = true; // until a step has sufficient decrease and a slope ≥ min(c1, c2)·φ'(0)
  let width = stpmax - stpmin;
  let width1 = 2 * width;
  let stp = Math.min(Math.max(initialStep, stpmin), stpmax);
  let stmin = 0; // the bounds for the next step: the interval once bracketed, else the extrapolation range
  let stmax = stp + 4 * stp;
  let below = -Infinity; // the nearest steps either side of x where φ was not finite
  let above = Infinity;
  let misses = 0; // consecutive steps where φ was not finite

  while (trials.evaluations < maxEvaluations) {
    if (!trials.call(stp)) {
      // Not finite: retry closer to x, the best step so far (half the distance, then a quarter, an
      // eighth… while the misses run on, to cross orders of magnitude), and never again go this far.
      if (stp > I.x) above = Math.min(above, stp);
      else below = Math.max(below, stp);
      const next = I.x + 0.5 ** ++misses * (stp - I.x);
      if (next < stpmin) return trials.failure(trials.sawFinite ? "the step fell below minStep" : "the value was not finite at every step tried");
      if (Math.abs(next - I.x) <= xtol * next) return trials.failure("the value was not finite just beyond the best step");
      stp = next;
      continue;
    }
    misses = 0;
    const { value: f, slope: g } = trials.last;
    const ftest = value0 + stp * gtest;
    if (stage1 && f <= ftest && g >= Math.min(ftol, gtol) * slope0) stage1 = false;
    if (f <= ftest && Math.abs(g) <= gtol * -slope0) return trials.success();
    if (I.bracketed && (stp <= stmin || stp >= stmax)) return trials.failure("rounding errors prevent further progress");
    if (I.bracketed && stmax - stmin <= xtol * stmax) return trials.failure("the interval of uncertainty is below intervalTolerance");
    if (stp === stpmax && f <= ftest && g <= gtest) return trials.failure("the step reached maxStep");
    if (stp === stpmin && (f > ftest || g >= gtest)) return trials.failure("the step fell below minStep");
    if (stp === I.x) return trials.failure("rounding errors prevent further progress");

    if (stage1 && f <= I.fx && f > ftest) {
      // Stage 1 works on ψ(α) = φ(α) − φ(0) − c1·α·φ'(0) (the value above the Armijo line) while
      // φ has decreased but not enough: dcstep on ψ, then back to φ's values.
      const psi: Interval = { ...I, fx: I.fx - I.x * gtest, gx: I.gx - gtest, fy: I.fy - I.y * gtest, gy: I.gy - gtest };
      stp = nextStep(psi, stp, f - stp * gtest, g - gtest, stmin, stmax);
      Object.assign(I, psi, { fx: psi.fx + psi.x * gtest, gx: psi.gx + gtest, fy: psi.fy + psi.y * gtest, gy: psi.gy + gtest });
    } else {
      stp = nextStep(I, stp, f, g, stmin, stmax);
    }
    if (!Number.isFinite(stp)) stp = I.bracketed ? (I.x + I.y) / 2 : stmax;

    if (I.bracketed) {
      // Bisect when the interval has not shrunk to 0.66 of its width two steps ago.
      if (Math.abs(I.y - I.x) >= 0.66 * width1) stp = I.x + 0.5 * (I.y - I.x);
      width1 = width;
      width = Math.abs(I.y - I.x);
      stmin = Math.min(I.x, I.y);
      stmax = Math.max(I.x, I.y);
    } else {
      stmin = stp + 1.1 * (stp - I.x);
      stmax = stp + 4 * (stp - I.x);
    }
    if (stp >= above) stp = I.x + 0.5 * (above - I.x);
    if (stp <= below) stp = I.x + 0.5 * (below - I.x);
    stp = Math.min(Math.max(stp, stpmin), stpmax);
    // No progress possible: evaluate at x once more, where the checks above end the search.
    if (I.bracketed && (stp <= stmin || stp >= stmax || stmax - stmin <= xtol * stmax)) stp = I.x;
  }
  return trials.failure(trials.sawFinite ? "maxEvaluations reached" : "the value was not finite at every step tried");
}

/**
 * Backtracking (Armijo) line search, as gradient descent uses it: from initialStep, the first step with
 * φ(α) ≤ φ(0) + c1·α·φ'(0); each shorter step is the minimiser of the quadratic through φ(0), φ'(0)
 * and φ(α), kept within [α/10, α/2] (half the step where φ(α) is not finite). Where φ(α) is within
 * `allowance` above φ(0) — near a minimum, where values no longer resolve the decrease — the slope
 * decides instead: the step is taken where φ'(α) ≤ (1 − 2c1)·|φ'(0)|, on a quadratic the same
 * condition (Hager and Zhang's approximate Armijo condition).
 *
 * @param value evaluates φ alone
 * @param slope evaluates φ'(α) (and, for the caller, the gradient there); it is called at the accepted step, so the result's slope is finite on success
 * @param options decrease c1 (default 1e-4), allowance (default 0), maxEvaluations of φ (default 50)
 * @returns ok:true at the accepted step, which is the last step value and slope were called with;
 *   else ok:false naming why
 * @example
 *   backtracking((a) => (a - 0.1) ** 2, (a) => 2 * (a - 0.1), 0.01, -0.2, 1); // { ok: true, step: 0.1, … }
 */
export function backtracking(
  value: (step: number) => number,
  slope: (step: number) => number,
  value0: number,
  slope0: number,
  initialStep: number,
  options: { readonly decrease?: number; readonly allowance?: number; readonly maxEvaluations?: number } = {},
): LineSearchResult {
  if (!(slope0 < 0)) return notDescent(value0, slope0);
  const c1 = check("decrease", options.decrease ?? 1e-4, 0, 0.5);
  const allowance = check("allowance", options.allowance ?? 0, 0, Infinity);
  const maxEvaluations = check("maxEvaluations", options.maxEvaluations ?? 50, 1, Infinity);
  let step = check("initialStep", initialStep, Number.MIN_VALUE, Infinity);
  let sawFinite = false;
  for (let evaluations = 1; evaluations <= maxEvaluations; evaluations++) {
    const v = value(step);
    sawFinite ||= Number.isFinite(v);
    const decreased = v <= value0 + c1 * step * slope0;
    if (decreased || (allowance > 0 && v <= value0 + allowance)) {
      const s = slope(step);
      if (decreased || s <= (1 - 2 * c1) * -slope0) return { ok: true, step, value: v, slope: s, evaluations };
    }
    const minimiser = (-slope0 * step * step) / (2 * (v - value0 - slope0 * step));
    step = Number.isFinite(minimiser) ? Math.min(Math.max(minimiser, step / 10), step / 2) : step / 2;
  }
  return { ok: false, reason: sawFinite ? "maxEvaluations reached" : "the value was not finite at every step tried", step, value: Number.NaN, slope: Number.NaN, evaluations: maxEvaluations };
}
