// Stage 2: the fence. Rejects, with a located diagnostic, what the transform
// cannot differentiate as a whole: generators, async functions, eval, writes
// to variables outside the function or into its parameters, closures over
// active values, and results that are not numbers. Construct-level problems
// inside expressions (a call with no derivative, …) are reported by the
// emitters, which meet them.

import ts = require("typescript");
import { isActive, isActiveName, isAssignment, forEachOwnNode, unwrap, type Activity } from "./activity.js";
import { codes, type DiagnosticSink } from "./diagnostics.js";
import type { MarkedFunction } from "./find.js";

const NUMERIC_RESULT = /^(number|number\s*\[\]|readonly\s+number\s*\[\]|Float64Array|Array<number>|ReadonlyArray<number>)$/;

/** The first name in a nested function that refers to a variable carrying a derivative. */
function freeActiveName(fn: ts.Node, activity: Activity): ts.Identifier | undefined {
  let found: ts.Identifier | undefined;
  const visit = (node: ts.Node) => {
    if (found) return;
    if (isActiveName(node, activity.active)) found = node as ts.Identifier;
    else ts.forEachChild(node, visit);
  };
  ts.forEachChild(fn, visit);
  return found;
}

/** True when the function passes the fence; every problem found is reported. */
export function fence(marked: MarkedFunction, activity: Activity, sink: DiagnosticSink): boolean {
  const before = sink.diagnostics.length;
  const fn = marked.node;
  const sf = sink.sourceFile;
  const name = marked.name;

  if (fn.asteriskToken) sink.report(codes.generator, fn, `${name} is a generator; a differentiable function must return its result (a number or an array of numbers): collect the values into an array`);
  if (ts.getModifiers(fn)?.some((m) => m.kind === ts.SyntaxKind.AsyncKeyword)) {
    sink.report(codes.async, fn, `${name} is async; a differentiable function must compute its result synchronously: await the data first and pass it in as a parameter`);
  }
  if (fn.type && !NUMERIC_RESULT.test(fn.type.getText(sf).replace(/\s+/g, " "))) {
    sink.report(codes.nonNumericResult, fn.type, `${name} returns '${fn.type.getText(sf)}'; a differentiable function returns a number or an array of numbers`);
  }

  forEachOwnNode(fn, (node) => {
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === "eval") {
      sink.report(codes.eval, node, "eval cannot be differentiated: write the computation as code in the function");
    } else if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === "Function") {
      sink.report(codes.eval, node, "new Function(…) cannot be differentiated: write the computation as code in the function");
    } else if (ts.isWithStatement(node)) {
      sink.report(codes.eval, node, "'with' hides which variable a name refers to; name the object's properties explicitly");
    } else if (ts.isIdentifier(node) && node.text === "arguments") {
      sink.report(codes.unsupported, node, "'arguments' is not supported in a differentiable function: name the parameters");
    } else if ((ts.isBinaryExpression(node) && isAssignment(node.operatorToken.kind)) || ts.isPrefixUnaryExpression(node) || ts.isPostfixUnaryExpression(node)) {
      checkWrite(node, marked, activity, sink);
    } else if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === "push") {
      const target = unwrap(node.expression.expression);
      if (ts.isIdentifier(target) && isParameter(fn, target.text)) {
        sink.report(codes.parameterWrite, node, `${name} pushes into its parameter '${target.text}'; copy it into a local array first (const copy = [...${target.text}])`);
      }
    } else if (ts.isFunctionLike(node) && node !== fn && !ts.isTypeNode(node)) {
      const captured = freeActiveName(node, activity);
      if (captured) {
        sink.report(codes.closure, captured, `the nested function uses '${captured.text}', which carries a derivative; closures over differentiated values are not supported: write a loop, or mark the helper @differentiable and pass '${captured.text}' as an argument`);
      }
    } else if (ts.isReturnStatement(node) && node.expression && !fn.type) {
      const e = unwrap(node.expression);
      if (ts.isObjectLiteralExpression(e) || ts.isStringLiteral(e) || ts.isTemplateExpression(e) || (ts.isBinaryExpression(e) && isActive(e, activity.active) === false && isStringResult(e))) {
        sink.report(codes.nonNumericResult, node.expression, `${name} returns ${ts.isObjectLiteralExpression(e) ? "an object" : "a string"}; a differentiable function returns a number or an array of numbers`);
      }
    } else if (ts.isReturnStatement(node) && !node.expression) {
      sink.report(codes.nonNumericResult, node, `${name} returns nothing here; a differentiable function returns a number or an array of numbers on every path`);
    }
  });
  return sink.diagnostics.length === before;
}

function isStringResult(e: ts.BinaryExpression): boolean {
  return e.operatorToken.kind === ts.SyntaxKind.PlusToken && [e.left, e.right].some((x) => ts.isStringLiteral(unwrap(x)) || ts.isTemplateExpression(unwrap(x)));
}

function isParameter(fn: MarkedFunction["node"], name: string): boolean {
  return fn.parameters.some((p) => ts.isIdentifier(p.name) && p.name.text === name);
}

function checkWrite(node: ts.BinaryExpression | ts.PrefixUnaryExpression | ts.PostfixUnaryExpression, marked: MarkedFunction, activity: Activity, sink: DiagnosticSink): void {
  const isUpdate = !ts.isBinaryExpression(node);
  if (isUpdate && node.operator !== ts.SyntaxKind.PlusPlusToken && node.operator !== ts.SyntaxKind.MinusMinusToken) return;
  const target = unwrap(ts.isBinaryExpression(node) ? node.left : node.operand);
  if (ts.isIdentifier(target)) {
    if (!activity.locals.has(target.text)) {
      sink.report(codes.outerWrite, target, `${marked.name} assigns to '${target.text}', which is declared outside it; a differentiable function may not change outer state (it runs once per derivative pass): return the value instead`);
    }
  } else if (ts.isElementAccessExpression(target) || ts.isPropertyAccessExpression(target)) {
    const base = unwrap(target.expression);
    if (ts.isIdentifier(base) && isParameter(marked.node, base.text)) {
      sink.report(codes.parameterWrite, target, `${marked.name} writes into its parameter '${base.text}'; copy it into a local array first (const copy = [...${base.text}])`);
    } else if (ts.isIdentifier(base) && !activity.locals.has(base.text)) {
      sink.report(codes.outerWrite, target, `${marked.name} writes into '${base.text}', which is declared outside it; a differentiable function may not change outer state: return the value instead`);
    } else if (ts.isPropertyAccessExpression(target) && ts.isIdentifier(base) && activity.active.has(base.text)) {
      sink.report(codes.unsupported, target, `property writes on '${base.text}' are not supported; use a local array of numbers`);
    }
  }
}
