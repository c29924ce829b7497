// The decorator on what is not a method: an accessor.

import { differentiable } from "dualts";

export class Model {
  @differentiable accessor weight = 1;
}
