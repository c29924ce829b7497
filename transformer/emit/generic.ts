// Stage 4b: the generic form — the same function over dualts' operations,
// so it runs on reverse-mode tape variables and nested Duals:
//
//   function loss_generic(ops: any, w0: any, w1: any, xs: any, ys: any): any {
//     let total = 0;
//     for (let i = 0; i < xs.length; i++) {
//       const z = ops.add(w0, ops.mul(w1, xs[i]));
//       …
//
// The function's own text is kept and only the active expressions in it are
// rewritten: arithmetic and Math calls on active values become ops calls,
// and an active value read where a plain number is needed (a comparison, an
// index, a step function) becomes ops.primal(value).

import ts = require("typescript");
import { COMPOUND, contains, isActive, isActiveName, isArithmetic, isAssignment, isStringy, madeArray, mathRule, stepFunctions, unwrap } from "../activity.js";
import { isDualts, isImportedMember } from "../markers.js";
import { text, where, type EmitContext } from "./context.js";
import { isNestedDerivative, operatorRule } from "./tangent.js";
import { isPure } from "./order.js";

type Position = "value" | "primal";

function mentionsActive(cx: EmitContext, node: ts.Node): boolean {
  return contains(node, (n) => isActiveName(n, cx.activity.active));
}

/** The name of the operations parameter: `ops`, unless the function already uses that name. */
const ops = (cx: EmitContext) => cx.opsName ?? "ops";

const primalOf = (cx: EmitContext, code: string, position: Position) => (position === "primal" ? `${ops(cx)}.primal(${code})` : code);

const EQUALITY = new Set([ts.SyntaxKind.EqualsEqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsEqualsToken, ts.SyntaxKind.EqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsToken]);

/** `undefined` or `null`. */
function isNothing(e: ts.Expression): boolean {
  const u = unwrap(e);
  return u.kind === ts.SyntaxKind.NullKeyword || (ts.isIdentifier(u) && u.text === "undefined");
}

/** The children's positions inside a node that is not itself an active expression. */
function childPosition(parent: ts.Node, child: ts.Node): Position {
  if (ts.isVariableDeclaration(parent) && parent.initializer === child) return "value";
  if ((ts.isReturnStatement(parent) || ts.isExpressionStatement(parent)) && parent.expression === child) return "value";
  if (ts.isArrowFunction(parent) && parent.body === child) return "value";
  // An array's length is read from the array as it is (g(x).length), its elements whatever they hold.
  if (ts.isPropertyAccessExpression(parent) && parent.name.text === "length") return "value";
  if (ts.isCallExpression(parent) && ts.isPropertyAccessExpression(parent.expression) && parent.expression.name.text === "push" && parent.arguments.includes(child as ts.Expression)) return "value";
  // Whether a value is there at all (z === undefined): asked of the value itself, a Dual or not.
  if (ts.isBinaryExpression(parent) && EQUALITY.has(parent.operatorToken.kind) && [parent.left, parent.right].some(isNothing)) return "value";
  return "primal";
}

/** Rebuilds a node's text with each child rewritten; the gaps (punctuation, comments) are kept. */
function splice(cx: EmitContext, node: ts.Node): string {
  const start = node.getStart(cx.sf);
  let out = "";
  let cursor = start;
  // Each statement of a block says where it comes from (writer.ts's ORIGIN), for source maps.
  const holdsStatements = ts.isBlock(node) || ts.isCaseClause(node) || ts.isDefaultClause(node);
  ts.forEachChild(node, (child) => {
    const childStart = child.getStart(cx.sf);
    const origin = holdsStatements && ts.isStatement(child) ? `/*@dualts:${childStart}*/ ` : "";
    out += cx.sf.text.slice(cursor, childStart) + origin + rewrite(cx, child, childPosition(node, child));
    cursor = child.getEnd();
  });
  return out + cx.sf.text.slice(cursor, node.getEnd());
}

