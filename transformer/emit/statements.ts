// Stage 4a, statements: each primal statement followed by its tangent.
// Control flow is kept as written (conditions read primal values); inactive
// statements are copied unchanged; declarations, assignments, element writes,
// pushes and returns of differentiated values get their tangent beside them.
// Tangents are read and written through lanes.ts, so the same code emits the
// plain JVP, the chunk-mode one and the gradient form; in the forms that skip
// the value (the gradient form, the record form's twin) a variable that holds
// only value gets a bound on its size instead of its value (value-only.ts).

import ts = require("typescript");
import { rules } from "../../src/rules/table.js";
import { COMPOUND, contains, isActive, isActiveName, isArrayShaped, unwrap } from "../activity.js";
import { codes } from "../diagnostics.js";
import { hoist, report, sourceLine, text, unsupported, type EmitContext, type Emitted } from "./context.js";
import type { Writer } from "./writer.js";
import { applyRule, emitExpression, emitOperands, operatorRule } from "./tangent.js";
import { isConstant, isPure, ownEffects } from "./order.js";
import { declaredNames, loopHeaderIsActive, zeroTangentsInHeader } from "./loops.js";
import { noDerivativeMessage, unsupportedStatement } from "./messages.js";
import { emitSkippedValueReturn, writeSize } from "./value-only.js";
import { assignTangent, declareTangent, laneArgument, noLanes, tangentElement, tangentRef, zerosLike } from "./lanes.js";
import { emitWholeArray } from "./arrays.js";
import { copiedArray } from "../shapes.js";

/** What the comment above a statement's derivative code calls it. */
function derivativeOf(cx: EmitContext): string {
  return cx.record ? "node of" : "tangent of";
}

function emitDeclaration(cx: EmitContext, w: Writer, keyword: string, d: ts.VariableDeclaration, statement: ts.Node): void {
  if (!ts.isIdentifier(d.name)) {
    // Of a value that carries a derivative, or into a name that carries one (written later, or through a second name).
    const { active } = cx.activity;
    if ((d.initializer && isActive(d.initializer, active)) || contains(d.name, (n) => isActiveName(n, active))) {
      unsupported(cx, d.name, "destructuring", "declare one variable per value");
    } else {
      w.line(`${keyword} ${text(cx, d)};`);
    }
    return;
  }
  const name = d.name.text;
  const type = d.type ? `: ${text(cx, d.type)}` : "";
  if (!cx.activity.active.has(name)) {
    w.line(`${keyword} ${text(cx, d)};`);
    return;
  }
  const isArray = cx.activity.arrays.has(name);
  const valueOnly = cx.valueOnly?.variables.has(name);
  if (!d.initializer) {
    if (valueOnly) writeSize(cx, w, name, keyword, ts.SyntaxKind.EqualsToken, undefined);
    else w.line(`${keyword} ${name}${type};`);
    if (isArray) {
      noLanes(cx);
      w.line(`let ${cx.names.tangent(name)}: number[];`);
    } else declareTangent(cx, w, "let", name, null);
    return;
  }
  if (isArray) return emitWholeArray(cx, w, keyword, name, type, d.initializer);
  // A value-only variable's value is not there for a partial to read: the partial reads a temporary instead.
  const value = emitExpression(cx, w, d.initializer, valueOnly ? undefined : name);
  if (valueOnly) writeSize(cx, w, name, keyword, ts.SyntaxKind.EqualsToken, d.initializer);
  else w.line(`${keyword} ${name}${type} = ${value.primal.text};`);
  if (value.tangent) w.comment(`${derivativeOf(cx)}: ${sourceLine(cx, statement)}`);
  declareTangent(cx, w, keyword, name, value.tangent);
}

/** `target op= value` as the value `target op value`, for the tangent. */
function assignedValue(cx: EmitContext, w: Writer, operator: ts.SyntaxKind, right: ts.Expression, current: Emitted): Emitted {
  const value = emitExpression(cx, w, right);
  const arithmetic = COMPOUND.get(operator);
  if (!arithmetic) return value;
  return applyRule(cx, w, rules[operatorRule(arithmetic)!], [current, value]);
}

