// Stage 3: activity analysis. Which variables carry a tangent?
//
// A variable is active when a value that depends differentiably on a `wrt`
// parameter can reach it: through a declaration, an assignment, an element
// write or push into a local array, or a for…of over an active array. The
// analysis is flow-insensitive and runs to a fixed point, so loops need no
// special care; it over-approximates (a variable active anywhere is active
// everywhere), which costs a tangent, never correctness. Comparisons,
// `.length` and the step functions (floor, sign, …) are inactive: their
// derivative is zero. Everything else — index arithmetic, data reads —
// stays untouched by the emitters.

import ts = require("typescript");
import { rules, type RuleName } from "../src/rules/table.js";
import { partialSources } from "../src/rules/compile.js";
import type { DifferentiableFunction } from "./find.js";
import { arrayAliases, isArrayShaped, madeArray, madeIntegerArray, pushedArrays } from "./shapes.js";
import { forEachOwnNode, unwrap } from "./syntax.js";

export { contains, forEachOwnNode, unwrap } from "./syntax.js";
export { copiedArray, isArrayShaped, madeArray, nameCopies } from "./shapes.js";
import { isDualts, mathCallRule as mathRule } from "./markers.js";

export interface Activity {
  /** Names that carry a tangent. */
  readonly active: Set<string>;
  /** Names holding arrays (parameters typed as arrays, local arrays, element-written names). */
  readonly arrays: Set<string>;
  /** Names declared in the function: its parameters and its variables. */
  readonly locals: Set<string>;
  /** Arrays that something is pushed onto, and the names that alias them (chunk mode keeps their lanes in a plain array, which can grow). */
  readonly pushed: Set<string>;
  /** Names that something assigns after their declaration (=, op=, ++, --, destructuring), nested functions included. */
  readonly reassigned: Set<string>;
  /**
   * Local integer typed arrays (Int32Array, Uint8ClampedArray, …): a store into one truncates or clamps
   * the value, a step function of it, so it carries no derivative (as Math.trunc has none).
   */
  readonly integerArrays: Set<string>;
  /** Functions of the same file that return arrays: a call of one makes an array. */
  readonly arrayFunctions: ReadonlySet<string>;
}

/** What the activity analysis knows of the same file's differentiable functions: which return arrays, and which parameters take them. */
export interface KnownFunctions {
  readonly arrayResults: ReadonlySet<string>;
  readonly arrayParameters: ReadonlyMap<string, readonly number[]>;
}

const ARITHMETIC = new Set([ts.SyntaxKind.PlusToken, ts.SyntaxKind.MinusToken, ts.SyntaxKind.AsteriskToken, ts.SyntaxKind.SlashToken, ts.SyntaxKind.PercentToken, ts.SyntaxKind.AsteriskAsteriskToken]);

export const COMPOUND: ReadonlyMap<ts.SyntaxKind, ts.SyntaxKind> = new Map([
  [ts.SyntaxKind.PlusEqualsToken, ts.SyntaxKind.PlusToken],
  [ts.SyntaxKind.MinusEqualsToken, ts.SyntaxKind.MinusToken],
  [ts.SyntaxKind.AsteriskEqualsToken, ts.SyntaxKind.AsteriskToken],
  [ts.SyntaxKind.SlashEqualsToken, ts.SyntaxKind.SlashToken],
  [ts.SyntaxKind.PercentEqualsToken, ts.SyntaxKind.PercentToken],
  [ts.SyntaxKind.AsteriskAsteriskEqualsToken, ts.SyntaxKind.AsteriskAsteriskToken],
]);

export function isArithmetic(kind: ts.SyntaxKind): boolean {
  return ARITHMETIC.has(kind);
}

export function isAssignment(kind: ts.SyntaxKind): boolean {
  return kind === ts.SyntaxKind.EqualsToken || COMPOUND.has(kind);
}

/** Math functions whose every partial is zero: their results carry no tangent. */
export const stepFunctions = new Set((Object.keys(rules) as RuleName[]).filter((name) => rules[name].arity !== "variadic" && partialSources(rules[name]).every((p) => p === "0")));

/** The rule behind a call of one of Math's functions (markers.ts: the global Math only, and its aliases), if the table has it. */
export { mathCallRule as mathRule } from "./markers.js";

export function isStringy(e: ts.Expression): boolean {
  const u = unwrap(e);
  return ts.isStringLiteral(u) || ts.isTemplateExpression(u) || ts.isNoSubstitutionTemplateLiteral(u);
}

// isActive is asked about every subexpression while emitting, which would be
// quadratic on long expressions: remember answers while the active set is unchanged.
const memo = new WeakMap<ts.Node, { set: ReadonlySet<string>; size: number; value: boolean }>();

/** Does e depend differentiably on an active variable? */
export function isActive(e: ts.Expression, active: ReadonlySet<string>): boolean {
  const known = memo.get(e);
  if (known && known.set === active && known.size === active.size) return known.value;
  const value = computeActive(e, active);
  memo.set(e, { set: active, size: active.size, value });
  return value;
}

