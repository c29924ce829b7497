// The public entry point of dualts' runtime: the operations generated from
// the rules table, Dual numbers, the derivative API, the reverse-mode tape
// and its graph, and the finite-difference checks.

export { Dual, type Real } from "./dual.js";
export * from "./ops.js";
export { derivative, jvp, grad, valueAndGrad } from "./api/derivatives.js";
export { jacobian, hessian } from "./api/matrices.js";
export { vjp, hvp, type Cotangent, type Pullback } from "./api/products.js";
export type { DerivativeOptions, Gradient, Matrix, Mode, ScalarDerivative } from "./api/derivatives.js";
export type { HessianOptions } from "./api/matrices.js";
export type { AnyGradient, GradientFunction, GradientOf, MarkedWrt, MatrixFunction, ValueAndGradientFunction, VectorDerivative, WithWrt } from "./api/types.js";
export type { Wrt, WrtOptions } from "./api/selection.js";
export { Tape, Var } from "./reverse/tape.js";
export { trace, label, toDot, toMermaid, type Trace } from "./reverse/graph.js";
export { centralDifference, numericalGradient, numericalJacobian } from "./check/finite.js";
export type { FiniteDifference, FiniteDifferenceOptions } from "./check/finite.js";
export { checkGradient, GradientCheckError } from "./check/checkGradient.js";
export type { CheckOptions, GradientCheck, GradientComparison } from "./check/checkGradient.js";
export { differentiable, derivativeInfo, type DerivativeInfo, type FailedDerivativeInfo, type Registration } from "./registry.js";
export { noDerivative } from "./ops.js";
export { defineJvp } from "./custom.js";
export { nanSafeMode } from "./nansafe.js";
export { rules, ruleNames, type Rule, type RuleName } from "./rules/table.js";
