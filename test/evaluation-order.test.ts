// Generated code evaluates like the primal (emit/order.ts): each expression
// once, in the source's order, reading state before the statement changes
// it; and a value with no derivative that flows where one is needed gets a
// zero of the right shape. The smallest program of each bug of its class
// that an independent fuzzer and this project's own soaks found, each
// checked on every route against finite differences of the untransformed
// program (scalar results by program-check.ts's checkSource; vectors and
// Hessians here). The random programs (program-generator.ts) write these
// shapes on their own; `npm run soak` runs thousands of them.

import { describe, expect, test } from "vitest";
import { centralDifference, grad, hessian, jacobian } from "../src/index.js";
import { compileBoth } from "./support/column-check.js";
import { checkSource } from "./support/program-check.js";

const f = (params: string, body: string, result = "number") => `/** @differentiable */\nexport function f(${params}): ${result} {\n  ${body}\n}\n`;

/** Scalar programs of a, b, c: every route against finite differences (checkSource). */
const scalar: Record<string, string> = {
  // The push's value read the array's length after the push had changed it (every route gave 2x).
  pushReadsIndexByLength: "const v = [a, 2 * a]; v.push(v[v.length % 2] * 3 * b); return v[2] + c;",
  pushReadsLastElement: "const v = [a, 2 * a]; v.push(v[v.length - 1] * b); return v[2] * c;",
  pushReadsLength: "const v = [a]; v.push(v.length * b + c); return v[1] * a;",
  // A side effect in one operand moved before a read in an earlier one.
  incrementAfterRead: "const v = [1, 2, 3]; let i = 0; const y = v[i] * a + v[i++] * b * c; return y + v[i] * a;",
  incrementInCompound: "const v = [a, 2 * b, 3 * c]; let i = 0; v[i] += v[i++] * a; return v[0] + v[1] * b;",
  bumpedCompoundIndex: "const v = [1, 1, 1]; let p = 0; v[p++] *= a; v[p++] *= b * b; return v[0] * v[1] * c;",
  bumpInArgument: "let n = 0; const y = Math.sin(a * (n++ % 3) + b) * c + Math.cos(n * a); return y;",
  closureEffect: "let n = 0; const bump = () => { n += 1; return n; }; return bump() * a + n * b + c;",
  // Values with no derivative where one is needed.
  loopVariableReassigned: "const data = [1, 2, 3]; let s = c; for (let e of data) { e = e * a; s += e * b; } return s;",
  headerVariableReassigned: "let s = c; for (let i = 1; i < 3; i++) { i = i * a; s += i * b; } return s;",
  chosenArrayLength: "const v = [a, b]; const w = [1, 2, 3]; const u = a > 100 ? v : w; return u.length * a + b * c;",
  chosenAliasWritten: "const v = new Array(3).fill(0); const w = c < 100 ? v : v; w[0] = c * c; return a + b + v[0] * a;",
  unusedCopy: "const v = [a, b, c]; const copy = v.slice(); return v[0] * v[1] + c;",
  // An element of an array of data whose index reads a differentiated value is data still (it was reported).
  dataIndexReadsDerivative: "const v = [2, 1, 5]; v[a > 0 ? 0 : 1] = 3; v[Math.floor(b) + 1] *= 2; v[Math.floor(b) + 2] **= 2; return v[0] * a + v[1] * b + v[2] * c;",
};

/** Whole programs of f(a, b, c) with helpers. */
const programs: Record<string, string> = {
  // An array a helper returns, kept in a local and passed on: chunk mode gave it one number's lanes (NaN gradients).
  arrayFromHelper:
    "/** @differentiable */\nfunction pair(p: number, q: number): number[] {\n  return [p * q, Math.sin(p)];\n}\n" +
    "/** @differentiable */\nfunction sumsq(u: number[]): number {\n  let s = 0;\n  for (let i = 0; i < u.length; i++) s += u[i] * u[i];\n  return s;\n}\n" +
    "/** @differentiable */\nfunction mid(u: number[], q: number): number {\n  const w = pair(u[0], q);\n  return sumsq(w) + sumsq(u) * q;\n}\n" +
    f("a: number, b: number, c: number", "const v = [a, b]; const w = pair(a, c); return mid(v, a) + mid(w, b) + sumsq(w);"),
  // Copies ([...v], v.slice()) passed to a helper and returned from one (they were reported).
  copiesPassedAndReturned:
    "/** @differentiable */\nfunction prod(q: number[]): number {\n  return q[0] * q[1] * q.length;\n}\n" +
    "/** @differentiable */\nfunction scaled(q: number[], s: number): number[] {\n  const r = q.slice();\n  r[0] *= s;\n  return r.length > 2 ? [...r] : r.slice();\n}\n" +
    f("a: number, b: number, c: number", "const v = [a, b]; v.push(c * a); const w = scaled(v.slice(), b); const u = scaled([...v], a); return prod(v.slice()) + prod([...w]) * c + prod(u);"),
  // An array literal as an argument carries the array of its elements' tangents (it was reported).
  literalArguments:
    "/** @differentiable */\nfunction prod(q: number[]): number {\n  return q[0] * q[1] * q.length;\n}\n" +
    f("a: number, b: number, c: number", "return prod([a, 2]) * c + prod([Math.sin(a * b), a - c]) + prod([3, 4]) * b;"),
};

