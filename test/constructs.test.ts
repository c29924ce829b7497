// Constructs beside the supported subset: each one is either reported with a
// located diagnostic, or compiled to derivatives that agree, on every route,
// with finite differences of the untransformed function (program-check.ts's
// checkSource). Never compiled to a derivative that is silently wrong, or to
// code that does not load. The first entries compiled before with a wrong
// derivative, or to a module that did not load; test/golden/diagnostics-*
// show their messages.

import { describe, expect, test } from "vitest";
import { checkSource, reportedOrRight } from "./support/program-check.js";

const constructs: Record<string, string> = {
  assignmentInCondition: "let y = x; let i = 0; while ((y = y * 1.1) < 100 && i++ < 3) {} return y;",
  assignmentInIf: "let y = 0; if ((y = x * 2) > 0) { y = y * x; } return y;",
  assignmentInDoWhile: "let y = x; do { y = y * 2; } while ((y *= 1.5) < 3); return y;",
  assignmentInTernary: "let y = 1; const z = x > 0 ? (y = x * 3) : 0; return y + z;",
  logicalAssignment: "let y = 0; y ||= x * x; return y;",
  nullishAssignment: "let y: number | undefined = undefined; y ??= x * x; return y;",
  objectLiteral: "const o = { v: x * x }; return o.v * 2;",
  objectDestructuring: "const { a, b } = { a: x, b: x * x }; return a + b;",
  templateString: "return Number(`${x * 2}`);",
  stringConcatenation: "return Number('' + x * 2);",
  shadowedParameter: "let s = 0; for (let k = 0; k < 2; k++) { const x = k; s += x; } return s * x;",
  varReadingItself: "var y = x; for (let i = 0; i < 2; i++) { var y = y * x; } return y;",
  shadowedLocal: "const t = x * 2; let s = t; { const t = x * x; s += t; } return s + t;",
  destructuringOverParameter: "[x] = [2]; return x * x;",
  destructuringOverLocal: "let y = x; [y] = [3]; return y * x;",
  destructuredThenWrittenThroughAlias: "const [v] = [new Float64Array(2)]; { const w = v; w[0] = x * x; } return v[0];", // the generic form threw
  destructuredThenAssigned: "let [y] = [1]; y = x * x; return y;", // was called an outer variable
  methodReadInCondition: "const v = [x * 2, 1]; return v.at(0)! > 1 ? x * x : x;", // the generic form compared a tape variable
  commaExpressionReturned: "const k = 2; if (x > 0.5) return (0, k); return x * x;",
  // Supported, and must stay right:
  compoundAssignments: "let y = x; y **= 3; y *= x; y -= x; return y;",
  varRedeclared: "var y = x; var y = x * x; return y;",
  siblingBlocks: "let s = 0; if (x > 0) { const t = x * 2; s += t; } else { const t = x * 3; s += t; } return s;",
  siblingLoops: "let s = 0; for (let i = 0; i < 2; i++) { const t = x * i; s += t; } for (let i = 0; i < 2; i++) { const t = x * x; s += t; } return s;",
  comparisonAsNumber: "return Number(x > 0) * x;",
  switchOnTrue: "switch (true) { case x > 10: return x; default: return x * x; }",
  elementIncrement: "const a = [0, 0]; let i = 0; a[i++] = x; a[i++] = x * x; return a[0] + a[1];",
  arrayAlias: "const a = [x, 0]; const b = a; b[1] = x * x; return a[1];",
  wholeArrayReassigned: "let a = [x, 1]; a = [2, x * x]; return a[1];",
  labelledBlock: "let y = x; blk: { if (x > 10) break blk; y = y * x; } return y;",
  consoleMessage: "console.log(`x = ${x}`); return x * x;",
};

describe("constructs beside the subset are reported or right, never silently wrong", () => {
  test.each(Object.entries(constructs))("%s", async (_, body) => {
    const source = `/** @differentiable */\nexport function f(x: number): number {\n  ${body}\n}\n`;
    const log = console.log;
    console.log = () => {};
    try {
      // A diagnostic is the right outcome for what the transform does not differentiate.
      await reportedOrRight(() => checkSource(source, undefined, [[0.7], [1.3]]));
    } finally {
      console.log = log;
    }
  });
});

