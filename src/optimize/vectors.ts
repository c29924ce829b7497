// The small dense linear algebra the minimisers need, on Float64Arrays:
// dot products, norms, a step x + α·d, and a Cholesky factorisation that
// says when a matrix is not positive definite (the modified Newton step and
// Levenberg–Marquardt's damped normal equations both rely on that).

/** Σ aᵢ·bᵢ. */
export function dot(a: Float64Array, b: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i] * b[i];
  return sum;
}

/** max |aᵢ|: the norm the stopping rules use. */
export function maxNorm(a: Float64Array): number {
  let max = 0;
  for (let i = 0; i < a.length; i++) {
    const v = Math.abs(a[i]);
    if (v > max || Number.isNaN(v)) max = v;
  }
  return max;
}

/** √(Σ aᵢ²). */
export function norm(a: Float64Array): number {
  return Math.sqrt(dot(a, a));
}

/**
 * Steepest descent: writes −g into d and returns the first step to try along it, one that moves x by
 * at most 1 (every method's start, and its fallback where its own direction fails).
 */
export function steepestDescent(d: Float64Array, g: Float64Array): number {
  for (let i = 0; i < g.length; i++) d[i] = -g[i];
  return 1 / Math.max(1, norm(g));
}

/** x + α·d, written into `into`. */
export function step(into: Float64Array, x: Float64Array, alpha: number, d: Float64Array): Float64Array {
  for (let i = 0; i < x.length; i++) into[i] = x[i] + alpha * d[i];
  return into;
}

/** a − b, written into `into`. */
export function difference(into: Float64Array, a: Float64Array, b: Float64Array): Float64Array {
  for (let i = 0; i < a.length; i++) into[i] = a[i] - b[i];
  return into;
}

/** Whether every entry is a finite number. */
export function allFinite(a: ArrayLike<number>): boolean {
  for (let i = 0; i < a.length; i++) if (!Number.isFinite(a[i])) return false;
  return true;
}

/**
 * The Cholesky factor L (row-major, lower triangle) of the symmetric n × n matrix `a + shift·diag(scale)`
 * (scale: all ones when omitted), or undefined when that matrix is not positive definite.
 */
export function cholesky(a: Float64Array, n: number, shift = 0, scale?: Float64Array): Float64Array | undefined {
  const l = new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    let diagonal = a[j * n + j] + shift * (scale ? scale[j] : 1);
    for (let k = 0; k < j; k++) diagonal -= l[j * n + k] * l[j * n + k];
    if (!(diagonal > 0)) return undefined;
    const root = Math.sqrt(diagonal);
    l[j * n + j] = root;
    for (let i = j + 1; i < n; i++) {
      let sum = a[i * n + j];
      for (let k = 0; k < j; k++) sum -= l[i * n + k] * l[j * n + k];
      l[i * n + j] = sum / root;
    }
  }
  return l;
}

/** Solves L·Lᵀ·x = b for the factor of cholesky(); returns x. */
export function choleskySolve(l: Float64Array, n: number, b: Float64Array): Float64Array {
  const x = Float64Array.from(b);
  for (let i = 0; i < n; i++) {
    let sum = x[i];
    for (let k = 0; k < i; k++) sum -= l[i * n + k] * x[k];
    x[i] = sum / l[i * n + i];
  }
  for (let i = n - 1; i >= 0; i--) {
    let sum = x[i];
    for (let k = i + 1; k < n; k++) sum -= l[k * n + i] * x[k];
    x[i] = sum / l[i * n + i];
  }
  return x;
}

/** A number[][] (rows) as one row-major Float64Array. */
export function rowMajor(rows: readonly ArrayLike<number>[], n: number): Float64Array {
  const out = new Float64Array(rows.length * n);
  for (let i = 0; i < rows.length; i++) out.set(rows[i], i * n);
  return out;
}
