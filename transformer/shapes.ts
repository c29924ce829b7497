// Which expressions and names hold arrays: arrays made in place, copies,
// integer typed arrays (whose stores carry no derivative), a choice between
// arrays, a call of a function that returns one; and which names are a
// second name for one array (const w = v, w = c ? v : u), and which arrays
// grow by push. The activity analysis (activity.ts) runs these to a fixed
// point with what carries a derivative.

import ts = require("typescript");
import type { DifferentiableFunction } from "./find.js";
import { forEachOwnNode, unwrap } from "./syntax.js";

/** The array an expression makes, if it visibly makes one: [ … ] or new Array(…) a plain array, new Float64Array(…) a typed one, and .fill(…) of either the same. */
export function madeArray(e: ts.Expression): "plain" | "typed" | undefined {
  const u = unwrap(e);
  if (ts.isArrayLiteralExpression(u)) return "plain";
  if (ts.isNewExpression(u) && ts.isIdentifier(u.expression)) return u.expression.text === "Array" ? "plain" : u.expression.text === "Float64Array" ? "typed" : undefined;
  const fill = ts.isCallExpression(u) && ts.isPropertyAccessExpression(u.expression) && u.expression.name.text === "fill";
  return fill ? madeArray((u.expression as ts.PropertyAccessExpression).expression) : undefined;
}

/** The array named in a copy of it: [...xs] or xs.slice(). */
export function copiedArray(e: ts.Expression): string | undefined {
  const init = unwrap(e);
  let source: ts.Expression | undefined;
  if (ts.isArrayLiteralExpression(init) && init.elements.length === 1 && ts.isSpreadElement(init.elements[0])) source = init.elements[0].expression;
  const callee = ts.isCallExpression(init) && init.arguments.length === 0 ? init.expression : undefined;
  if (callee && ts.isPropertyAccessExpression(callee) && callee.name.text === "slice") source = callee.expression;
  const name = source && unwrap(source);
  return name && ts.isIdentifier(name) ? name.text : undefined;
}

const INTEGER_ARRAY = /^(Int8|Uint8|Uint8Clamped|Int16|Uint16|Int32|Uint32)Array$/;

/** Whether e makes an integer typed array: new Int32Array(…), Uint8ClampedArray.from(…), … */
export function madeIntegerArray(e: ts.Expression): boolean {
  const u = unwrap(e);
  if (ts.isNewExpression(u)) return ts.isIdentifier(u.expression) && INTEGER_ARRAY.test(u.expression.text);
  return (
    ts.isCallExpression(u) &&
    ts.isPropertyAccessExpression(u.expression) &&
    ts.isIdentifier(u.expression.expression) &&
    INTEGER_ARRAY.test(u.expression.expression.text) &&
    (u.expression.name.text === "from" || u.expression.name.text === "of")
  );
}

/**
 * Whether e is an array: one of `arrays`, one made in place (madeArray), a copy of one, the result of a
 * call of one of `arrayFunctions`, or a choice between two where either is one.
 */
export function isArrayShaped(e: ts.Expression, arrays: ReadonlySet<string>, arrayFunctions: ReadonlySet<string> = new Set()): boolean {
  const u = unwrap(e);
  if (ts.isIdentifier(u)) return arrays.has(u.text);
  if (madeArray(u)) return true;
  const copied = copiedArray(u);
  if (copied !== undefined) return arrays.has(copied);
  if (ts.isCallExpression(u) && ts.isIdentifier(u.expression) && arrayFunctions.has(u.expression.text)) return true;
  return ts.isConditionalExpression(u) && (isArrayShaped(u.whenTrue, arrays, arrayFunctions) || isArrayShaped(u.whenFalse, arrays, arrayFunctions));
}

/** The names an expression's value may be: itself if a name, each branch's of a condition (c ? v : w). */
function namesOf(e: ts.Expression): string[] {
  const u = unwrap(e);
  if (ts.isIdentifier(u)) return [u.text];
  return ts.isConditionalExpression(u) ? [...namesOf(u.whenTrue), ...namesOf(u.whenFalse)] : [];
}

/**
 * [target, source] pairs of `const w = v` or `w = v` — one name given another's value (for arrays, a
 * second name for one array) — and of `w = c ? v : u`, one pair per name w may be given.
 */
export function nameCopies(node: ts.Node): [string, string][] {
  const [left, right] =
    ts.isVariableDeclaration(node) && node.initializer
      ? [node.name, node.initializer]
      : ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken
        ? [unwrap(node.left), node.right]
        : [undefined, undefined];
  return left && right && ts.isIdentifier(left) ? namesOf(right).map((source) => [left.text, source]) : [];
}

/** nameCopies where either name is an array's. */
export function arrayAliases(node: ts.Node, arrays: ReadonlySet<string>): [string, string][] {
  return nameCopies(node).filter((copy) => arrays.has(copy[0]) || arrays.has(copy[1]));
}

/** The names pushed onto (`v.push(…)`), closed under aliasing (`const w = v`, `w = v`): one array may go by several names. */
export function pushedArrays(fn: DifferentiableFunction): Set<string> {
  const pushed = new Set<string>();
  const aliases: [string, string][] = [];
  forEachOwnNode(fn, (node) => {
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === "push") {
      const target = unwrap(node.expression.expression);
      if (ts.isIdentifier(target)) pushed.add(target.text);
    }
    aliases.push(...nameCopies(node));
  });
  for (let changed = true; changed; ) {
    changed = false;
    for (const [a, b] of aliases) {
      if (pushed.has(a) !== pushed.has(b)) {
        pushed.add(a).add(b);
        changed = true;
      }
    }
  }
  return pushed;
}
