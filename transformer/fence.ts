// Stage 2: the fence. Rejects, with a located diagnostic, what the transform
// cannot differentiate as a whole: generators, async functions, eval, writes
// to variables outside the function or into its parameters, closures over
// active values, results that are not numbers, and derivatives that would be
// lost inside expressions that carry none (an assignment in a condition, a
// logical assignment, an object's property, a string). Construct-level problems
// inside expressions (a call with no derivative, …) are reported by the
// emitters, which meet them.

import ts = require("typescript");
import { contains, isActive, isActiveName, isArrayShaped, isAssignment, isStringy, forEachOwnNode, mathRule, nameCopies, unwrap, type Activity } from "./activity.js";
import { codes, type DiagnosticSink } from "./diagnostics.js";
import type { MarkedFunction } from "./find.js";
import { isGlobalMath } from "./markers.js";
import { resolveName } from "./scope.js";

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
  const before = sink.reports;
  const fn = marked.node;
  const name = marked.name;

  if (fn.asteriskToken)
    sink.report(codes.generator, fn, `${name} is a generator; a differentiable function must return its result (a number or an array of numbers): collect the values into an array`);
  if (ts.getModifiers(fn)?.some((m) => m.kind === ts.SyntaxKind.AsyncKeyword)) {
    sink.report(codes.async, fn, `${name} is async; a differentiable function must compute its result synchronously: await the data first and pass it in as a parameter`);
  }

  const ownMath = userMath(fn);
  if (ownMath) {
    sink.report(
      codes.unsupported,
      ownMath,
      `${name} sees this 'Math', which is not JavaScript's Math; the derivative code dualts generates calls JavaScript's Math functions (Math.cos, Math.log, …): rename your own 'Math'`,
    );
  }
  if (fn.parameters.some((p) => ts.isIdentifier(p.name) && p.name.text === "this")) {
    sink.report(codes.unsupported, fn.parameters[0], `${name} declares a 'this' parameter; a differentiable function is a plain function of its parameters: pass the object's numbers as parameters`);
  }
  const hidden = hiddenNames(fn, activity.active);
  const aliases = parameterAliases(fn);
  forEachOwnNode(fn, (node) => {
    if (ts.isVariableDeclaration(node)) checkDeclaration(node, hidden, name, sink);
    const reordered = inPlaceChange(node, activity);
    if (reordered)
      sink.report(
        codes.unsupported,
        node,
        `changing the array '${reordered[0]}' in place with .${reordered[1]}(…) is not supported in ${name}: its elements carry derivatives, which would not move with them; build the new array in a loop (or, to empty it, assign a new one)`,
      );
    const given = mathOnArray(node, activity);
    if (given)
      sink.report(
        codes.unsupported,
        given,
        `${(node as ts.CallExpression).expression.getText()}(…) is given the array '${given.getText()}', whose elements carry derivatives, in ${name}; Math's functions take numbers (JavaScript would turn the array into a string, and compute NaN): apply it to the elements, in a loop over them`,
      );
    const lost = lostDerivative(node, activity.active);
    if (lost) sink.report(codes.unsupported, node, `${lost[0]} is not supported on differentiated values in ${name}: ${lost[1]}`);
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === "eval") {
      sink.report(codes.eval, node, "eval cannot be differentiated: write the computation as code in the function");
    } else if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === "Function") {
      sink.report(codes.eval, node, "new Function(…) cannot be differentiated: write the computation as code in the function");
    } else if (ts.isWithStatement(node)) {
      sink.report(codes.eval, node, "'with' hides which variable a name refers to; name the object's properties explicitly");
    } else if (ts.isIdentifier(node) && node.text === "arguments") {
      sink.report(codes.unsupported, node, "'arguments' is not supported in a differentiable function: name the parameters");
    } else if ((ts.isBinaryExpression(node) && isAssignment(node.operatorToken.kind)) || ts.isPrefixUnaryExpression(node) || ts.isPostfixUnaryExpression(node)) {
      checkWrite(node, marked, activity, sink, aliases);
    } else if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === "push") {
      const target = unwrap(node.expression.expression);
      const parameter = ts.isIdentifier(target) ? (isParameter(fn, target.text) ? target.text : aliases.get(target.text)) : undefined;
      if (ts.isIdentifier(target) && parameter) {
        sink.report(
          codes.parameterWrite,
          node,
          `${name} pushes into its parameter '${parameter}'${parameter === target.text ? "" : ` through '${target.text}'`}; copy it into a local array first (const copy = [...${parameter}])`,
        );
      } else if (ts.isIdentifier(target) && activity.active.has(target.text) && !ts.isExpressionStatement(outermost(node).parent)) {
        // Only a push that is a statement of its own pushes the derivatives beside the values.
        sink.report(
          codes.unsupported,
          node,
          `${name} uses the value of '${target.text}.push(…)' (the new length) inside another expression; the elements of '${target.text}' carry derivatives, which are pushed only by a push in a statement of its own: write '${target.text}.push(…);' on its own line and read '${target.text}.length' after it`,
        );
      }
    } else if (ts.isFunctionLike(node) && node !== fn && !ts.isTypeNode(node)) {
      const captured = freeActiveName(node, activity);
      if (captured) {
        sink.report(
          codes.closure,
          captured,
          `the nested function uses '${captured.text}', which carries a derivative; closures over differentiated values are not supported: write a loop, or mark the helper @differentiable and pass '${captured.text}' as an argument`,
        );
      }
    } else if (ts.isReturnStatement(node) && node.expression && !fn.type) {
      const e = unwrap(node.expression);
      if (ts.isObjectLiteralExpression(e) || ts.isStringLiteral(e) || ts.isTemplateExpression(e) || (ts.isBinaryExpression(e) && isActive(e, activity.active) === false && isStringResult(e))) {
        sink.report(
          codes.nonNumericResult,
          node.expression,
          `${name} returns ${ts.isObjectLiteralExpression(e) ? "an object" : "a string"}; a differentiable function returns a number or an array of numbers`,
        );
      }
    } else if (ts.isReturnStatement(node) && !node.expression) {
      sink.report(codes.nonNumericResult, node, `${name} returns nothing here; a differentiable function returns a number or an array of numbers on every path`);
    }
  });
  return sink.reports === before;
}

