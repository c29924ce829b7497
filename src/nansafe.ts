// NaN-safe mode (ForwardDiff.jl's nansafe_mode), off by default.
//
// In forward mode a tangent is Σ ∂op/∂argᵢ · tangentᵢ. Where a partial is
// infinite (√x or log x at 0) and the tangent is 0 — the input does not
// depend on the perturbation at all — IEEE arithmetic gives ∞ · 0 = NaN.
// NaN-safe mode skips zero tangents so the result stays 0. It costs a
// comparison per term, so it is opt-in: for the runtime with nanSafeMode(true),
// for generated code with `/** @differentiable nansafe */`.

let enabled = false;

/**
 * Turns NaN-safe mode (ForwardDiff.jl's nansafe_mode) on or off for the runtime's operations, for
 * the whole process until it is set again. In forward mode a zero tangent times an infinite or NaN
 * partial (√x or log x at 0) is NaN in IEEE arithmetic; in NaN-safe mode a zero tangent contributes
 * zero. The derivative API's forward routes already run a call again NaN-safely where a derivative
 * comes out NaN while the value does not: turning the mode on skips that second run. While it is on,
 * grad, jacobian and hessian take forward mode unless `mode: "reverse"` is given (NaN-safety is a
 * forward-mode notion). Generated code takes the tag `nansafe` instead (`@differentiable nansafe`).
 *
 * @param on true to turn it on, false to turn it off (the default)
 * @returns the previous setting, to restore it with
 * @example
 *   const x = new Dual(1, 0, 1);
 *   add(sqrt(mul(x, 0)), x).tangent;   // NaN: the tangent 0 of x·0 times √'s infinite partial
 *   const previous = nanSafeMode(true);
 *   add(sqrt(mul(x, 0)), x).tangent;   // 1
 *   nanSafeMode(previous);
 */
export function nanSafeMode(on: boolean): boolean {
  const previous = enabled;
  enabled = on;
  return previous;
}

export function isNanSafe(): boolean {
  return enabled;
}

/** body() with NaN-safe mode set to `on`, the previous setting restored afterwards, also when body throws. */
export function withNanSafeMode<T>(on: boolean, body: () => T): T {
  const previous = nanSafeMode(on);
  try {
    return body();
  } finally {
    nanSafeMode(previous);
  }
}
