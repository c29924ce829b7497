// Prints the gradients of the compiled losses as JSON, for the test to check.

import { grad } from "dualts";
import { loss, lossInline } from "./loss.js";

const xs = new Float64Array([-2, -1, -0.5, 0.3, 1, 2.5]);
const ys = new Float64Array([0, 0, 1, 0, 1, 1]);
const [w0, w1] = [0.2, -0.7];

console.log(
  JSON.stringify({
    w0,
    w1,
    xs: Array.from(xs),
    ys: Array.from(ys),
    loss: loss(w0, w1, xs, ys),
    grad: grad(loss)(w0, w1, xs, ys),
    gradReverse: grad(loss, { mode: "reverse" })(w0, w1, xs, ys),
    gradInline: grad(lossInline)(w0, w1, xs, ys),
  }),
);