function emitAssignment(cx: EmitContext, w: Writer, e: ts.BinaryExpression, statement: ts.Node): void {
  const target = unwrap(e.left);
  const operator = e.operatorToken.kind;
  if (ts.isIdentifier(target) && cx.activity.active.has(target.text) && cx.activity.arrays.has(target.text) && operator === ts.SyntaxKind.EqualsToken) {
    w.comment(`${derivativeOf(cx)}: ${sourceLine(cx, statement)}`);
    return emitWholeArray(cx, w, "", target.text, "", e.right);
  }
  if (ts.isIdentifier(target) && cx.activity.active.has(target.text)) {
    const current: Emitted = { primal: { text: target.text, precedence: 20 }, tangent: tangentRef(cx, target.text), simple: true };
    const value = assignedValue(cx, w, operator, e.right, current);
    // The tangent first: it may read the old value of the target.
    w.comment(`${derivativeOf(cx)}: ${sourceLine(cx, statement)}`);
    assignTangent(cx, w, tangentRef(cx, target.text), value.tangent);
    if (cx.valueOnly?.variables.has(target.text)) writeSize(cx, w, target.text, undefined, operator, e.right);
    else w.line(`${target.text} = ${value.primal.text};`);
    return;
  }
  if (ts.isElementAccessExpression(target) && ts.isIdentifier(target.expression) && cx.activity.active.has(target.expression.text)) {
    const array = target.expression.text;
    let index = text(cx, target.argumentExpression);
    // The index is evaluated once, before the value (as JavaScript does): a side effect in it, or in the value, cannot move it.
    if (!isPure(target.argumentExpression) || (cx.ordered && !isConstant(target.argumentExpression, cx.activity))) {
      index = hoist(cx, w, { primal: { text: index, precedence: 0 }, tangent: null, simple: false }).primal.text;
    }
    const current: Emitted = { primal: { text: `${array}[${index}]`, precedence: 20 }, tangent: tangentElement(cx, array, index), simple: true };
    const value = assignedValue(cx, w, operator, e.right, current);
    w.comment(`${derivativeOf(cx)}: ${sourceLine(cx, statement)}`);
    assignTangent(cx, w, tangentElement(cx, array, index), value.tangent);
    w.line(`${array}[${index}] = ${value.primal.text};`);
    return;
  }
  if (ts.isElementAccessExpression(target) && ts.isIdentifier(target.expression) && cx.activity.integerArrays.has(target.expression.text)) {
    // A store into an integer typed array truncates or clamps: a step function, whose derivative is zero.
    w.line(`${text(cx, e)};`);
    return;
  }
  // Anything else that carries a derivative, or overwrites a name that does ([a] = [1]), would lose it.
  // (An element of an array that carries none, v[x > 0 ? 0 : 1] = 3, is written as it is: its index is only a number.)
  const array = ts.isElementAccessExpression(target) ? unwrap(target.expression) : undefined;
  const dataElement = array !== undefined && ts.isIdentifier(array) && !cx.activity.active.has(array.text);
  if (dataElement ? isActive(e.right, cx.activity.active) : isActive(e, cx.activity.active) || contains(e.left, (n) => isActiveName(n, cx.activity.active))) {
    unsupported(cx, e.left, `assigning to '${text(cx, e.left)}'`, "assign to a local variable or an element of a local array");
  } else {
    w.line(`${text(cx, e)};`);
  }
}

function emitExpressionStatement(cx: EmitContext, w: Writer, s: ts.ExpressionStatement): void {
  const e = unwrap(s.expression);
  if (ts.isBinaryExpression(e) && e.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && e.operatorToken.kind <= ts.SyntaxKind.LastAssignment) {
    return emitAssignment(cx, w, e, s);
  }
  if (ts.isCallExpression(e) && ts.isPropertyAccessExpression(e.expression) && e.expression.name.text === "push") {
    const array = unwrap(e.expression.expression);
    if (ts.isIdentifier(array) && cx.activity.active.has(array.text)) {
      const values = emitOperands(cx, w, e.arguments);
      // The tangents first: what they read (a[a.length - 1], a.length) is read before the push changes it.
      w.comment(`${derivativeOf(cx)}: ${sourceLine(cx, s)}`);
      const tangents = cx.names.tangent(array.text);
      if (!cx.lanes) w.line(`${tangents}.push(${values.map((v) => v.tangent?.text ?? "0").join(", ")});`);
      else {
        const { index, count } = cx.lanes;
        for (const v of values) w.line(`for (let ${index} = 0; ${index} < ${count}; ${index}++) ${tangents}.push(${v.tangent?.text ?? "0"});`);
      }
      w.line(`${array.text}.push(${values.map((v) => v.primal.text).join(", ")});`);
      return;
    }
  }
  if ((ts.isPostfixUnaryExpression(e) || ts.isPrefixUnaryExpression(e)) && ts.isIdentifier(e.operand)) {
    w.line(`${text(cx, s.expression)};`); // x++ leaves the tangent unchanged
    return;
  }
  if (isActive(e, cx.activity.active) && !isConsoleCall(e)) {
    // A call for its effect (m.set("a", x)) has no derivative to keep; anything else's value is lost.
    if (ts.isCallExpression(e) && !(ts.isIdentifier(unwrap(e.expression)) && cx.callees.has((unwrap(e.expression) as ts.Identifier).text)))
      report(cx, codes.noDerivative, e, noDerivativeMessage(cx, e));
    else unsupported(cx, e, "an expression statement whose value is dropped", "assign the value to a variable");
    return;
  }
  w.line(`${text(cx, s.expression)};`);
}

