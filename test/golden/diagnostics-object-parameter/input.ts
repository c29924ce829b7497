// A parameter that holds numbers dualts cannot differentiate yet (an
// object with numeric fields) is reported, never quietly made data.

interface Layer {
  w: number[];
  b: number;
}

/** @differentiable */
export function predict(layer: Layer, x: number): number {
  return layer.b * x;
}