/** The declaration of a `Math` other than JavaScript's that fn can see (around it or inside it), if any. */
function userMath(fn: MarkedFunction["node"]): ts.Node | undefined {
  const around = resolveName("Math", fn.body ?? fn);
  if (around !== "global") return around;
  let inside: ts.Node | undefined;
  forEachOwnNode(fn, (node) => {
    if (!inside && ts.isIdentifier(node) && node.text === "Math" && !isGlobalMath(node)) inside = resolveName("Math", node) as ts.Node;
  });
  return inside;
}

const IN_PLACE = new Set(["reverse", "sort", "fill", "splice", "shift", "unshift", "pop", "copyWithin", "set"]);

/** [array, method] of a call that changes an array of differentiated values in place (push is supported), if node is one. */
function inPlaceChange(node: ts.Node, activity: Activity): [string, string] | undefined {
  if (!ts.isCallExpression(node) || !ts.isPropertyAccessExpression(node.expression)) return undefined;
  const array = unwrap(node.expression.expression);
  const method = node.expression.name.text;
  return ts.isIdentifier(array) && activity.active.has(array.text) && activity.arrays.has(array.text) && IN_PLACE.has(method) ? [array.text, method] : undefined;
}

/** The argument of a Math call that is an array carrying derivatives (Math.max(v), Math.sin(c ? v : w)), if node is one. */
function mathOnArray(node: ts.Node, activity: Activity): ts.Expression | undefined {
  if (!ts.isCallExpression(node) || !mathRule(node)) return undefined;
  return node.arguments.find((a) => !ts.isSpreadElement(a) && isArrayShaped(a, activity.arrays, activity.arrayFunctions) && isActive(a, activity.active));
}

