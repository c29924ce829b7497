// Adam and heavy-ball momentum: first-order steps without a line search,
// for minibatch training, where each step may see different data (`batch`
// supplies f's arguments after x for step k). The value and gradient a
// state or result reports are those at its x on that step's data.

import type { Objective } from "./objective.js";
import { afterStep, gradientStop, iterationsStop, progressStop, type MinimizeResult, type Stop, type Stopping } from "./options.js";
import { allFinite, maxNorm } from "./vectors.js";
import { kindOf } from "../api/values.js";

export interface StochasticSettings {
  readonly method: "adam" | "momentum";
  readonly learningRate: number;
  readonly beta1: number;
  readonly beta2: number;
  readonly epsilon: number;
  readonly momentum: number;
  readonly batch?: (iteration: number) => readonly unknown[];
}

export function stochastic<X>(objective: Objective, x0: Float64Array, stopping: Stopping<X>, settings: StochasticSettings): MinimizeResult<X> {
  const n = objective.n;
  const { learningRate, beta1, beta2, epsilon, momentum, batch } = settings;
  const x = Float64Array.from(x0);
  const previous = new Float64Array(n);
  const g = new Float64Array(n);
  const first = new Float64Array(n); // Adam's mean of gradients; momentum's velocity
  const second = new Float64Array(n);
  let value = Number.NaN;
  let previousValue = Number.NaN;
  let gradientNorm = Number.NaN;
  let stepNorm = 0;
  let stop: Stop | undefined;
  let k = 0;
  for (; ; k++) {
    if (batch) {
      const args = batch(k);
      if (!Array.isArray(args)) throw new TypeError(`${objective.caller}: batch(${k}) must return an array of f's arguments after x, not ${kindOf(args)}`);
      if (k === 0) objective.setArguments(args, "batch");
      else objective.args = args;
    }
    value = objective.valueAndGradient(x, g);
    if (k === 0) {
      objective.checkStart("value", value);
      objective.checkStart("gradient", g);
    } else if (!Number.isFinite(value) || !allFinite(g)) {
      // The last step left f's domain: back to where it was finite.
      stop = { stoppedBy: "not finite", reason: `the value or gradient after step ${k} is not finite (value ${value}); x is the point before it` };
      x.set(previous);
      value = previousValue;
      k--;
      break;
    }
    gradientNorm = maxNorm(g);
    if (k === 0) stop = gradientStop(stopping, gradientNorm);
    else {
      const converged = gradientStop(stopping, gradientNorm) ?? progressStop(stopping, stepNorm, x, previousValue, value);
      stop = afterStep(stopping, converged, () => objective.state<X>(k, x, value, gradientNorm, stepNorm));
    }
    if (stop === undefined && k >= stopping.maxIterations) stop = iterationsStop(stopping, gradientNorm);
    if (stop) break;
    previous.set(x);
    previousValue = value;
    stepNorm = 0;
    if (settings.method === "adam") {
      const t = k + 1;
      const correction1 = 1 - beta1 ** t;
      const correction2 = 1 - beta2 ** t;
      for (let i = 0; i < n; i++) {
        first[i] = beta1 * first[i] + (1 - beta1) * g[i];
        second[i] = beta2 * second[i] + (1 - beta2) * g[i] * g[i];
        const change = (learningRate * (first[i] / correction1)) / (Math.sqrt(second[i] / correction2) + epsilon);
        x[i] -= change;
        stepNorm = Math.max(stepNorm, Math.abs(change));
      }
    } else {
      for (let i = 0; i < n; i++) {
        first[i] = momentum * first[i] - learningRate * g[i];
        x[i] += first[i];
        stepNorm = Math.max(stepNorm, Math.abs(first[i]));
      }
    }
  }
  return objective.result<X>(x, value, gradientNorm, k, stop);
}
