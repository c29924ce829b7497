// Syntax the stages share: an expression without its parentheses and type
// assertions, and walks over a function's own nodes (not into functions
// nested in it).

import ts = require("typescript");
import type { DifferentiableFunction } from "./find.js";

/** Strips parentheses and type assertions: `(x as number)!` is x. */
export function unwrap(e: ts.Expression): ts.Expression {
  while (ts.isParenthesizedExpression(e) || ts.isAsExpression(e) || ts.isNonNullExpression(e) || ts.isTypeAssertionExpression(e) || ts.isSatisfiesExpression(e)) {
    e = e.expression;
  }
  return e;
}

/** Does node or anything inside it match, not looking into nested functions? */
export function contains(node: ts.Node, matches: (n: ts.Node) => boolean): boolean {
  if (matches(node)) return true;
  let found = false;
  ts.forEachChild(node, (c) => {
    if (!found && !ts.isFunctionLike(c)) found = contains(c, matches);
  });
  return found;
}

/** Calls f on every node of the function body, not descending into nested functions. */
export function forEachOwnNode(fn: DifferentiableFunction, f: (node: ts.Node) => void): void {
  const visit = (node: ts.Node) => {
    f(node);
    if (!ts.isFunctionLike(node) || node === fn) ts.forEachChild(node, visit);
  };
  if (fn.body) visit(fn.body);
}