function assignment(cx: EmitContext, e: ts.BinaryExpression): string {
  const target = unwrap(e.left);
  const value = ts.isIdentifier(target) ? arrayValue(cx, target.text, e.right) : rewrite(cx, e.right, "value");
  const arithmetic = COMPOUND.get(e.operatorToken.kind);
  if (!ts.isElementAccessExpression(target)) {
    const targetText = text(cx, target);
    return arithmetic ? `${targetText} = ${ops(cx)}.${operatorRule(arithmetic)}(${targetText}, ${value})` : `${targetText} = ${value}`;
  }
  const array = text(cx, target.expression);
  const index = rewrite(cx, target.argumentExpression, "primal");
  // A store into an integer typed array keeps a number (its derivative is zero: statements.ts).
  if (ts.isIdentifier(target.expression) && cx.activity.integerArrays.has(target.expression.text)) {
    return `${array}[${index}] ${ts.tokenToString(e.operatorToken.kind)} ${ops(cx)}.primal(${value})`;
  }
  if (!arithmetic) return `${array}[${index}] = ${value}`;
  // a[i] op= v reads and writes one element: an index with a side effect (a[p++] *= x) is evaluated once,
  // into a temporary declared at the top of the function, where JavaScript evaluates it (order.ts).
  if (isPure(target.argumentExpression)) return `${array}[${index}] = ${ops(cx)}.${operatorRule(arithmetic)}(${array}[${index}], ${value})`;
  const temp = cx.names.temp();
  (cx.genericTemps ??= []).push(temp);
  return `${array}[${temp} = ${index}] = ${ops(cx)}.${operatorRule(arithmetic)}(${array}[${temp}], ${value})`;
}

function call(cx: EmitContext, e: ts.CallExpression, position: Position): string {
  const args = (pos: Position) => e.arguments.map((a) => rewrite(cx, a, pos)).join(", ");
  const rule = mathRule(e);
  // (A Math call on values without derivatives — their choice may read one, Math.max(x > 0 ? a : b) — runs on numbers, as written.)
  if (rule && !stepFunctions.has(rule)) return isActive(e, cx.activity.active) ? primalOf(cx, `${ops(cx)}.${rule}(${args("value")})`, position) : splice(cx, e);
  const callee = unwrap(e.expression);
  if (isDualts(callee, "noDerivative")) return `${ops(cx)}.primal(${args("value")})`;
  if (isDualts(callee, "label")) return primalOf(cx, `${ops(cx)}.label(${args("value")})`, position);
  // derivative(g)(x) receives x with its perturbations: the nested call takes a fresh tag.
  if (isNestedDerivative(callee)) return primalOf(cx, `${text(cx, callee)}(${args("value")})`, position);
  if (ts.isIdentifier(callee) && cx.callees.has(callee.text)) {
    cx.calls.add(callee.text);
    const target = cx.callees.get(callee.text)!;
    const written = `${target.genericName}(${ops(cx)}, ${target.rest ? gathered(cx, e, target.parameters.length - 1) : args("value")})`;
    // An array result, where plain values are wanted (an element of an array of numbers), gives its numbers.
    return target.result === "array" ? (position === "primal" ? `${written}.map(${ops(cx)}.primal)` : written) : primalOf(cx, written, position);
  }
  if ((ts.isIdentifier(callee) && cx.imported.has(callee.text)) || isImportedMember(callee)) {
    cx.needs.add("call");
    return primalOf(cx, `__dualtsGeneric(${text(cx, callee)}, ${JSON.stringify(where(cx, e))})(${ops(cx)}, ${args("value")})`, position);
  }
  // Where a plain value is wanted (compared, indexed, a condition), anything else — v.indexOf(2), Number.isFinite(x),
  // y.toFixed(3) — runs on the numbers, as in the primal, and gives a plain value.
  if (position === "primal" && isActive(e, cx.activity.active)) return onNumbers(cx, e);
  // Else (an array's copy, u.slice(): its elements carry their derivatives) as written, its result's number where one is needed.
  return isActive(e, cx.activity.active) ? primalOf(cx, splice(cx, e), position) : splice(cx, e);
}

/**
 * A call that is none of dualts' or Math's, on the numbers of the differentiated values it reads: an array
 * of them through its numbers (v.map(ops.primal)), a number through ops.primal(x).
 */