/** A declaration the generated code would get wrong: one that hides an outer differentiated name, or reads its own variable. */
function checkDeclaration(node: ts.VariableDeclaration, hidden: ReadonlyMap<ts.VariableDeclaration, string>, name: string, sink: DiagnosticSink): void {
  if (!ts.isIdentifier(node.name)) return;
  const declared = node.name.text;
  const outer = hidden.get(node);
  if (outer) {
    sink.report(
      codes.unsupported,
      node.name,
      `${name} declares '${declared}' again inside ${outer}, hiding the outer '${declared}', which carries a derivative; the generated code names derivatives after variables: use another name`,
    );
  } else if (node.initializer && contains(node.initializer, (n) => isActiveName(n, new Set([declared])))) {
    sink.report(
      codes.unsupported,
      node,
      `this declaration of '${declared}' reads '${declared}' itself, which is not supported in ${name}: declare '${declared}' once and assign to it (${declared} = …)`,
    );
  }
}

type Declarer = MarkedFunction["node"] | ts.Block | ts.CaseBlock | ts.ForStatement | ts.ForOfStatement | ts.ForInStatement;

/** Where a declaration's name lives: the function for a parameter or a var (and a let or const of its body), else the innermost block or loop. */
function scopeOf(d: ts.VariableDeclaration, fn: MarkedFunction["node"]): Declarer {
  const list = d.parent;
  if (ts.isVariableDeclarationList(list) && !(list.flags & (ts.NodeFlags.Let | ts.NodeFlags.Const))) return fn;
  const loop = list.parent;
  if (ts.isForStatement(loop) || ts.isForOfStatement(loop) || ts.isForInStatement(loop)) return loop;
  let n: ts.Node = d;
  while (!ts.isBlock(n) && !ts.isCaseBlock(n) && n !== fn) n = n.parent;
  return n === fn.body ? fn : (n as Declarer);
}

/**
 * The let and const declarations that hide a variable of an enclosing scope whose name carries a
 * derivative (a parameter, or a local), each with where it is. The generated code keeps one
 * derivative per name (chunk mode declares the lanes once, at the top), so the inner variable's
 * derivative would overwrite the outer one's. Blocks side by side that reuse a name are fine.
 */
function hiddenNames(fn: MarkedFunction["node"], active: ReadonlySet<string>): Map<ts.VariableDeclaration, string> {
  const scopes = new Map<string, Declarer[]>();
  for (const p of fn.parameters) if (ts.isIdentifier(p.name)) scopes.set(p.name.text, [fn]);
  const declarations: ts.VariableDeclaration[] = [];
  forEachOwnNode(fn, (node) => {
    if (!ts.isVariableDeclaration(node) || !ts.isIdentifier(node.name) || !active.has(node.name.text)) return;
    declarations.push(node);
    scopes.set(node.name.text, [...(scopes.get(node.name.text) ?? []), scopeOf(node, fn)]);
  });
  const hidden = new Map<ts.VariableDeclaration, string>();
  for (const d of declarations) {
    const inner = scopeOf(d, fn);
    const encloses = (outer: Declarer) => outer !== inner && (outer === fn || contains(outer, (n) => n === inner));
    if ((scopes.get((d.name as ts.Identifier).text) ?? []).some(encloses)) hidden.set(d, ts.isBlock(inner) || ts.isCaseBlock(inner) ? "a block" : "a loop");
  }
  return hidden;
}

const LOGICAL_ASSIGNMENTS = new Set([ts.SyntaxKind.BarBarEqualsToken, ts.SyntaxKind.AmpersandAmpersandEqualsToken, ts.SyntaxKind.QuestionQuestionEqualsToken]);

/**
 * A derivative the emitters would drop without a word, as [what, how to write it instead]. They
 * write an expression that carries no derivative as it stands, so an active value inside one is
 * lost: an assignment nested in a condition, a logical assignment, an object's property, a string.
 * (A string that only goes into an error or console message is fine: nothing reads it back.)
 */