function computeActive(e: ts.Expression, active: ReadonlySet<string>): boolean {
  e = unwrap(e);
  if (ts.isIdentifier(e)) return active.has(e.text);
  if (ts.isBinaryExpression(e)) {
    const op = e.operatorToken.kind;
    if (op === ts.SyntaxKind.PlusToken && (isStringy(e.left) || isStringy(e.right))) return false;
    if (isArithmetic(op) || op === ts.SyntaxKind.AmpersandAmpersandToken || op === ts.SyntaxKind.BarBarToken || op === ts.SyntaxKind.QuestionQuestionToken) {
      return isActive(e.left, active) || isActive(e.right, active);
    }
    if (op === ts.SyntaxKind.CommaToken) return isActive(e.right, active);
    if (isAssignment(op)) return isActive(e.right, active) || (COMPOUND.has(op) && isActive(e.left, active));
    return false; // comparisons, equality, bitwise, in, instanceof
  }
  if (ts.isPrefixUnaryExpression(e)) {
    const op = e.operator;
    return (op === ts.SyntaxKind.MinusToken || op === ts.SyntaxKind.PlusToken || op === ts.SyntaxKind.PlusPlusToken || op === ts.SyntaxKind.MinusMinusToken) && isActive(e.operand, active);
  }
  if (ts.isPostfixUnaryExpression(e)) return isActive(e.operand, active);
  if (ts.isConditionalExpression(e)) return isActive(e.whenTrue, active) || isActive(e.whenFalse, active);
  if (ts.isCallExpression(e)) {
    const rule = mathRule(e);
    if (rule && stepFunctions.has(rule)) return false;
    if (isDualts(unwrap(e.expression), "noDerivative")) return false;
    const receiverActive = ts.isPropertyAccessExpression(e.expression) && isActive(e.expression.expression, active);
    return receiverActive || e.arguments.some((a) => isActive(a, active));
  }
  if (ts.isElementAccessExpression(e)) return isActive(e.expression, active);
  if (ts.isPropertyAccessExpression(e)) return e.name.text !== "length" && isActive(e.expression, active);
  if (ts.isArrayLiteralExpression(e)) return e.elements.some((x) => isActive(ts.isSpreadElement(x) ? x.expression : x, active));
  if (ts.isFunctionLike(e) || ts.isTypeOfExpression(e) || ts.isLiteralExpression(e)) return false;
  let found = false;
  ts.forEachChild(e, (child) => {
    if (!found && ts.isExpression(child)) found = isActive(child, active);
  });
  return found;
}

/** An identifier naming an active variable (not a property name such as the `x` of `p.x`). */
export function isActiveName(node: ts.Node, active: ReadonlySet<string>): boolean {
  return ts.isIdentifier(node) && active.has(node.text) && !(ts.isPropertyAccessExpression(node.parent) && node.parent.name === node);
}