function isConsoleCall(e: ts.Expression): boolean {
  return ts.isCallExpression(e) && ts.isPropertyAccessExpression(e.expression) && ts.isIdentifier(e.expression.expression) && e.expression.expression.text === "console";
}

export function emitReturn(cx: EmitContext, w: Writer, returned: ts.Expression): void {
  if (cx.valueOnly) return emitSkippedValueReturn(cx, w, returned);
  const e = unwrap(returned);
  const copied = copiedArray(e);
  if (copied !== undefined && cx.activity.active.has(copied)) {
    // A copy of an array ([...v], v.slice()) and a copy of its tangents.
    const value = emitExpression(cx, w, e);
    w.line(`return [${value.primal.text}, ${value.tangent!.text}];`);
    return;
  }
  if (ts.isArrayLiteralExpression(e)) {
    const values = emitOperands(cx, w, e.elements);
    const primal = `[${values.map((v) => v.primal.text).join(", ")}]`;
    if (!cx.lanes) {
      w.line(`return [${primal}, [${values.map((v) => v.tangent?.text ?? "0").join(", ")}]];`);
      return;
    }
    const result = cx.names.temp();
    w.line(`const ${result} = ${primal};`);
    w.line(`const ${cx.names.tangent(result)} = ${zerosLike(cx, result)};`);
    values.forEach((v, j) => v.tangent && assignTangent(cx, w, tangentElement(cx, result, String(j)), v.tangent));
    w.line(`return [${result}, ${cx.names.tangent(result)}];`);
    return;
  }
  if (ts.isIdentifier(e) && cx.activity.arrays.has(e.text)) {
    w.line(`return [${e.text}, ${cx.activity.active.has(e.text) ? cx.names.tangent(e.text) : zerosLike(cx, e.text)}];`);
    return;
  }
  const value = emitExpression(cx, w, returned);
  if (value.tangent === null && (cx.result === "array" || isArrayShaped(returned, cx.activity.arrays, cx.activity.arrayFunctions))) {
    // An array that carries no derivative (c > 0 ? [1, 2] : [3, 4], a call's result): zeros as long as it.
    const result = cx.names.temp();
    w.line(`const ${result} = ${value.primal.text};`);
    w.line(`return [${result}, ${zerosLike(cx, result)}];`);
    return;
  }
  w.line(`return [${value.primal.text}, ${cx.lanes ? laneArgument(cx, w, value.tangent) : (value.tangent?.text ?? "0")}];`);
}

function emitForOf(cx: EmitContext, w: Writer, s: ts.ForOfStatement): void {
  const init = s.initializer;
  const iterated = unwrap(s.expression);
  if (!isActive(s.expression, cx.activity.active)) {
    w.block(`for (${text(cx, init)} of ${text(cx, s.expression)})`, () => {
      // A loop variable that the body gives a derivative (e = e * w) starts each pass with none.
      for (const name of declaredNames(init)) if (cx.activity.active.has(name)) declareTangent(cx, w, "let", name, null);
      emitBody(cx, w, s.statement);
    });
    return;
  }
  if (!ts.isIdentifier(iterated) || !ts.isVariableDeclarationList(init) || !ts.isIdentifier(init.declarations[0].name)) {
    unsupported(cx, s, "this for…of loop", "iterate over a named array into a single variable: for (const v of values)");
    return;
  }
  const element = init.declarations[0].name.text;
  // The loop variable keeps its keyword: a body may reassign a `let` one (for (let x of v) { x = x * x; … }).
  const keyword = init.flags & ts.NodeFlags.Const ? "const" : init.flags & ts.NodeFlags.Let ? "let" : "var";
  const index = cx.names.index();
  w.block(`for (let ${index} = 0; ${index} < ${iterated.text}.length; ${index}++)`, () => {
    w.line(`${keyword} ${element} = ${iterated.text}[${index}];`);
    declareTangent(cx, w, keyword, element, tangentElement(cx, iterated.text, index));
    emitBody(cx, w, s.statement);
  });
}