function lostDerivative(node: ts.Node, active: ReadonlySet<string>): [string, string] | undefined {
  if (ts.isBinaryExpression(node) && LOGICAL_ASSIGNMENTS.has(node.operatorToken.kind)) {
    if (isActiveTarget(node.left, active) || isActive(node.right, active)) return [`the operator '${ts.tokenToString(node.operatorToken.kind)}'`, "branch with if/else and assign inside it"];
    return undefined;
  }
  const written =
    ts.isBinaryExpression(node) && isAssignment(node.operatorToken.kind)
      ? node.left
      : (ts.isPrefixUnaryExpression(node) || ts.isPostfixUnaryExpression(node)) && (node.operator === ts.SyntaxKind.PlusPlusToken || node.operator === ts.SyntaxKind.MinusMinusToken)
        ? node.operand
        : undefined;
  if (written) {
    const carries = isActiveTarget(written, active) || (ts.isBinaryExpression(node) && isActive(node.right, active));
    return carries && !isStatementPosition(node) ? [`assigning to '${unwrap(written).getText()}' inside an expression`, "assign in a statement of its own"] : undefined;
  }
  if (ts.isObjectLiteralExpression(node) && node.properties.some((p) => propertyIsActive(p, active))) {
    return ["an object literal", "keep the values in variables or in a local array of numbers"];
  }
  const jsx = ts.isJsxElement(node) || ts.isJsxSelfClosingElement(node) || ts.isJsxFragment(node);
  if (jsx && !ts.isJsxElement(node.parent) && !ts.isJsxFragment(node.parent) && contains(node, (n) => isActiveName(n, active))) {
    return ["a JSX element", "build the element outside the differentiable function, from its result"];
  }
  const stringified = ts.isTemplateExpression(node)
    ? node.templateSpans.some((span) => isActive(span.expression, active))
    : ts.isBinaryExpression(node) &&
      node.operatorToken.kind === ts.SyntaxKind.PlusToken &&
      (isStringy(node.left) || isStringy(node.right)) &&
      (isActive(node.left, active) || isActive(node.right, active));
  // (A returned string is reported as a result that is not a number.)
  if (stringified && !inMessage(node) && !ts.isReturnStatement(outermost(node).parent)) return ["turning a value into a string", "keep it a number (noDerivative(x) drops a derivative on purpose)"];
  return undefined;
}

/** A local variable or an element of a local array that carries a derivative. */
function isActiveTarget(target: ts.Expression, active: ReadonlySet<string>): boolean {
  const t = unwrap(target);
  if (ts.isIdentifier(t)) return active.has(t.text);
  return ts.isElementAccessExpression(t) && ts.isIdentifier(unwrap(t.expression)) && active.has((unwrap(t.expression) as ts.Identifier).text);
}

/** The node with the parentheses around it. */
function outermost(node: ts.Node): ts.Node {
  let child = node;
  while (ts.isParenthesizedExpression(child.parent)) child = child.parent;
  return child;
}

/** Where the emitters handle an assignment: a statement of its own, or a for loop's initializer or incrementor. */
function isStatementPosition(node: ts.Node): boolean {
  const child = outermost(node);
  const parent = child.parent;
  return ts.isExpressionStatement(parent) || (ts.isForStatement(parent) && (parent.initializer === child || parent.incrementor === child));
}

function propertyIsActive(p: ts.ObjectLiteralElementLike, active: ReadonlySet<string>): boolean {
  if (ts.isPropertyAssignment(p)) return isActive(p.initializer, active);
  if (ts.isShorthandPropertyAssignment(p)) return active.has(p.name.text);
  return ts.isSpreadAssignment(p) && isActive(p.expression, active);
}

/** Inside a throw, an Error's construction or a console call: a message nobody reads back as a number. */
function inMessage(node: ts.Node): boolean {
  for (let n: ts.Node = node; !ts.isFunctionLike(n) && !ts.isSourceFile(n); n = n.parent) {
    if (ts.isThrowStatement(n)) return true;
    if (ts.isNewExpression(n) && ts.isIdentifier(n.expression) && /Error$/.test(n.expression.text)) return true;
    if (ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression) && ts.isIdentifier(n.expression.expression) && n.expression.expression.text === "console") return true;
    if (ts.isStatement(n)) return false;
  }
  return false;
}