// Inside the subset, with three parameters: every route must agree with finite differences.
// arrayLiteralPushed failed in chunk mode (its lanes were a Float64Array, which cannot grow);
// unicodeNames in the gradient form (a lane read dθ[k] was left in: names were matched by \w);
// forOfReassign everywhere (the loop variable was declared const); reassignArrayVariable in
// chunk mode (v = w copied lane 0's entries instead of aliasing the whole tangent); fillAlias
// everywhere (v, written only through its alias w, was taken for a constant).
const supported: Record<string, string> = {
  arrayParamSum: `export function f(a: number, b: number, c: number): number { const v = [a, b, c]; let s = 0; for (let i = 0; i < v.length; i++) s += v[i] * v[(i + 1) % 3]; return s; }`,
  arrayWriteLoop: `export function f(a: number, b: number, c: number): number { const v = new Array(3).fill(0); for (let i = 0; i < 3; i++) v[i] = a * i + b; v[2] *= c; return v[0] + v[1] * v[2]; }`,
  float64Local: `export function f(a: number, b: number, c: number): number { const v = new Float64Array(2); v[0] = a * b; v[1] = v[0] * c; return v[1] + Math.exp(v[0]); }`,
  nestedLoops: `export function f(a: number, b: number, c: number): number { let s = 0; for (let i = 0; i < 3; i++) for (let j = 0; j < i; j++) s += Math.sin(a * i + b * j) * c; return s; }`,
  whileAccum: `export function f(a: number, b: number, c: number): number { let s = a; let n = 0; while (n < 4) { s = s * b + c; n++; } return s; }`,
  earlyReturn: `export function f(a: number, b: number, c: number): number { if (a > 2) return a * b; let s = 0; for (let i = 0; i < 5; i++) { s += a * i; if (s > 3) return s * c; } return s + b; }`,
  switchFall: `export function f(a: number, b: number, c: number): number { let s = 0; switch (Math.floor(c * 2)) { case 0: s += a; case 1: s += b * a; break; default: s = c * c; } return s + a * b; }`,
  continueLoop: `export function f(a: number, b: number, c: number): number { let s = 0; for (let i = 0; i < 4; i++) { if (i === 2) continue; s += Math.pow(a, i) * b; } return s * c; }`,
  ternaryArr: `export function f(a: number, b: number, c: number): number { const v = [a, b]; const w = a > b ? v[0] : v[1]; return w * c; }`,
  reassignArrElem: `export function f(a: number, b: number, c: number): number { const v = [a, b, c]; v[0] = v[1] * v[2]; v[1] = v[0] + v[2]; return v[0] * v[1]; }`,
  pushLoop: `export function f(a: number, b: number, c: number): number { const v: number[] = []; for (let i = 0; i < 3; i++) v.push(a * i + b); let s = 0; for (const x of v) s += x * x * c; return s; }`,
  logSkip: `export function f(a: number, b: number, c: number): number { let total = 0; for (let i = 0; i < 3; i++) { const p = 1 / (1 + Math.exp(-(a + b * i))); total += c * Math.log(p) + (1 - c) * Math.log(1 - p); } return -total; }`,
  valueOnlyChain: `export function f(a: number, b: number, c: number): number { let u = a * 2; let w = u + b; w = w * 3 - c; let z = w / 2; return z + Math.log(Math.abs(a) + 1); }`,
  divByActive: `export function f(a: number, b: number, c: number): number { let s = a; s /= (b * b + 1); s *= c; return s; }`,
  modActive: `export function f(a: number, b: number, c: number): number { return (a * 3) % (b + 5) + c; }`,
  powNeg: `export function f(a: number, b: number, c: number): number { return (a * a + 1) ** (-b) + c; }`,
  absMax: `export function f(a: number, b: number, c: number): number { return Math.max(Math.abs(a), b * c, 0.1) * Math.min(a, b, c); }`,
  hypotMany: `export function f(a: number, b: number, c: number): number { return Math.hypot(a, b, c, 1); }`,
  incrementActive: `export function f(a: number, b: number, c: number): number { let y = a * b; y++; ++y; y--; return y * c; }`,
  letNoInit: `export function f(a: number, b: number, c: number): number { let y: number; if (a > 0) y = a * b; else y = c; return y * y; }`,
  varHoist: `export function f(a: number, b: number, c: number): number { if (a > 0) { var y = a * b; } else { y = c * 2; } return y! * c; }`,
  labeledContinue: `export function f(a: number, b: number, c: number): number { let s = 0; outer: for (let i = 0; i < 3; i++) { for (let j = 0; j < 3; j++) { if (j > i) continue outer; s += a * b * j + c; } } return s; }`,
  doWhileAccum: `export function f(a: number, b: number, c: number): number { let s = a; let k = 0; do { s = Math.sqrt(s * s + b * b) + c; k++; } while (k < 3); return s; }`,
  arrayLiteralPushed: `export function f(a: number, b: number, c: number): number { const v = [a, b]; v.push(c * a); return v[2] + v.length; }`,
  zeroDivGuard: `export function f(a: number, b: number, c: number): number { const d = b * b + c * c; return d === 0 ? 0 : a / d; }`,
  arrayOfArraysIdx: `export function f(a: number, b: number, c: number): number { const v = [a, b, c]; const idx = [2, 0, 1]; let s = 0; for (let i = 0; i < 3; i++) s += v[idx[i]] * (i + 1); return s; }`,
  negZero: `export function f(a: number, b: number, c: number): number { return -a * 0 + b * c; }`,
  constFold: `export function f(a: number, b: number, c: number): number { const k = 2 * Math.PI; return Math.cos(k * a) * Math.E ** b + c; }`,
  comparisonChain: `export function f(a: number, b: number, c: number): number { return (a < b ? a : b) * (b < c ? c : b); }`,
  localNamedO: `export function f(a: number, b: number, c: number): number { const o = [a, b, a * b]; o[2] += c; return o[0] * o[2]; }`, // its tangent was named do, a keyword
  sameVarTwice: `export function f(a: number, b: number, c: number): number { const t = a * b; return t * t * t + t / (c * c + 1); }`,
  returnInForOf: `export function f(a: number, b: number, c: number): number { const v = [a, b, c]; for (const x of v) { if (x > 0.5) return x * a; } return b * c; }`,
  returnArrayElemInLoop: `export function f(a: number, b: number, c: number): number { const v = [a * b, b * c, c * a]; for (let i = 0; i < 3; i++) if (v[i] > 0) return v[i] * v[(i + 1) % 3]; return 0; }`,
  recursiveArray: `/** @differentiable */ function sum(v: number[], i: number): number { return i >= v.length ? 0 : v[i] * v[i] + sum(v, i + 1); }
export function f(a: number, b: number, c: number): number { const v = [a, b, c]; return sum(v, 0); }`,
  helperWithLocalArray: `/** @differentiable */ function h(u: number, w: number): number { const t = [u, w, u * w]; let s = 0; for (const x of t) s += x; return s; }
export function f(a: number, b: number, c: number): number { return h(a, b) * h(b, c); }`,
  mutualHelpers: `/** @differentiable */ function g(u: number): number { return u * 2 + 1; }
/** @differentiable */ function h(u: number): number { return g(u) * g(u * u); }
export function f(a: number, b: number, c: number): number { return h(a) + g(b) * c; }`,
  longExpression: `export function f(a: number, b: number, c: number): number { return a*b + b*c + c*a + a*a*b + b*b*c + c*c*a + Math.sin(a+b) * Math.cos(b-c) * Math.exp(c*0.1) / (1 + a*a) - Math.log(2 + b*b) * Math.sqrt(1 + c*c) + a*b*c*(a+b+c)*(a-b)*(b-c); }`,
  manyStatements: `export function f(a: number, b: number, c: number): number { let s = a; s = s * b; s = s + c; s = s * s; s = Math.tanh(s); s = s * a + b; s = s / (1 + c * c); s = s ** 2; s = s + a * b * c; return s; }`,
  whileComplexCondition: `export function f(a: number, b: number, c: number): number { let y = a; let k = 0; while (y * y < 10 && k < 5 || k === 0) { y = y * 1.5 + b * c; k++; } return y; }`,
  forWithTwoCounters: `export function f(a: number, b: number, c: number): number { let s = 0; for (let i = 0, j = 3; i < j; i++, j--) s += a * i + b * j; return s * c; }`,
  forNoInit: `export function f(a: number, b: number, c: number): number { let i = 0; let s = a; for (; i < 3; ) { s = s * b + c; i++; } return s; }`,
  forNoCondition: `export function f(a: number, b: number, c: number): number { let s = a; for (let i = 0; ; i++) { if (i >= 3) break; s = s * b + c; } return s; }`,
  negatedComparison: `export function f(a: number, b: number, c: number): number { return !(a > b) ? a * c : b * c; }`,
  typeofCheck: `export function f(a: number, b: number, c: number): number { return typeof a === "number" ? a * b : c; }`,
  ternaryAlias: `export function f(a: number, b: number, c: number): number { const v = [a, b]; const w = [c, 1]; const u = b > 0 ? v : w; u[1] = u[1] * a; return v[1] + w[1]; }`,
  arrayInitFromParamCopy: `export function f(a: number, b: number, c: number): number { const v = [a, b, c]; const w: number[] = []; for (let i = 0; i < v.length; i++) w.push(v[i] * 2); w[0] = w[1] * w[2]; return w[0] + v[0]; }`,
  writeAfterAliasReassign: `export function f(a: number, b: number, c: number): number { let v = [a, b]; const w = v; v = [c, c]; v[0] = v[0] * a; return w[0] + v[0]; }`,
  aliasReadAfterWrite: `export function f(a: number, b: number, c: number): number { const v = [0, 0]; const w = v; v[0] = a * b; return w[0] * c; }`,
  arrayOfSums: `export function f(a: number, b: number, c: number): number { const acc = [0]; for (let i = 0; i < 3; i++) acc[0] += a * i + b; return acc[0] * c; }`,
  aliasThenPush: `export function f(a: number, b: number, c: number): number { const v: number[] = [a]; const w = v; w.push(b * c); return v[1] + v[0] * w[1]; }`,
  aliasDecl: `export function f(a: number, b: number, c: number): number { const v = [a, b]; const w = v; w[0] = w[0] * c; return v[0] + w[1]; }`,
  aliasChain: `export function f(a: number, b: number, c: number): number { let v = [a, b]; let w = [c, c]; let u = v; u = w; u[1] = a * b; return w[1] + v[1] + u[0]; }`,
  // A whole array assigned anything but another array's name or a literal: the tangent was assigned as
  // one number (the JVP threw), a typed array held tape variables (the generic form threw), and an
  // array chosen by a condition copied lane 0 in chunk mode (a silently wrong derivative).
  float64Assigned: `export function f(a: number, b: number, c: number): number { let v = [a, b]; v = new Float64Array(2) as unknown as number[]; v[0] = a * c; return v[0] + v[1]; }`,
  filledAssigned: `export function f(a: number, b: number, c: number): number { let v = [a, b]; v = new Array(2).fill(0); v[0] = a * c; return v[0] + v[1]; }`,
  sliceAssigned: `export function f(a: number, b: number, c: number): number { const d = [1, 2]; let v = [a, b]; v = d.slice(); v[0] = a * c; return v[0] + v[1] + d[0]; }`,
  emptyAssignedThenPushed: `export function f(a: number, b: number, c: number): number { let v = [a, b]; v = []; v.push(a * c); return v[0] + b; }`,
  callResultAssigned: `export function f(a: number, b: number, c: number): number { let v = [a, b]; v = (() => [1, 2])(); v[0] = a * c; return v[0] + v[1]; }`,
  arrayChosenByCondition: `export function f(a: number, b: number, c: number): number { let v = [a, b]; const w = [c, a]; const u = [b, c]; v = a > 0 ? w : u; v[0] = v[0] * b; return v[0] + w[0] + u[0]; }`,
  literalReadingItself: `export function f(a: number, b: number, c: number): number { let v = [a, b * c]; v = [v[1] * a, v[0]]; return v[0] + v[1] * c; }`,
  float64FromCall: `export function f(a: number, b: number, c: number): number { const v = (() => new Float64Array(3))(); v[1] = a * b; return v[1] + v[2] + c; }`,
  float64FromLiteral: `export function f(a: number, b: number, c: number): number { const v = new Float64Array([0, 0, 0]); v[1] = a * b; return v[1] + v[2] * c + v.length; }`,
  float64Filled: `export function f(a: number, b: number, c: number): number { const v = new Float64Array(3).fill(1); v[1] = a * b; return v[1] + v[2] * c; }`,
  // An array made by an expression the transform does not read as one, written only through a second name: its tangent was one number.
  arrayWrittenOnlyThroughAlias: `export function f(a: number, b: number, c: number): number { const v = (new Array(3).fill(0)) ?? 0; for (let i = 0; i < 2; i++) { const w = v; w[i] = a * c + i; } return a + b; }`,
  arrayReadThroughThirdName: `export function f(a: number, b: number, c: number): number { const v = (() => [0, 0])(); const w = v; w[1] = a * b; const u = v; return u[1] + c; }`,
  // DUALTS1012 advises copying a parameter before writing into it: the copy ([...xs], xs.slice()) was itself reported.
  spreadCopyOfParameter: `/** @differentiable */ function g(xs: number[], a: number): number { const copy = [...xs]; copy[0] = copy[0] * a; return copy[0] + copy[1] * copy[2]; }
export function f(a: number, b: number, c: number): number { const v = [a, b * c, c]; return g(v, b); }`,
  sliceCopyOfParameter: `/** @differentiable */ function g(xs: number[], a: number): number { const copy = xs.slice(); copy[1] = a * a; return copy[1] + xs[1] * copy[0]; }
export function f(a: number, b: number, c: number): number { const v = [a, b * c, c]; return g(v, b); }`,
  copyThenPushed: `/** @differentiable */ function g(xs: number[], a: number): number { const copy = [...xs]; copy.push(a * xs[0]); return copy[3] + copy[1] * copy[2]; }
export function f(a: number, b: number, c: number): number { const v = [a, b * c, c]; return g(v, b); }`,
  copyAssigned: `export function f(a: number, b: number, c: number): number { const v = [a, b, c]; let w = [a, a]; w = [...v]; w[2] *= a; return w[2] + w[0] + v[2]; }`,
  float64Copied: `export function f(a: number, b: number, c: number): number { const v = new Float64Array(3); v[0] = a * b; const w = v.slice(); w[1] = w[0] * c; return v[0] + w[1] + w[0]; }`,
  aliasInLoop: `export function f(a: number, b: number, c: number): number { let cur = [a, b]; let next = [0, 0]; for (let i = 0; i < 3; i++) { next[0] = cur[0] * c + cur[1]; next[1] = cur[1] - cur[0] * 0.5; const t = cur; cur = next; next = t; } return cur[0] + cur[1]; }`,
  aliasConditional: `export function f(a: number, b: number, c: number): number { const v = [a, b]; const w = [c, a * c]; let u = v; if (b > 0) u = w; u[0] = u[0] * 2; return v[0] + w[0]; }`,
  f64Alias: `export function f(a: number, b: number, c: number): number { const v = new Float64Array(2); v[0] = a; v[1] = b; let w = v; w[1] = w[1] * c; return v[1] + w[0]; }`,
  fillAlias: `export function f(a: number, b: number, c: number): number { const v = new Array(2).fill(0); let w = [a, b]; w = v; w[0] = c * b; return v[0] + w[1]; }`,
  emptyPushAlias: `export function f(a: number, b: number, c: number): number { const v: number[] = []; let w = v; w.push(a); v.push(b * c); return w[0] * w[1]; }`,
  forOfAlias: `export function f(a: number, b: number, c: number): number { const v = [a, b, c]; const w = v; let s = 0; for (const x of w) s += x * x; return s; }`,
  scalarSwapLoop: `export function f(a: number, b: number, c: number): number { let p = a; let q = b; for (let i = 0; i < 4; i++) { const t = p; p = q * c; q = t + p; } return p * q; }`,
  arrayElemToScalarBack: `export function f(a: number, b: number, c: number): number { const v = [a, b]; let s = v[0]; s = s * c; v[0] = s; return v[0] + v[1] * s; }`,
  swap: `export function f(a: number, b: number, c: number): number { let p = a * c; let q = b; const t = p; p = q; q = t; return p * 2 + q * q; }`,
  forOfReassign: `export function f(a: number, b: number, c: number): number { const v = [a, b, c]; let s = 0; for (let x of v) { x = x * x; s += x; } return s; }`,
  selfAssign: `export function f(a: number, b: number, c: number): number { let y = a * b; y = y; return y + c; }`,
  switchBlocks: `export function f(a: number, b: number, c: number): number { let s = 0; switch (Math.round(c * 3)) { case 0: { const t = a * b; s = t; break; } case 1: { const u = a + b; s = u * u; break; } default: { s = a; } } return s; }`,
  doWhileFalse: `export function f(a: number, b: number, c: number): number { let y = a; do { y = y * b; } while (false); return y + c; }`,
  varAfterIf: `export function f(a: number, b: number, c: number): number { if (a > 0) { var y = a * b; } else { var y = c; } return y * y; }`,
  sumOfDataLoop: `export function f(a: number, b: number, c: number): number { const w = [1, 2, 3]; let s = 0; for (const k of w) s += k * a * b; return s + c; }`,
  ifElseChain: `export function f(a: number, b: number, c: number): number { let y; if (a < -1) y = -a; else if (a < 0) y = a * a; else if (a < 1) y = Math.sqrt(a + 1) * b; else y = c; return y * c; }`,
  reassignInBothBranches: `export function f(a: number, b: number, c: number): number { let y = a; if (b > 0) { y = y * b; } else { y = y / (1 + c * c); } return y * y; }`,
  loopCarriedTwo: `export function f(a: number, b: number, c: number): number { let p = a; let q = b; for (let i = 0; i < 3; i++) { const np = p * q + c; q = p - q; p = np; } return p + q; }`,
  arrayCopyLoop: `export function f(a: number, b: number, c: number): number { const v = [a, b, c]; const w = new Array(3).fill(0); for (let i = 0; i < 3; i++) w[i] = v[2 - i] * (i + 1); return w[0] * w[2] + w[1]; }`,
  arrayFromOtherArrayAlias: `export function f(a: number, b: number, c: number): number { let v = [a, b]; let w = v; w[0] = c * a; return v[0] + w[1]; }`,
  reassignArrayVariable: `export function f(a: number, b: number, c: number): number { let v = [a, b]; const w = [c, c * a]; v = w; v[1] = v[1] * b; return w[1] + v[0]; }`,
  nestedArrayWrites: `export function f(a: number, b: number, c: number): number { const v = [0, 0, 0]; for (let i = 0; i < 3; i++) for (let j = 0; j <= i; j++) v[i] += a * j + b * i; return v[0] + v[1] * v[2] * c; }`,
  minusAssignArray: `export function f(a: number, b: number, c: number): number { const v = [a, b, c]; v[1] -= v[0] * v[2]; v[2] /= 1 + v[1] * v[1]; return v[2]; }`,
  compoundPowArray: `export function f(a: number, b: number, c: number): number { const v = [a, b, c]; v[0] **= 2; v[1] %= 0.7; return v[0] + v[1] + v[2]; }`,
  returnArrayElemExpr: `export function f(a: number, b: number, c: number): number { const v = [a * b, b * c]; return v[a > 0 ? 0 : 1] * c; }`,
  assertions: `export function f(a: number, b: number, c: number): number { const v = [a, b] as number[]; return (v[0]! * (c as number)) satisfies number; }`,
  constants: `export function f(a: number, b: number, c: number): number { return Math.PI * a + Math.SQRT2 * b * Math.LN2 + c * 1_000e-3 + 0x10 * a; }`,
  unicodeNames: `export function f(θ: number, φ: number, r: number): number { return r * Math.sin(θ) * Math.cos(φ); }`,
  nestedTernary: `export function f(a: number, b: number, c: number): number { return a > 0 ? (b > 0 ? a * b : a - b) : c > 0 ? c * c : -c; }`,
  negativeLiteralPow: `export function f(a: number, b: number, c: number): number { return (-2) ** 2 * a + b ** -1 * c; }`,
  parenthesizedAssign: `export function f(a: number, b: number, c: number): number { let y = a; (y) = y * b; ((y)) += c; return y; }`,
  typedLocals: `export function f(a: number, b: number, c: number): number { const y: number = a * b; let z: number = y + c; z = z * z; return z; }`,
  expm1log1p: `export function f(a: number, b: number, c: number): number { return Math.expm1(a * b) - Math.log1p(c * c); }`,
  trigInverse: `export function f(a: number, b: number, c: number): number { return Math.asin(a / 3) + Math.acos(b / 3) + Math.atan(c) + Math.asinh(a) + Math.atanh(b / 2) + Math.acosh(2 + c * c); }`,
  hyperbolic: `export function f(a: number, b: number, c: number): number { return Math.sinh(a) * Math.cosh(b) - Math.tanh(c); }`,
  logs: `export function f(a: number, b: number, c: number): number { return Math.log2(1 + a * a) + Math.log10(2 + b * b) + Math.cbrt(c); }`,
  loopBackwards: `export function f(a: number, b: number, c: number): number { const v = [a, b, c]; let s = 0; for (let i = v.length - 1; i >= 0; i--) s = s * 0.5 + v[i]; return s; }`,
  forOfIndexAfter: `export function f(a: number, b: number, c: number): number { const v = [a, b, c]; let s = 0; let i = 0; for (const x of v) { s += x * (i + 1); i++; } return s; }`,
  breakInSwitch: `export function f(a: number, b: number, c: number): number { let s = 0; for (let i = 0; i < 3; i++) { switch (i) { case 1: s += a * b; break; default: s += c; } } return s; }`,
  returnInSwitch: `export function f(a: number, b: number, c: number): number { switch (true) { case a > 1: return a * b; case b > 0: return b * c; } return a + b + c; }`,
  whileTrueReturn: `export function f(a: number, b: number, c: number): number { let y = a; let n = 0; while (true) { y = y * b + c; if (++n >= 3) return y; } }`,
  compoundModPow: `export function f(a: number, b: number, c: number): number { let y = a * 5 + 7; y %= 3; let z = 1.5 + c * c; z **= b; return y + z; }`,
  emptyStatement: `export function f(a: number, b: number, c: number): number { ; let y = a;; y = y * b; ; return y + c; }`,
  blockOnly: `export function f(a: number, b: number, c: number): number { { let y = a * b; { y = y + c; return y; } } }`,
  constArrayLoop: `export function f(a: number, b: number, c: number): number { const w = [0.5, 1.5, -2]; let s = 0; for (let i = 0; i < w.length; i++) s += w[i] * a ** i; return s * b + c; }`,
  lengthLoop2D: `export function f(a: number, b: number, c: number): number { const m = [a, b, c, a * b]; let s = 0; for (let i = 0; i < 2; i++) for (let j = 0; j < 2; j++) s += m[i * 2 + j] * (i + 1) * (j + 2); return s; }`,
};

