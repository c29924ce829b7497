// A call to a differentiable function of another module: its derivative is
// looked up at run time, through the helpers written once per file.

import { softplus } from "./activations.js";

/** @differentiable */
export function smooth(w: number): number {
  return w * softplus(w);
}