describe("scalar programs: every route right", () => {
  test.each(Object.entries(scalar))("%s", async (_, body) => {
    await checkSource(f("a: number, b: number, c: number", body), undefined, [
      [0.7, -0.4, 1.3],
      [1.1, 0.6, -0.8],
    ]);
  });
  test.each(Object.entries(programs))("%s", async (_, source) => {
    await checkSource(source, undefined, [
      [0.7, -0.4, 1.3],
      [1.1, 0.6, -0.8],
    ]);
  });
});

/** Finite differences of each output of f along each input, at x. */
function differences(f: (...x: number[]) => number[], x: number[]): number[][] {
  const outputs = f(...x).length;
  return Array.from({ length: outputs }, (_, k) => x.map((_, i) => centralDifference((t) => f(...x.map((v, j) => (j === i ? v + t : v)))[k], 0).derivative));
}

function expectMatrix(actual: number[][], expected: number[][], what: string): void {
  expect(actual.length, what).toBe(expected.length);
  actual.forEach((row, k) => row.forEach((v, i) => expect(Math.abs(v - expected[k][i]), `${what} [${k}][${i}]: ${v} vs ${expected[k][i]}`).toBeLessThan(1e-6 * Math.max(1, Math.abs(v)))));
}

describe("vector results: jacobian in every mode against finite differences", () => {
  const vectors: Record<string, [string, number[], number[]?]> = {
    // The side with no derivative gave the number 0, not zeros as long as the result (jacobian was 1×1).
    chosenConstantArray: [f("x: number", "const a = [x, x * x]; const b = [1, 2]; return x > 0 ? b : a;", "number[]"), [1.5]],
    chosenDifferentiatedArray: [f("x: number", "const a = [x, x * x]; const b = [1, 2]; return x > 0 ? a : b;", "number[]"), [1.5]],
    // Neither side depends on b: the return gave the number 0 as its derivative (forward jacobian: undefined entries).
    // A copy returned ([...v], v.slice()) was reported.
    copyReturnedSpread: [f("x: number", "const v = [x, x * x]; v[0] *= x; return x > 0 ? [...v] : v.slice();", "number[]"), [1.5]],
    copyReturnedSlice: [f("x: number", "const v = [x, x * x]; v[0] *= x; return x > 0 ? [...v] : v.slice();", "number[]"), [-1.5]],
    constantBothWays: [
      f("a: number, b: number", "if (a < 0) return b > 0 ? [-a, Math.sin(a)] : [0.5, -1]; return [a * b, b];", "number[]").replace("@differentiable", "@differentiable wrt(b)"),
      [-0.5, 0.3],
      [1],
    ],
  };
  test.each(Object.entries(vectors))("%s", async (_, [source, x, columns]) => {
    const { f, plain } = await compileBoth<(...x: number[]) => number[]>(source);
    // The columns of the differentiated inputs (all, without wrt).
    const expected = differences(plain, x).map((row) => (columns ? columns.map((i) => row[i]) : row));
    for (const options of [{}, { mode: "forward" as const }, { mode: "reverse" as const }, { mode: "forward" as const, chunk: 1 }]) {
      expectMatrix(jacobian(f, options)(...x), expected, JSON.stringify(options));
    }
  });
});

test("a typed array spread into a rest parameter is a new plain array, as in JavaScript (the helper's push threw)", async () => {
  const source =
    "/** @differentiable */\nfunction last(...r: number[]): number {\n  const v = r.slice();\n  v.push(v[0] * v[1]);\n  return v[v.length - 1] * r.length;\n}\n" +
    f("x: number, a: Float64Array", "return last(...a) * x + last(x, a[0]);");
  const { f: compiled, plain } = await compileBoth<(x: number, a: Float64Array) => number>(source);
  const x = [0.5, 1.5, -2];
  const at = (y: number[]) => plain(y[0], Float64Array.from(y.slice(1)));
  const expected = x.map((_, i) => centralDifference((t) => at(x.map((v, j) => (j === i ? v + t : v))), 0).derivative);
  for (const options of [{}, { mode: "forward" as const }, { mode: "reverse" as const }, { chunk: 1 }]) {
    const [dx, da] = grad(compiled, options)(x[0], Float64Array.from(x.slice(1)));
    expectMatrix([[dx, ...Array.from(da)]], [expected], JSON.stringify(options));
  }
  const h = hessian(compiled)(x[0], Float64Array.from(x.slice(1)));
  expect(h.length).toBe(3);
});