describe("constructs inside the subset, three parameters: every route right", () => {
  test.each(Object.entries(supported))("%s", async (_, body) => {
    const source = body.replace("export function f(", "/** @differentiable */\nexport function f(");
    await checkSource(source, undefined, [
      [0.7, -0.4, 0.3],
      [1.3, 0.9, -1.1],
      [2.5, 0.2, 0.6],
    ]);
  });
});

describe("writes into a parameter through another name are reported, as direct ones are", () => {
  test.each([
    ["an element write", "const w = xs; w[0] = x * 2; return xs[0] + w[1];", /DUALTS1012 f writes into its parameter 'xs' through 'w'/],
    ["a push", "let u = [1, 2]; const w = xs; u = w; u.push(x); return xs[0] + w[1];", /DUALTS1012 f pushes into its parameter 'xs' through 'u'/],
  ])("%s", async (_, body, message) => {
    for (const marker of ["@differentiable", "@differentiable wrt(x)"]) {
      const source = `/** ${marker} */\nexport function f(x: number, xs: number[]): number {\n  ${body}\n}\n`;
      await expect(checkSource(source, undefined, [[0.5, 1, 2]])).rejects.toThrow(message);
    }
  });
});

describe("bugs found by the random-program soak", () => {
  test("a for…of variable summed into a value-only variable: the record form's twin bounds it (it named an undeclared x5Size)", async () => {
    const source = `/** @differentiable */
export function f(a: number, b: number, c: number): number {
  const v1 = [-c, c, 2];
  let y4 = (v1[0] + c) / (1 + c ** 2);
  for (const x5 of v1) y4 += x5;
  c = c * c;
  return -Math.atan2(c, 2 + Math.cos(v1[0])) + a + b + c;
}
`;
    await checkSource(source, undefined, [
      [0, 0, 0],
      [0.3, -0.7, 1.2],
    ]);
  });
});
