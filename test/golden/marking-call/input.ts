// differentiable(…) around an arrow function.

import { differentiable } from "dualts";

export const norm = differentiable((x: number, y: number) => Math.sqrt(x * x + y * y));
