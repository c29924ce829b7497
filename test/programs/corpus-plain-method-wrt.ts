// A method marked with the options form of the decorator,
// @differentiable({ wrt: [...] }), compiled by the transform.
// In a module of its own because today the transform reports DUALTS1010 on this
// decorator (it reads the decorator's call as a misused differentiable(…) call),
// and a diagnostic fails the module.

import { differentiable } from "../../src/index.js";

export class Thermostat {
  constructor(readonly stiffness: number) {}

  /** ½·k·x² − T·log(1 + x²); only x is differentiated, the temperature is a setting. */
  @differentiable({ wrt: ["x"] })
  freeEnergy(x: number, temperature: number): number {
    return 0.5 * this.stiffness * x * x - temperature * Math.log(1 + x * x);
  }
}
