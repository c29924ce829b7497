// The gradient form skips the work that only the value needs — in the
// lecture's loss, the two logs per point — and keeps, in its place, a cheap
// bound on the value's size:
//
//   total += ys[i] * Math.log(p) + (1 - ys[i]) * Math.log(1 - p);
// becomes, beside the tangents,
//   totalSize = totalSize + (Math.abs(ys[i]) * 745 + (1 + Math.abs(ys[i])) * 745);
//   inDomain = inDomain && p > 0 && p < Infinity && (1 - p) > 0 && (1 - p) < Infinity;
//
// |log x| ≤ 745 for every positive finite double, |a ± b| ≤ |a| + |b| and
// |a · b| = |a| · |b|, and rounding keeps these in order; so while every
// skipped log had its argument in its domain and the bound is finite, the
// skipped value is finite too, and in particular not NaN. A domain error, an
// infinite or NaN input, or a bound that overflows makes the flag false or
// the bound NaN or ∞, and the caller then runs the chunk-mode JVP, value and
// all.
// That is how grad keeps its rule that a NaN value makes every derivative NaN
// without computing the value: the gradient form's result is the chunk-mode
// JVP's, bit for bit, or undefined.
//
// A variable holds only value when it carries a tangent and its every read
// is in a linear position — under +, −, or · / by values that carry none —
// on the way to its own or another such variable's definition, or to a
// return. Its tangent never needs its value then, so the value can go.

import ts = require("typescript");
import type { RuleName } from "../../src/rules/table.js";
import { COMPOUND, isActive, isAssignment, isStringy, mathRule, unwrap, type Activity } from "../activity.js";
import { text, type EmitContext, type Writer } from "./context.js";
import { coefficientsFirst, inLane } from "./lanes.js";
import { emitExpression, isSimple } from "./tangent.js";

/** The gradient form's state: the variables that hold only value, the names of their bounds, and the domain flag. */
export interface ValueOnly {
  readonly variables: ReadonlySet<string>;
  readonly sizes: Map<string, string>;
  /**
   * Whether a bound has conditions anywhere in the function (skipped log, sin, … calls): then every
   * return checks the flag, even one written before the statement that first sets it (a loop comes back).
   */
  readonly hasDomain: boolean;
  domain?: string;
}

/** Math functions whose result is bounded where finite: the condition on the argument x for that, and the bound. */
const BOUNDED: Partial<Record<RuleName, { readonly where: (x: string) => string; readonly bound: string }>> = {
  log: { where: (x) => `${x} > 0 && ${x} < Infinity`, bound: "745" },
  log2: { where: (x) => `${x} > 0 && ${x} < Infinity`, bound: "1075" },
  log10: { where: (x) => `${x} > 0 && ${x} < Infinity`, bound: "324" },
  log1p: { where: (x) => `${x} > -1 && ${x} < Infinity`, bound: "745" },
  sin: { where: (x) => `Math.abs(${x}) < Infinity`, bound: "1" },
  cos: { where: (x) => `Math.abs(${x}) < Infinity`, bound: "1" },
  tanh: { where: (x) => `Math.abs(${x}) < Infinity`, bound: "1" },
  atan: { where: (x) => `Math.abs(${x}) < Infinity`, bound: "2" },
};

/** No calls but to Math functions, no assignments or increments: safe to read again in a bound. */
export function isClean(e: ts.Node): boolean {
  if (ts.isCallExpression(e) && !mathRule(e)) return false;
  if (ts.isNewExpression(e) || ts.isPostfixUnaryExpression(e) || ts.isFunctionLike(e)) return false;
  if (ts.isPrefixUnaryExpression(e) && (e.operator === ts.SyntaxKind.PlusPlusToken || e.operator === ts.SyntaxKind.MinusMinusToken)) return false;
  if (ts.isBinaryExpression(e) && isAssignment(e.operatorToken.kind)) return false;
  let clean = true;
  ts.forEachChild(e, (c) => {
    if (clean) clean = isClean(c);
  });
  return clean;
}