test("reverse mode on the generic form (a callee compiled NaN-safe has no record form) runs methods on numbers", async () => {
  const source =
    "/** @differentiable nansafe */\nfunction smoothAbs(y: number): number {\n  return Math.sqrt(y * y + 1e-6);\n}\n" +
    f("v: number[]", "let s = 0; for (let i = 0; i < v.length; i++) s += v[i] * v[i]; const w = v.indexOf(0) >= 0 ? 2 : 1; return s * w + smoothAbs(v[1]);");
  const { f: compiled, plain } = await compileBoth<(v: number[]) => number>(source);
  const x = [0, 1, 2];
  const expected = x.map((_, i) => centralDifference((t) => plain(x.map((v, j) => (j === i ? v + t : v))), 0).derivative);
  for (const mode of ["forward", "reverse"] as const) expectMatrix([grad(compiled, { mode })(x)], [expected], mode);
});

describe("Hessians: forward over reverse and forward over forward against finite differences of the gradient", () => {
  const hessians: Record<string, [string, number[]]> = {
    // The generic form evaluated a[p++] twice (H was [[0]]).
    bumpedCompoundIndex: [f("x: number", "const a = [1, 1]; let p = 0; a[p++] *= x; a[p++] *= x * x; return a[0] * a[1] * x;"), [1.5]],
    // .length of an array chosen by a condition was ops.primal(v).length, which threw.
    chosenArrayLength: [f("w: number", "const a = [w, 1]; const b = [1, 2, 3]; const v = w > 0 ? a : b; return v.length * w * w;"), [1.5]],
    // The generic form ran methods and guards on Duals or tape variables: v.indexOf(2) compared objects with 2
    // (Hessians silently wrong), Number.isFinite(x) gave a boolean to ops.primal (Hessians threw).
    arrayMethodInCondition: [f("a: number, b: number", "const v = [a, 2]; const k = v.indexOf(2) >= 0 && v.includes(a) ? 1 : 0; return a * a * b * (k + 1);"), [0.7, 1.3]],
    guards: [f("x: number", "if (!Number.isFinite(x) || isNaN(x) || Object.is(x, -0)) return 0; const y = x * x * x; console.log(`y = ${y.toFixed(3)}, ${[x, y].join()}`); return y;"), [1.5]],
    // A helper's array result where numbers are wanted was ops.primal(array), which threw: its length, and
    // an element of an array of plain numbers (a destructuring rewrite the near-subset generator makes).
    arrayHelperAsNumbers: [
      "/** @differentiable */\nfunction t(p: number, q: number): number[] {\n  return [p * q, q, Math.sin(p + q)];\n}\n" +
        f("a: number, c: number", "const n = t(a, c).length; const [u] = [t(0, Math.floor(c))]; u[0] = n; const w = t(a, c); return a * n * u[0] + c + w[2] * w[0];"),
      [0.5, 0.3],
    ],
    helpersCallingHelpers: [
      "/** @differentiable */\nfunction g(p: number, q: number): number {\n  return p * Math.sin(q);\n}\n/** @differentiable */\nfunction h(p: number, q: number): number {\n  return g(p * q, q) + g(q, p);\n}\n/** @differentiable */\nexport function s(u: number[], q: number): number {\n  let r = q;\n  for (let i = 0; i < u.length; i++) r = 0.5 * r + h(u[i], r);\n  return r;\n}\n" +
        f("a: number, b: number", "const v = [a, b * a]; return h(a, b) + s(v, b);"),
      [0.4, 0.9],
    ],
  };
  test.each(Object.entries(hessians))("%s", async (_, [source, x]) => {
    const { f } = await compileBoth<(...x: number[]) => number>(source);
    // Differences of the generated gradient (itself held to differences of the program by the first-order tests), as hessian-check.ts takes them.
    const gradient = (...y: number[]) => [grad(f)(...y)].flat();
    const expected = differences(gradient, x);
    expectMatrix(hessian(f)(...x), expected, "forward over reverse");
    expectMatrix(hessian(f, { mode: "forward" })(...x), expected, "forward over forward");
  });
});
