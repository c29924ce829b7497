// differentiable(…) with options: wrt names the parameters to differentiate.

import { differentiable } from "dualts";

export const scaled = differentiable((x: number, k: number) => x * k, { wrt: ["x"] });