function onNumbers(cx: EmitContext, e: ts.CallExpression): string {
  const plain = (a: ts.Expression): string => {
    const u = unwrap(a);
    if (ts.isSpreadElement(u)) return `...${plain(u.expression)}`;
    const array = ts.isIdentifier(u) && cx.activity.arrays.has(u.text) && cx.activity.active.has(u.text);
    return array ? `${u.text}.map(${ops(cx)}.primal)` : rewrite(cx, a, "primal");
  };
  const callee = unwrap(e.expression);
  const receiver = ts.isPropertyAccessExpression(callee) ? `${plain(callee.expression)}${callee.questionDotToken ? "?." : "."}${callee.name.text}` : text(cx, e.expression);
  return `${receiver}(${e.arguments.map(plain).join(", ")})`;
}

/** The arguments of a call of a function with a rest parameter at `at`: those after it gathered into one array (…xs: a copy, as JavaScript's spread makes). */
function gathered(cx: EmitContext, e: ts.CallExpression, at: number): string {
  const leading = e.arguments.slice(0, at).map((a) => rewrite(cx, a, "value"));
  const trailing = e.arguments.slice(at);
  const spread = trailing.length === 1 && ts.isSpreadElement(trailing[0]) ? rewrite(cx, trailing[0].expression, "value") : undefined;
  return [...leading, spread !== undefined ? `[...${spread}]` : `[${trailing.map((a) => rewrite(cx, a, "value")).join(", ")}]`].join(", ");
}

/** `x++` on a differentiated x: x = ops.add(x, 1) (a statement; its value is not used). */
function update(cx: EmitContext, node: ts.PrefixUnaryExpression | ts.PostfixUnaryExpression): string | undefined {
  const step = node.operator === ts.SyntaxKind.PlusPlusToken ? "add" : node.operator === ts.SyntaxKind.MinusMinusToken ? "sub" : undefined;
  if (!step || !ts.isIdentifier(node.operand) || !cx.activity.active.has(node.operand.text)) return undefined;
  return `${node.operand.text} = ${ops(cx)}.${step}(${node.operand.text}, 1)`;
}

function declaration(cx: EmitContext, node: ts.VariableDeclaration & { name: ts.Identifier }): string {
  const name = node.name.text;
  // An array of differentiated values holds Duals or tape variables here: typed as such (`[]` alone would be any[] implicitly).
  const type = cx.activity.active.has(name) && cx.activity.arrays.has(name) ? ": any[]" : "";
  if (!node.initializer) return `${name}${type}`; // `const v` of a for…of, or a declaration without a value
  return `${name}${type} = ${arrayValue(cx, name, node.initializer)}`;
}

/**
 * The value given to `name` in a declaration or an assignment. An active local array must be a plain
 * array here: it holds Duals or tape variables, which a Float64Array cannot. One that may start as a
 * typed array (new Float64Array(…), a call's result, …) starts as a plain copy instead; a second name
 * for an array, or a derivative's result, is kept as it is.
 */
function arrayValue(cx: EmitContext, name: string, value: ts.Expression): string {
  const written = rewrite(cx, value, "value");
  const { active, arrays } = cx.activity;
  const u = unwrap(value);
  if (!active.has(name) || !arrays.has(name) || madeArray(u) === "plain" || ts.isIdentifier(u) || isActive(u, active)) return written;
  // new Float64Array(n) of a length n: new Array(n).fill(0), as a person would write it.
  const length = ts.isNewExpression(u) && ts.isIdentifier(u.expression) && u.expression.text === "Float64Array" && u.arguments?.length === 1 ? unwrap(u.arguments[0]) : undefined;
  const isLength = length && !ts.isArrayLiteralExpression(length) && !(ts.isIdentifier(length) && arrays.has(length.text)) && !ts.isCallExpression(length);
  return isLength ? `new Array(${rewrite(cx, length, "primal")}).fill(0)` : `Array.from(${written})`;
}