/** Whether any value-only definition or return of fn calls a Math function whose bound has a domain condition. */
export function skipsBoundedCalls(fn: ts.SignatureDeclaration & { body?: ts.ConciseBody }, variables: ReadonlySet<string>): boolean {
  const bounded = (e: ts.Node): boolean => (ts.isCallExpression(e) && BOUNDED[mathRule(e)!] !== undefined) || ts.forEachChild(e, bounded) === true;
  const definesValueOnly = (node: ts.Node): ts.Expression | undefined => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && variables.has(node.name.text)) return node.initializer;
    if (ts.isBinaryExpression(node) && isAssignment(node.operatorToken.kind) && ts.isIdentifier(unwrap(node.left)) && variables.has((unwrap(node.left) as ts.Identifier).text)) return node.right;
    return ts.isReturnStatement(node) ? node.expression : undefined;
  };
  const visit = (node: ts.Node): boolean => {
    if (ts.isFunctionLike(node)) return false;
    const value = definesValueOnly(node);
    return (value !== undefined && bounded(value)) || ts.forEachChild(node, visit) === true;
  };
  if (!fn.body) return false;
  return ts.isBlock(fn.body) ? visit(fn.body) : bounded(fn.body);
}

/** The variables of fn that hold only value (see the header). */
export function valueOnlyVariables(fn: ts.SignatureDeclaration & { body?: ts.ConciseBody }, activity: Activity): Set<string> {
  const parameters = new Set(fn.parameters.flatMap((p) => (ts.isIdentifier(p.name) ? [p.name.text] : [])));
  const candidates = new Set<string>();
  const reads: ts.Identifier[] = [];
  const excluded = new Set<string>();
  const visit = (node: ts.Node, nested: boolean) => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name)) {
      const name = node.name.text;
      if (activity.active.has(name) && !activity.arrays.has(name) && !parameters.has(name) && !nested) candidates.add(name);
      // A for…of variable takes its value from the loop, not from a declaration a bound could stand in for.
      const loopVariable = ts.isVariableDeclarationList(node.parent) && (ts.isForOfStatement(node.parent.parent) || ts.isForInStatement(node.parent.parent));
      if (nested || loopVariable || (node.initializer && !isClean(node.initializer)) || !ts.isVariableDeclarationList(node.parent)) excluded.add(name);
    } else if (ts.isIdentifier(node) && !(ts.isPropertyAccessExpression(node.parent) && node.parent.name === node)) {
      if (nested) excluded.add(node.text);
      else reads.push(node);
    }
    ts.forEachChild(node, (child) => visit(child, nested || ts.isFunctionLike(node)));
  };
  if (fn.body) visit(fn.body, false);
  for (const name of excluded) candidates.delete(name);

  const definitionKept = (assignment: ts.BinaryExpression): boolean => {
    const target = unwrap(assignment.left);
    const operator = assignment.operatorToken.kind;
    const linear =
      operator === ts.SyntaxKind.EqualsToken ||
      operator === ts.SyntaxKind.PlusEqualsToken ||
      operator === ts.SyntaxKind.MinusEqualsToken ||
      ((operator === ts.SyntaxKind.AsteriskEqualsToken || operator === ts.SyntaxKind.SlashEqualsToken) && !isActive(assignment.right, activity.active));
    return ts.isIdentifier(target) && candidates.has(target.text) && ts.isExpressionStatement(assignment.parent) && linear && isClean(assignment.right);
  };
  /** Whether this read of a candidate leaves its value unneeded: a linear position on the way to a definition or a return. */
  const linearRead = (read: ts.Identifier): boolean => {
    let node: ts.Node = read;
    for (;;) {
      const parent = node.parent;
      if (ts.isParenthesizedExpression(parent) || ts.isAsExpression(parent) || ts.isNonNullExpression(parent)) node = parent;
      else if (ts.isPrefixUnaryExpression(parent) && (parent.operator === ts.SyntaxKind.MinusToken || parent.operator === ts.SyntaxKind.PlusToken)) node = parent;
      else if (ts.isBinaryExpression(parent)) {
        const operator = parent.operatorToken.kind;
        const other = parent.left === node ? parent.right : parent.left;
        if (isAssignment(operator)) return definitionKept(parent);
        if ((operator === ts.SyntaxKind.PlusToken || operator === ts.SyntaxKind.MinusToken) && !isStringy(other)) node = parent;
        else if (operator === ts.SyntaxKind.AsteriskToken && !isActive(other, activity.active)) node = parent;
        else if (operator === ts.SyntaxKind.SlashToken && parent.left === node && !isActive(parent.right, activity.active)) node = parent;
        else return false;
      } else if (ts.isVariableDeclaration(parent)) return parent.initializer === node && ts.isIdentifier(parent.name) && candidates.has(parent.name.text);
      else if (ts.isReturnStatement(parent)) return isClean(node);
      else return node === fn.body && isClean(node);
    }
  };
  for (let changed = true; changed; ) {
    changed = false;
    for (const read of reads) {
      if (candidates.has(read.text) && !(ts.isVariableDeclaration(read.parent) && read.parent.name === read) && !linearRead(read)) {
        candidates.delete(read.text);
        changed = true;
      }
    }
  }
  return candidates;
}

