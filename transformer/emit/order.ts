// Evaluation order: every generated form evaluates the source's expressions
// exactly once and in the primal's order, and reads state before the
// statement changes it. The rule, in three parts:
//
//   1. Inline text is pure. The emitters copy an operand's source text into
//      the value's line and, where a partial needs it, into the tangent's. So
//      text copied inline must be free of side effects (no calls but to Math
//      functions and differentiable functions, no ++, no assignments).
//   2. A statement with a side effect in it is evaluated operand by operand.
//      Where a statement's expression holds a side effect (`a[i] * x +
//      a[i++] * x`, `x * bump()`), every operand that is not a constant is
//      bound to a temporary as soon as it is emitted (emitOperands in
//      tangent.ts), so the temporaries run in the source's order, and the
//      value's line, the tangent's and the partials read only temporaries and
//      constants, which no side effect can change.
//   3. A statement's own write comes after its reads. An assignment or an
//      element write gets its tangent before its value (the tangent may read
//      the old value); a push pushes the tangent before the value; a
//      declaration's new name is read by nothing before it.
//
// A side effect's own index is bound once as well: `a[p++] *= x` reads and
// writes a[t] for one temporary t in every form (the generic form included,
// generic.ts). This file decides what counts as a side effect and what as a
// constant; tangent.ts applies the rule.

import ts = require("typescript");
import { isAssignment, mathRule, unwrap, type Activity } from "../activity.js";
import type { EmitContext } from "./context.js";

/** Names, literals and reads such as xs[i] or Math.PI, which can be repeated without cost or effect. */
export function isSimple(e: ts.Expression): boolean {
  e = unwrap(e);
  if (ts.isIdentifier(e) || ts.isNumericLiteral(e) || ts.isStringLiteral(e) || e.kind === ts.SyntaxKind.ThisKeyword) return true;
  if (ts.isPrefixUnaryExpression(e) && e.operator === ts.SyntaxKind.MinusToken) return ts.isNumericLiteral(e.operand);
  if (ts.isPropertyAccessExpression(e)) return isSimple(e.expression);
  if (ts.isElementAccessExpression(e)) return isSimple(e.expression) && isSimple(e.argumentExpression);
  return false;
}

/**
 * Whether evaluating e may change state (or depend on when it runs): a call of anything but a Math
 * function or one of `callable` (the differentiable functions, which may not change their caller's
 * state: the fence reports a write to an outer variable or a parameter), `new`, `delete`, an
 * assignment, ++ or --, await, yield, a tagged template. Nested functions are not entered: making
 * one has no effect.
 */
export function hasEffects(e: ts.Node, callable: (name: string) => boolean = () => false): boolean {
  if (ts.isFunctionLike(e) || ts.isClassLike(e)) return false;
  if (ts.isCallExpression(e)) {
    const callee = unwrap(e.expression);
    const known = mathRule(e) !== undefined || (ts.isIdentifier(callee) && callable(callee.text));
    if (!known) return true;
  }
  if (ts.isNewExpression(e) || ts.isDeleteExpression(e) || ts.isAwaitExpression(e) || ts.isYieldExpression(e) || ts.isTaggedTemplateExpression(e)) return true;
  if (ts.isPostfixUnaryExpression(e)) return true;
  if (ts.isPrefixUnaryExpression(e) && (e.operator === ts.SyntaxKind.PlusPlusToken || e.operator === ts.SyntaxKind.MinusMinusToken)) return true;
  if (ts.isBinaryExpression(e) && e.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && e.operatorToken.kind <= ts.SyntaxKind.LastAssignment) return true;
  return ts.forEachChild(e, (c) => (hasEffects(c, callable) ? true : undefined)) === true;
}

/** No calls, assignments or increments at all: evaluating it twice is the same as once (an index, say). */
export function isPure(e: ts.Node): boolean {
  return !hasEffects(e);
}

/**
 * An operand no side effect can change: a literal, or the name of a variable that nothing in the
 * function assigns after its declaration (an array's name included: its elements may change, the
 * array it names does not).
 */
export function isConstant(e: ts.Expression, activity: Activity): boolean {
  const u = unwrap(e);
  if (ts.isNumericLiteral(u) || ts.isStringLiteral(u) || ts.isNoSubstitutionTemplateLiteral(u)) return true;
  if (u.kind === ts.SyntaxKind.TrueKeyword || u.kind === ts.SyntaxKind.FalseKeyword || u.kind === ts.SyntaxKind.NullKeyword) return true;
  if (ts.isPrefixUnaryExpression(u) && u.operator === ts.SyntaxKind.MinusToken) return ts.isNumericLiteral(u.operand);
  return ts.isIdentifier(u) && !activity.reassigned.has(u.text);
}

/**
 * Whether a declaration, an expression statement or a return holds a side effect besides the
 * statement's own write (an assignment's, a push's, an increment's).
 */
export function ownEffects(cx: EmitContext, s: ts.VariableStatement | ts.ExpressionStatement | ts.ReturnStatement): boolean {
  const effects = (e: ts.Node | undefined) => e !== undefined && hasEffects(e, (name) => cx.callees.has(name) || cx.imported.has(name));
  if (ts.isVariableStatement(s)) return s.declarationList.declarations.some((d) => effects(d.initializer));
  if (ts.isReturnStatement(s)) return effects(s.expression);
  const e = unwrap(s.expression);
  if (ts.isBinaryExpression(e) && isAssignment(e.operatorToken.kind)) {
    const target = unwrap(e.left);
    const parts = ts.isElementAccessExpression(target) ? [target.expression, target.argumentExpression] : ts.isPropertyAccessExpression(target) ? [target.expression] : [];
    return [...parts, e.right].some(effects);
  }
  if (ts.isCallExpression(e) && ts.isPropertyAccessExpression(e.expression) && e.expression.name.text === "push") return e.arguments.some(effects);
  if ((ts.isPrefixUnaryExpression(e) || ts.isPostfixUnaryExpression(e)) && ts.isIdentifier(unwrap(e.operand))) return false;
  return effects(e);
}