/** The text of node with its active parts written over ops. */
export function rewrite(cx: EmitContext, node: ts.Node, position: Position): string {
  if (ts.isFunctionLike(node)) return text(cx, node);
  // Blocks are taken apart even where nothing in them is differentiated, so that each statement is marked with its origin.
  if (ts.isBlock(node) || ts.isCaseBlock(node) || ts.isCaseClause(node) || ts.isDefaultClause(node)) return splice(cx, node);
  if (!mentionsActive(cx, node)) return text(cx, node);
  if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name)) return declaration(cx, node as ts.VariableDeclaration & { name: ts.Identifier });
  if (ts.isBinaryExpression(node) && isAssignment(node.operatorToken.kind)) return assignment(cx, node);
  if (ts.isPrefixUnaryExpression(node) || ts.isPostfixUnaryExpression(node)) {
    const written = update(cx, node);
    if (written) return written;
  }
  if (!ts.isExpression(node) || !isActive(node, cx.activity.active)) {
    if (ts.isCallExpression(node)) return call(cx, node, position);
    return splice(cx, node);
  }
  const e = node;
  // An array of differentiated values is used as it is (its length, its elements): never as one number.
  if (ts.isIdentifier(e)) return cx.activity.arrays.has(e.text) ? e.text : primalOf(cx, e.text, position);
  if (ts.isParenthesizedExpression(e)) return `(${rewrite(cx, e.expression, position)})`;
  if (ts.isAsExpression(e) || ts.isNonNullExpression(e) || ts.isSatisfiesExpression(e) || ts.isTypeAssertionExpression(e)) return rewrite(cx, e.expression, position);
  if (ts.isBinaryExpression(e)) {
    const op = e.operatorToken.kind;
    if (isArithmetic(op) && !isStringy(e.left) && !isStringy(e.right)) {
      return primalOf(cx, `${ops(cx)}.${operatorRule(op)}(${rewrite(cx, e.left, "value")}, ${rewrite(cx, e.right, "value")})`, position);
    }
    return splice(cx, e);
  }
  if (ts.isPrefixUnaryExpression(e) && e.operator === ts.SyntaxKind.MinusToken) return primalOf(cx, `${ops(cx)}.neg(${rewrite(cx, e.operand, "value")})`, position);
  if (ts.isPrefixUnaryExpression(e) && e.operator === ts.SyntaxKind.PlusToken) return rewrite(cx, e.operand, position);
  if (ts.isCallExpression(e)) return call(cx, e, position);
  if (ts.isConditionalExpression(e)) {
    return `${rewrite(cx, e.condition, "primal")} ? ${rewrite(cx, e.whenTrue, position)} : ${rewrite(cx, e.whenFalse, position)}`;
  }
  if (ts.isElementAccessExpression(e)) return primalOf(cx, `${text(cx, e.expression)}[${rewrite(cx, e.argumentExpression, "primal")}]`, position);
  if (ts.isArrayLiteralExpression(e)) return `[${e.elements.map((x) => rewrite(cx, x, "value")).join(", ")}]`;
  return splice(cx, e);
}

export function emitGeneric(cx: EmitContext, fn: ts.SignatureDeclaration & { body?: ts.ConciseBody }, name: string, asExpression: boolean): string {
  // A default is evaluated over the operations too (y = 2 * x on a Dual); a rest parameter is one array here.
  const parameters = [
    ...(ts.isMethodDeclaration(fn) ? ["this: any"] : []),
    `${ops(cx)}: any`,
    ...fn.parameters.map((p) => `${text(cx, p.name)}: any${p.initializer ? ` = ${rewrite(cx, p.initializer, "value")}` : ""}`),
  ];
  const body = fn.body!;
  cx.genericTemps = [];
  let rewritten = ts.isBlock(body) ? rewrite(cx, body, "value") : `{\n  return ${rewrite(cx, body, "value")};\n}`;
  // The temporaries that hold an index evaluated once (assignment, above), declared first.
  if (cx.genericTemps.length > 0) rewritten = `{\n  let ${cx.genericTemps.map((t) => `${t}: number`).join(", ")};${rewritten.slice(1)}`;
  const header = asExpression ? `function (${parameters.join(", ")}): any ` : `function ${name}(${parameters.join(", ")}): any `;
  return `/*@dualts:${fn.getStart(cx.sf)}*/ ${header}${rewritten}`;
}
