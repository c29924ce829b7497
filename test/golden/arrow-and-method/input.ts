// The other two ways to mark: differentiable(…) around a function
// expression, and the @differentiable decorator on a class method.

import { differentiable } from "dualts";

export const norm = differentiable((x: number, y: number) => Math.sqrt(x * x + y * y));

export const scaled = differentiable((x: number, k: number) => x * k, { wrt: ["x"] });

export class Spring {
  constructor(readonly stiffness: number) {}

  @differentiable
  energy(x: number): number {
    return 0.5 * this.stiffness * x * x;
  }
}
