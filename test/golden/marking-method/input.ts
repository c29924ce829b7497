// The @differentiable decorator on a class method, which reads `this`.

import { differentiable } from "dualts";

export class Spring {
  constructor(readonly stiffness: number) {}

  @differentiable
  energy(x: number): number {
    return 0.5 * this.stiffness * x * x;
  }
}
