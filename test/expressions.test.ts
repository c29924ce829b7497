// Random expression trees over the runtime's operations, built by
// fast-check: forward mode, reverse mode and finite differences of the same
// function must agree. Every node keeps its inputs where the operation is
// smooth (log of 1 + a², exp of tanh a, …) so the three can be compared.

import { expect } from "vitest";
import { fc, test } from "@fast-check/vitest";
import { add, atan, centralDifference, cos, div, exp, grad, hypot, jacobian, log, mul, pow, sin, sinh, sqrt, sub, tanh, type Real } from "../src/index.js";

type Tree =
  | { kind: "input"; index: number }
  | { kind: "constant"; value: number }
  | { kind: "unary"; op: keyof typeof unaryOps; arg: Tree }
  | { kind: "binary"; op: keyof typeof binaryOps; left: Tree; right: Tree };

const INPUTS = 3;
const square = (a: Real) => mul(a, a);

const unaryOps = {
  sin: (a: Real) => sin(a),
  cos: (a: Real) => cos(a),
  tanh: (a: Real) => tanh(a),
  atan: (a: Real) => atan(a),
  expTanh: (a: Real) => exp(tanh(a)),
  logOnePlusSquare: (a: Real) => log(add(1, square(a))),
  sqrtOnePlusSquare: (a: Real) => sqrt(add(1, square(a))),
  sinhTanh: (a: Real) => sinh(tanh(a)),
  negate: (a: Real) => sub(0.5, a),
};

const binaryOps = {
  add: (a: Real, b: Real) => add(a, b),
  sub: (a: Real, b: Real) => sub(a, b),
  mul: (a: Real, b: Real) => mul(a, b),
  divOnePlusSquare: (a: Real, b: Real) => div(a, add(1, square(b))),
  powPositive: (a: Real, b: Real) => pow(add(1.5, tanh(a)), tanh(b)),
  hypot: (a: Real, b: Real) => hypot(a, b, 1),
};

const { tree } = fc.letrec<{ tree: Tree }>((self) => ({
  tree: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.record({ kind: fc.constant("input" as const), index: fc.integer({ min: 0, max: INPUTS - 1 }) }),
    fc.record({ kind: fc.constant("constant" as const), value: fc.double({ min: -2, max: 2, noNaN: true }) }),
    fc.record({ kind: fc.constant("unary" as const), op: fc.constantFrom(...(Object.keys(unaryOps) as (keyof typeof unaryOps)[])), arg: self("tree") }),
    fc.record({
      kind: fc.constant("binary" as const),
      op: fc.constantFrom(...(Object.keys(binaryOps) as (keyof typeof binaryOps)[])),
      left: self("tree"),
      right: self("tree"),
    }),
  ),
}));

function evaluate(t: Tree, xs: readonly Real[]): Real {
  switch (t.kind) {
    case "input":
      return xs[t.index];
    case "constant":
      return t.value;
    case "unary":
      return unaryOps[t.op](evaluate(t.arg, xs));
    case "binary":
      return binaryOps[t.op](evaluate(t.left, xs), evaluate(t.right, xs));
  }
}

const point = fc.array(fc.double({ min: -2, max: 2, noNaN: true }), { minLength: INPUTS, maxLength: INPUTS });

test.prop([tree, point], { numRuns: 300 })("forward, reverse and finite differences agree on random expressions", (t, xs) => {
  const f = (a: Real, b: Real, c: Real) => evaluate(t, [a, b, c]);
  const forward = grad(f)(...(xs as [number, number, number]));
  const reverse = grad(f, { mode: "reverse" })(...(xs as [number, number, number]));
  forward.forEach((g, i) => {
    expect(Math.abs(g - reverse[i]), `forward ${g} vs reverse ${reverse[i]}`).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(g)));
    const along = (s: number) => f(...(xs.map((x, j) => (j === i ? x + s : x)) as [number, number, number])) as number;
    const fd = centralDifference(along, xs[i]);
    expect(Math.abs(g - fd.derivative), `∂/∂x${i}: automatic ${g} vs numerical ${fd.derivative}`).toBeLessThanOrEqual(Math.max(100 * fd.error, 1e-6 * Math.max(1, Math.abs(g))));
  });
});

test.prop([fc.array(tree, { minLength: 2, maxLength: 3 }), point], { numRuns: 100 })("Jacobians of random vector functions agree in both modes", (trees, xs) => {
  const f = (a: Real, b: Real, c: Real) => trees.map((t) => evaluate(t, [a, b, c]));
  const args = xs as [number, number, number];
  const forward = jacobian(f, { mode: "forward" })(...args);
  const reverse = jacobian(f, { mode: "reverse" })(...args);
  expect(forward.length).toBe(trees.length);
  forward.forEach((row, i) =>
    row.forEach((g, j) => {
      expect(Math.abs(g - reverse[i][j])).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(g)));
    }),
  );
});
