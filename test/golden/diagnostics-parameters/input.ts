// Parameters are read by their types: a number under another name is a
// number; one that holds numbers dualts cannot differentiate yet is reported
// (never quietly made data), unless wrt(…) leaves it out.

import { differentiable } from "dualts";

type Real = number;

interface Layer {
  w: number[];
  b: number;
}

/** @differentiable */
export function scaled(x: Real, k: number): number {
  return x * k;
}

/** @differentiable */
export function predict(layer: Layer, x: number): number {
  return layer.b * x;
}

/** @differentiable wrt(x) */
export function predictData(layer: Layer, x: number): number {
  return layer.b * x;
}

/** @differentiable */
export function pair(p: [number, number], either: number | number[]): number {
  return p[0];
}

export class Model {
  @differentiable accessor weight = 1;
}