function isStringResult(e: ts.BinaryExpression): boolean {
  return e.operatorToken.kind === ts.SyntaxKind.PlusToken && [e.left, e.right].some((x) => ts.isStringLiteral(unwrap(x)) || ts.isTemplateExpression(unwrap(x)));
}

function isParameter(fn: MarkedFunction["node"], name: string): boolean {
  return fn.parameters.some((p) => ts.isIdentifier(p.name) && p.name.text === name);
}

/** Locals that may name a parameter's array (const w = xs, w = xs, transitively), each with that parameter. */
function parameterAliases(fn: MarkedFunction["node"]): Map<string, string> {
  const aliases = new Map<string, string>();
  const parameterOf = (name: string) => (isParameter(fn, name) ? name : aliases.get(name));
  for (let changed = true; changed; ) {
    changed = false;
    forEachOwnNode(fn, (node) => {
      for (const copy of nameCopies(node)) {
        if (isParameter(fn, copy[0]) || aliases.has(copy[0])) continue;
        const parameter = parameterOf(copy[1]);
        if (parameter) {
          aliases.set(copy[0], parameter);
          changed = true;
        }
      }
    });
  }
  return aliases;
}

function checkWrite(
  node: ts.BinaryExpression | ts.PrefixUnaryExpression | ts.PostfixUnaryExpression,
  marked: MarkedFunction,
  activity: Activity,
  sink: DiagnosticSink,
  aliases: ReadonlyMap<string, string>,
): void {
  const isUpdate = !ts.isBinaryExpression(node);
  if (isUpdate && node.operator !== ts.SyntaxKind.PlusPlusToken && node.operator !== ts.SyntaxKind.MinusMinusToken) return;
  const target = unwrap(ts.isBinaryExpression(node) ? node.left : node.operand);
  if (ts.isIdentifier(target)) {
    if (!activity.locals.has(target.text)) {
      sink.report(
        codes.outerWrite,
        target,
        `${marked.name} assigns to '${target.text}', which is declared outside it; a differentiable function may not change outer state (it runs once per derivative pass): return the value instead`,
      );
    }
  } else if (ts.isElementAccessExpression(target) || ts.isPropertyAccessExpression(target)) {
    const base = unwrap(target.expression);
    if (ts.isIdentifier(base) && isParameter(marked.node, base.text) && ts.isPropertyAccessExpression(target)) {
      // An object's property: there is no array to copy. (A differentiable function runs once per derivative pass.)
      sink.report(
        codes.parameterWrite,
        target,
        `${marked.name} writes to '${target.getText()}', a property of its parameter '${base.text}'; a differentiable function runs once per derivative pass, so it may not change its arguments: compute the new value and return it, or change '${base.text}' outside ${marked.name}`,
      );
    } else if (ts.isIdentifier(base) && isParameter(marked.node, base.text)) {
      // (A parameter given a copy, xs = xs.slice(), may still name the caller's array where the write runs: dualts does not follow the order.)
      const reassigned = activity.reassigned.has(base.text) ? ` under a new name (assigning the copy to '${base.text}' itself is not enough)` : "";
      sink.report(codes.parameterWrite, target, `${marked.name} writes into its parameter '${base.text}'; copy it into a local array first${reassigned} (const copy = [...${base.text}])`);
    } else if (ts.isIdentifier(base) && aliases.has(base.text)) {
      const parameter = aliases.get(base.text)!;
      sink.report(
        codes.parameterWrite,
        target,
        `${marked.name} writes into its parameter '${parameter}' through '${base.text}'; copy it into a local array first (const ${base.text} = [...${parameter}])`,
      );
    } else if (ts.isIdentifier(base) && !activity.locals.has(base.text)) {
      sink.report(codes.outerWrite, target, `${marked.name} writes into '${base.text}', which is declared outside it; a differentiable function may not change outer state: return the value instead`);
    } else if (ts.isPropertyAccessExpression(target) && ts.isIdentifier(base) && activity.active.has(base.text)) {
      sink.report(codes.unsupported, target, `property writes on '${base.text}' are not supported; use a local array of numbers`);
    }
  }
}
