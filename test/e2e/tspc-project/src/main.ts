// Prints the gradients of the compiled losses, and what dualts/optimize
// finds with the compiled functions of fit.ts, as JSON for the test to check.

import { grad } from "dualts";
import { leastSquares, minimize } from "dualts/optimize";
import { decayMisfit, rosenbrock } from "./fit.js";
import { loss, lossInline } from "./loss.js";

const xs = new Float64Array([-2, -1, -0.5, 0.3, 1, 2.5]);
const ys = new Float64Array([0, 0, 1, 0, 1, 1]);
const [w0, w1] = [0.2, -0.7];

// Exact readings of y = 2·exp(−0.5·t): the fit must give back (2, 0.5).
const ts = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
const decay = ts.map((t) => 2 * Math.exp(-0.5 * t));
const minimised = minimize(rosenbrock, [-1.2, 1]);
const fitted = leastSquares(decayMisfit, [1, 1], { args: [ts, decay] });

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
    minimize: { x: minimised.x, converged: minimised.converged, stoppedBy: minimised.stoppedBy },
    leastSquares: { x: fitted.x, converged: fitted.converged, stoppedBy: fitted.stoppedBy },
  }),
);
