// NaN-safe mode (ForwardDiff.jl's nansafe_mode), off by default.
//
// In forward mode a tangent is Σ ∂op/∂argᵢ · tangentᵢ. Where a partial is
// infinite (√x or log x at 0) and the tangent is 0 — the input does not
// depend on the perturbation at all — IEEE arithmetic gives ∞ · 0 = NaN.
// NaN-safe mode skips zero tangents so the result stays 0. It costs a
// comparison per term, so it is opt-in: for the runtime with nanSafeMode(true),
// for generated code with `/** @differentiable nansafe */`.

let enabled = false;

/** Turns NaN-safe mode on or off for the runtime's operations; returns the previous setting. */
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