/**
 * A bound as source text; `sum` when its top operator is +, so that a
 * product must parenthesise it; `conditions` under which it holds (the
 * arguments of bounded Math functions in their domains).
 */
interface Bound {
  readonly text: string;
  readonly sum: boolean;
  readonly conditions: readonly string[];
}

const factor = (b: Bound) => (b.sum ? `(${b.text})` : b.text);
/** |d| for a divisor: a literal as it is, anything else through Math.abs. */
const magnitude = (cx: EmitContext, d: ts.Expression) => (ts.isNumericLiteral(unwrap(d)) ? text(cx, unwrap(d)) : `Math.abs(${text(cx, d)})`);
const operand = (cx: EmitContext, e: ts.Expression) => (isSimple(e) ? text(cx, unwrap(e)) : `(${text(cx, unwrap(e))})`);
const all = (conditions: readonly string[]) => conditions.join(" && ");

/** The name of a value-only variable's bound: `total` → `totalSize`. */
export function sizeName(cx: EmitContext, name: string): string {
  const { sizes } = cx.valueOnly!;
  let size = sizes.get(name);
  if (!size) {
    size = cx.names.fresh([`${name}Size`, `${name}_size`]);
    sizes.set(name, size);
  }
  return size;
}

/** The flag that the skipped Math functions' arguments have all been in their domains so far: `inDomain`. */
function domainFlag(cx: EmitContext): string {
  const state = cx.valueOnly!;
  return (state.domain ??= cx.names.fresh(["inDomain", "valueInDomain"]));
}

/** A bound on |e|, for a clean e whose value-only variables sit in linear positions. */
function sizeOf(cx: EmitContext, expression: ts.Expression): Bound {
  const e = unwrap(expression);
  const plain = (text: string): Bound => ({ text, sum: false, conditions: [] });
  if (ts.isNumericLiteral(e)) return plain(e.text);
  if (ts.isIdentifier(e) && cx.valueOnly!.variables.has(e.text)) return plain(sizeName(cx, e.text));
  if (ts.isPrefixUnaryExpression(e) && (e.operator === ts.SyntaxKind.MinusToken || e.operator === ts.SyntaxKind.PlusToken)) return sizeOf(cx, e.operand);
  if (ts.isBinaryExpression(e) && !isStringy(e.left) && !isStringy(e.right)) {
    const operator = e.operatorToken.kind;
    const [left, right] = [sizeOf(cx, e.left), sizeOf(cx, e.right)];
    const conditions = [...left.conditions, ...right.conditions];
    if (operator === ts.SyntaxKind.PlusToken || operator === ts.SyntaxKind.MinusToken) return { text: `${left.text} + ${factor(right)}`, sum: true, conditions };
    if (operator === ts.SyntaxKind.AsteriskToken) return { text: `${factor(left)} * ${factor(right)}`, sum: false, conditions };
    if (operator === ts.SyntaxKind.SlashToken) return { text: `${factor(left)} / ${magnitude(cx, e.right)}`, sum: false, conditions: left.conditions };
  }
  if (ts.isConditionalExpression(e)) {
    // A branch's conditions hold only where that branch is taken.
    const [whenTrue, whenFalse] = [sizeOf(cx, e.whenTrue), sizeOf(cx, e.whenFalse)];
    const test = text(cx, e.condition);
    const conditions = whenTrue.conditions.length + whenFalse.conditions.length === 0 ? [] : [`(${test} ? ${all(whenTrue.conditions) || "true"} : ${all(whenFalse.conditions) || "true"})`];
    return { text: `(${test} ? ${whenTrue.text} : ${whenFalse.text})`, sum: false, conditions };
  }
  const rule = ts.isCallExpression(e) ? mathRule(e) : undefined;
  const bounded = rule && BOUNDED[rule];
  if (bounded && ts.isCallExpression(e) && e.arguments.length === 1) {
    return { text: bounded.bound, sum: false, conditions: [bounded.where(operand(cx, e.arguments[0]))] };
  }
  return plain(`Math.abs(${text(cx, e)})`);
}