/** The activity of fn, differentiated with respect to the parameters `wrt`, whose kinds (parameters.ts) say which hold arrays. */
export function analyzeActivity(
  fn: DifferentiableFunction,
  wrt: readonly number[],
  kinds: readonly ("scalar" | "array" | "data")[],
  known: KnownFunctions = { arrayResults: new Set(), arrayParameters: new Map() },
): Activity {
  const active = new Set<string>();
  const arrays = new Set<string>();
  const locals = new Set<string>();
  fn.parameters.forEach((p, i) => {
    if (!ts.isIdentifier(p.name)) return;
    locals.add(p.name.text);
    if (kinds[i] === "array") arrays.add(p.name.text);
    if (wrt.includes(i)) active.add(p.name.text);
  });
  forEachOwnNode(fn, (node) => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name)) {
      locals.add(node.name.text);
      if (node.initializer && madeArray(node.initializer)) arrays.add(node.name.text);
    }
    // Names a destructuring declares are locals too (the emitters report destructuring into active ones).
    if (ts.isBindingElement(node) && ts.isIdentifier(node.name)) locals.add(node.name.text);
    if (ts.isElementAccessExpression(node) && ts.isIdentifier(node.expression)) arrays.add(node.expression.text);
  });

  const integerArrays = new Set<string>();
  forEachOwnNode(fn, (node) => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer && madeIntegerArray(node.initializer)) integerArrays.add(node.name.text);
  });
  const dataParameters = new Set(fn.parameters.flatMap((p, i) => (ts.isIdentifier(p.name) && !wrt.includes(i) ? [p.name.text] : [])));
  const mark = (name: string) => {
    if (!locals.has(name) || active.has(name) || integerArrays.has(name)) return false;
    active.add(name);
    return true;
  };
  for (let changed = true; changed; ) {
    changed = false;
    forEachOwnNode(fn, (node) => {
      // A name given an array (a copy, one of two chosen by a condition) holds an array.
      const given =
        ts.isVariableDeclaration(node) && node.initializer
          ? ([node.name, node.initializer] as const)
          : ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken
            ? ([unwrap(node.left), node.right] as const)
            : undefined;
      if (given && ts.isIdentifier(given[0]) && locals.has(given[0].text) && !arrays.has(given[0].text) && isArrayShaped(given[1], arrays, known.arrayResults)) {
        arrays.add(given[0].text);
        changed = true;
      }
      // A name passed for a parameter that takes an array holds one.
      const takes = ts.isCallExpression(node) && ts.isIdentifier(node.expression) ? known.arrayParameters.get(node.expression.text) : undefined;
      for (const i of takes ?? []) {
        const argument = (node as ts.CallExpression).arguments[i] && unwrap((node as ts.CallExpression).arguments[i]);
        if (argument && ts.isIdentifier(argument) && locals.has(argument.text) && !arrays.has(argument.text)) {
          arrays.add(argument.text);
          changed = true;
        }
      }
      // Two names for one array (const w = v, w = v): a write through either reaches both, so if
      // either carries a derivative, both do.
      // (A parameter that is data stays data: writing into it through an alias is the fence's error.)
      for (const alias of arrayAliases(node, arrays)) {
        // Both names are arrays then, however the other was made (const v = f() ?? [], …).
        for (const name of alias) {
          if (!arrays.has(name) && locals.has(name)) {
            arrays.add(name);
            changed = true;
          }
        }
        if (active.has(alias[0]) !== active.has(alias[1]) && !alias.some((name) => dataParameters.has(name))) {
          changed = mark(alias[0]) || mark(alias[1]) || changed;
        }
      }
      if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer && isActive(node.initializer, active)) {
        changed = mark(node.name.text) || changed;
        if (arrays.has(unwrapName(node.initializer))) arrays.add(node.name.text);
      } else if (ts.isBinaryExpression(node) && isAssignment(node.operatorToken.kind) && isActive(node.right, active)) {
        const target = unwrap(node.left);
        if (ts.isIdentifier(target)) changed = mark(target.text) || changed;
        else if (ts.isElementAccessExpression(target) && ts.isIdentifier(target.expression)) changed = mark(target.expression.text) || changed;
      } else if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === "push") {
        const target = node.expression.expression;
        if (ts.isIdentifier(target) && node.arguments.some((a) => isActive(a, active))) {
          arrays.add(target.text);
          changed = mark(target.text) || changed;
        }
      } else if (ts.isForOfStatement(node) && isActive(node.expression, active)) {
        const init = node.initializer;
        if (ts.isVariableDeclarationList(init) && init.declarations.length === 1 && ts.isIdentifier(init.declarations[0].name)) {
          changed = mark(init.declarations[0].name.text) || changed;
        }
      }
    });
  }
  return { active, arrays, locals, pushed: pushedArrays(fn), reassigned: reassignedNames(fn), integerArrays, arrayFunctions: known.arrayResults };
}

/** The names fn (or a function nested in it) assigns after their declaration. */
function reassignedNames(fn: DifferentiableFunction): Set<string> {
  const names = new Set<string>();
  const target = (e: ts.Node) => {
    const u = ts.isExpression(e) ? unwrap(e) : e;
    if (ts.isIdentifier(u)) names.add(u.text);
    else if (ts.isArrayLiteralExpression(u) || ts.isObjectLiteralExpression(u)) ts.forEachChild(u, target);
    else if (ts.isSpreadElement(u) || ts.isSpreadAssignment(u)) target(u.expression);
    else if (ts.isPropertyAssignment(u)) target(u.initializer);
    else if (ts.isShorthandPropertyAssignment(u)) names.add(u.name.text);
    else if (ts.isBinaryExpression(u) && u.operatorToken.kind === ts.SyntaxKind.EqualsToken) target(u.left);
  };
  const visit = (node: ts.Node): void => {
    if (ts.isBinaryExpression(node) && isAssignment(node.operatorToken.kind)) target(node.left);
    else if (
      ts.isBinaryExpression(node) &&
      (node.operatorToken.kind === ts.SyntaxKind.BarBarEqualsToken ||
        node.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandEqualsToken ||
        node.operatorToken.kind === ts.SyntaxKind.QuestionQuestionEqualsToken)
    )
      target(node.left);
    else if ((ts.isPrefixUnaryExpression(node) || ts.isPostfixUnaryExpression(node)) && (node.operator === ts.SyntaxKind.PlusPlusToken || node.operator === ts.SyntaxKind.MinusMinusToken))
      target(node.operand);
    else if ((ts.isForOfStatement(node) || ts.isForInStatement(node)) && !ts.isVariableDeclarationList(node.initializer)) target(node.initializer);
    ts.forEachChild(node, visit);
  };
  if (fn.body) visit(fn.body);
  return names;
}

function unwrapName(e: ts.Expression): string {
  const u = unwrap(e);
  return ts.isIdentifier(u) ? u.text : "";
}
