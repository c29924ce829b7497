// The objectives of the Moré–Garbow–Hillstrom problems (see
// optimization-problems.ts): each f = Σ fᵢ² over MGH's residuals fᵢ (from
// mgh-residuals.ts and mgh-data-fits.ts), marked @differentiable. Each
// declares its residual array before summing it: the transform rejects a
// nested call, sumOfSquares(residuals(x)), in a marked function.

import { bardResiduals, gaussianResiduals, meyerResiduals, boxResiduals, kowalikOsborneResiduals, osborne1Residuals, biggsResiduals } from "./mgh-data-fits.js";
import {
  rosenbrockResiduals,
  freudensteinRothResiduals,
  powellBadlyScaledResiduals,
  brownBadlyScaledResiduals,
  bealeResiduals,
  jennrichSampsonResiduals,
  helicalValleyResiduals,
  gulfResiduals,
  powellSingularResiduals,
  woodResiduals,
  brownDennisResiduals,
  watsonResiduals,
  extendedRosenbrockResiduals,
  penaltyIResiduals,
  penaltyIIResiduals,
  variablyDimensionedResiduals,
  trigonometricResiduals,
  brownAlmostLinearResiduals,
  chebyquadResiduals,
} from "./mgh-residuals.js";

/**
 * Σ rᵢ², MGH's objective from its residuals.
 * @differentiable
 */
function sumOfSquares(r: number[]): number {
  let sum = 0;
  for (let i = 0; i < r.length; i++) sum += r[i] * r[i];
  return sum;
}

// ——— Objectives f = Σ fᵢ² ———

/** @differentiable */
export function rosenbrock(x: number[]): number {
  const r = rosenbrockResiduals(x);
  return sumOfSquares(r);
}
/** @differentiable */
export function freudensteinRoth(x: number[]): number {
  const r = freudensteinRothResiduals(x);
  return sumOfSquares(r);
}
/** @differentiable */
export function powellBadlyScaled(x: number[]): number {
  const r = powellBadlyScaledResiduals(x);
  return sumOfSquares(r);
}
/** @differentiable */
export function brownBadlyScaled(x: number[]): number {
  const r = brownBadlyScaledResiduals(x);
  return sumOfSquares(r);
}
/** @differentiable */
export function beale(x: number[]): number {
  const r = bealeResiduals(x);
  return sumOfSquares(r);
}
/** @differentiable */
export function jennrichSampson(x: number[]): number {
  const r = jennrichSampsonResiduals(x);
  return sumOfSquares(r);
}
/** @differentiable */
export function helicalValley(x: number[]): number {
  const r = helicalValleyResiduals(x);
  return sumOfSquares(r);
}
/** @differentiable */
export function bard(x: number[]): number {
  const r = bardResiduals(x);
  return sumOfSquares(r);
}
/** @differentiable */
export function gaussian(x: number[]): number {
  const r = gaussianResiduals(x);
  return sumOfSquares(r);
}
/** @differentiable */
export function meyer(x: number[]): number {
  const r = meyerResiduals(x);
  return sumOfSquares(r);
}
/** @differentiable */
export function gulf(x: number[]): number {
  const r = gulfResiduals(x);
  return sumOfSquares(r);
}
/** @differentiable */
export function box(x: number[]): number {
  const r = boxResiduals(x);
  return sumOfSquares(r);
}
/** @differentiable */
export function powellSingular(x: number[]): number {
  const r = powellSingularResiduals(x);
  return sumOfSquares(r);
}
/** @differentiable */
export function wood(x: number[]): number {
  const r = woodResiduals(x);
  return sumOfSquares(r);
}
/** @differentiable */
export function kowalikOsborne(x: number[]): number {
  const r = kowalikOsborneResiduals(x);
  return sumOfSquares(r);
}
/** @differentiable */
export function brownDennis(x: number[]): number {
  const r = brownDennisResiduals(x);
  return sumOfSquares(r);
}
/** @differentiable */
export function osborne1(x: number[]): number {
  const r = osborne1Residuals(x);
  return sumOfSquares(r);
}
/** @differentiable */
export function biggs(x: number[]): number {
  const r = biggsResiduals(x);
  return sumOfSquares(r);
}
/** @differentiable */
export function watson(x: number[]): number {
  const r = watsonResiduals(x);
  return sumOfSquares(r);
}
/** @differentiable */
export function extendedRosenbrock(x: number[]): number {
  const r = extendedRosenbrockResiduals(x);
  return sumOfSquares(r);
}
/** @differentiable */
export function penaltyI(x: number[]): number {
  const r = penaltyIResiduals(x);
  return sumOfSquares(r);
}
/** @differentiable */
export function penaltyII(x: number[]): number {
  const r = penaltyIIResiduals(x);
  return sumOfSquares(r);
}
/** @differentiable */
export function variablyDimensioned(x: number[]): number {
  const r = variablyDimensionedResiduals(x);
  return sumOfSquares(r);
}
/** @differentiable */
export function trigonometric(x: number[]): number {
  const r = trigonometricResiduals(x);
  return sumOfSquares(r);
}
/** @differentiable */
export function brownAlmostLinear(x: number[]): number {
  const r = brownAlmostLinearResiduals(x);
  return sumOfSquares(r);
}
/** @differentiable */
export function chebyquad(x: number[]): number {
  const r = chebyquadResiduals(x);
  return sumOfSquares(r);
}