/** `inDomain = inDomain && …;` for a bound's conditions, where it has any. */
function writeConditions(cx: EmitContext, w: Writer, bound: Bound): void {
  if (bound.conditions.length === 0) return;
  const flag = domainFlag(cx);
  w.line(`${flag} = ${flag} && ${all(bound.conditions)};`);
}

/** `totalSize = …;` in place of a value-only variable's declaration or assignment (its tangent is written as ever). */
export function writeSize(cx: EmitContext, w: Writer, name: string, keyword: string | undefined, operator: ts.SyntaxKind, value: ts.Expression | undefined): void {
  const size = sizeName(cx, name);
  if (!value) {
    w.line(`${keyword} ${size}: number;`);
    return;
  }
  const right = sizeOf(cx, value);
  const arithmetic = COMPOUND.get(operator);
  const bound =
    arithmetic === ts.SyntaxKind.PlusToken || arithmetic === ts.SyntaxKind.MinusToken
      ? `${size} + ${factor(right)}`
      : arithmetic === ts.SyntaxKind.AsteriskToken
        ? `${size} * ${factor(right)}`
        : arithmetic === ts.SyntaxKind.SlashToken
          ? `${size} / ${magnitude(cx, value)}`
          : right.text;
  w.line(`${keyword ? `${keyword} ` : ""}${size} = ${bound};`);
  writeConditions(cx, w, right);
}

/** A bound on the returned value: from the source where it is clean, else the value itself (computed as the JVP computes it). */
function returnedSize(cx: EmitContext, returned: ts.Expression, primal: string): Bound {
  return isClean(returned) ? sizeOf(cx, returned) : { text: `Math.abs(${primal})`, sum: false, conditions: [] };
}

/**
 * The return of a form that skips the value: where the bound on the value is
 * finite (and every skipped call was in its domain), each lane of the
 * returned tangent (the gradient form) or the result's node (the record
 * form's gradient-only twin); else undefined, and the caller runs the form
 * that computes the value.
 */
export function emitSkippedValueReturn(cx: EmitContext, w: Writer, returned: ts.Expression): void {
  const value = emitExpression(cx, w, returned);
  const unrolled = cx.lanes?.unrolled;
  const lanes = unrolled ? coefficientsFirst(cx, w, value.tangent) : "";
  const size = cx.names.fresh(["valueSize", "resultSize"]);
  const bound = returnedSize(cx, returned, value.primal.text);
  w.line(`const ${size} = ${bound.text};`);
  writeConditions(cx, w, bound);
  const result = unrolled ? `[${unrolled.directions.map((_, j) => inLane(cx, lanes, j)).join(", ")}]` : (value.tangent?.text ?? "0");
  const finite = cx.valueOnly!.hasDomain ? `${size} < Infinity && ${domainFlag(cx)}` : `${size} < Infinity`;
  w.line(`return ${finite} ? ${result} : undefined;`);
}