/** The statements of a body, block or single statement, without the braces. */
function emitBody(cx: EmitContext, w: Writer, s: ts.Statement): void {
  if (ts.isBlock(s)) s.statements.forEach((x) => emitStatement(cx, w, x));
  else emitStatement(cx, w, s);
}

/** A statement's generated code, which comes from the statement (for source maps: writer.ts's ORIGIN). */
export function emitStatement(cx: EmitContext, w: Writer, s: ts.Statement): void {
  w.from(s.getStart(cx.sf), () => emitStatementCode(cx, w, s));
}

function emitStatementCode(cx: EmitContext, w: Writer, s: ts.Statement): void {
  if (!containsActive(cx, s)) {
    w.line(text(cx, s));
    return;
  }
  if (ts.isVariableStatement(s) || ts.isExpressionStatement(s) || ts.isReturnStatement(s)) {
    // A statement with a side effect in it is evaluated operand by operand (order.ts).
    cx.ordered = ownEffects(cx, s);
    try {
      emitSimpleStatement(cx, w, s);
    } finally {
      cx.ordered = false;
    }
    return;
  }
  if (ts.isBlock(s)) w.block("", () => emitBody(cx, w, s));
  else if (ts.isIfStatement(s)) {
    w.block(`if (${text(cx, s.expression)})`, () => emitBody(cx, w, s.thenStatement));
    if (s.elseStatement) w.block("else", () => emitBody(cx, w, s.elseStatement!));
  } else if (ts.isForStatement(s)) {
    if (loopHeaderIsActive(cx, s)) {
      report(
        cx,
        codes.activeLoopHeader,
        s.initializer ?? s,
        `the header of this loop computes a value that carries a derivative in ${cx.functionName}; keep the loop counter a plain number and compute the value in the body`,
      );
      return;
    }
    const init = s.initializer;
    const header = `for (${init ? text(cx, init) + zeroTangentsInHeader(cx, init) : ""}; ${s.condition ? text(cx, s.condition) : ""}; ${s.incrementor ? text(cx, s.incrementor) : ""})`;
    w.block(header, () => emitBody(cx, w, s.statement));
  } else if (ts.isForOfStatement(s)) emitForOf(cx, w, s);
  else if (ts.isWhileStatement(s)) w.block(`while (${text(cx, s.expression)})`, () => emitBody(cx, w, s.statement));
  else if (ts.isDoStatement(s)) w.block("do", () => emitBody(cx, w, s.statement), `} while (${text(cx, s.expression)});`);
  else if (ts.isSwitchStatement(s)) {
    w.block(`switch (${text(cx, s.expression)})`, () => {
      for (const clause of s.caseBlock.clauses) {
        w.block(ts.isCaseClause(clause) ? `case ${text(cx, clause.expression)}:` : "default:", () => clause.statements.forEach((x) => emitStatement(cx, w, x)));
      }
    });
  } else if (ts.isThrowStatement(s)) {
    // A throw leaves every form as it leaves the primal: what it throws carries no derivative anyone reads.
    w.line(text(cx, s));
  } else if (ts.isLabeledStatement(s)) {
    w.line(`${s.label.text}:`);
    emitStatement(cx, w, s.statement);
  } else unsupported(cx, s, ...unsupportedStatement(s));
}

/** A declaration, an expression statement or a return. */
function emitSimpleStatement(cx: EmitContext, w: Writer, s: ts.VariableStatement | ts.ExpressionStatement | ts.ReturnStatement): void {
  if (ts.isVariableStatement(s)) {
    const keyword = s.declarationList.flags & ts.NodeFlags.Const ? "const" : s.declarationList.flags & ts.NodeFlags.Let ? "let" : "var";
    s.declarationList.declarations.forEach((d) => emitDeclaration(cx, w, keyword, d, s));
  } else if (ts.isExpressionStatement(s)) emitExpressionStatement(cx, w, s);
  else if (s.expression) emitReturn(cx, w, s.expression);
  else cx.failed = true; // `return;` in a function of a number: the fence has reported it (DUALTS1006)
}

/** Does the statement read or write any active variable, or return? Statements that do neither are copied unchanged. */
function containsActive(cx: EmitContext, node: ts.Node): boolean {
  return contains(node, (n) => ts.isReturnStatement(n) || isActiveName(n, cx.activity.active));
}
