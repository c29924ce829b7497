// A parameter dualts cannot differentiate yet is data when wrt(…) leaves it
// out.

interface Layer {
  w: number[];
  b: number;
}

/** @differentiable wrt(x) */
export function predictData(layer: Layer, x: number): number {
  return layer.b * x;
}
