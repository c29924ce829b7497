// label(x, "a"): names a tape variable so the graph drawing can say
// "a = −w0 − w1·x". Any other value passes through unchanged, so the same
// code runs in every mode (and compiled code keeps it as written).

import type { Real } from "../dual.js";
import { Var } from "./tape.js";

/** Names a tape variable for graph drawings; any other value passes through unchanged. */
export function label<T extends Real>(x: T, name: string): T {
  if (x instanceof Var) x.label = name;
  return x;
}
