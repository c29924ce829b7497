// The tangent of an expression, for the JVP emitter.
//
// emitExpression returns the expression's primal as source text and its
// tangent (null where it carries none). Intermediate values that a partial
// derivative needs are hoisted into temporaries first, so nothing is
// computed twice:
//
//   const p = 1 / (1 + Math.exp(-z));
// becomes
//   const t1 = Math.exp(-z);
//   const t2 = 1 + t1;
//   const p = 1 / t2;
//   const dp = -(p / t2) * (t1 * -dz);
//
// The partials are the rules table's, printed by the source algebra.

import ts = require("typescript");
import { opaque, printOperation, sourceAlgebra, sourceOf, ATOM_PRECEDENCE, type Source } from "../../src/rules/algebra.js";
import { rules, type Rule, type RuleName } from "../../src/rules/table.js";
import { isActive, isArithmetic, isArrayShaped, isStringy, mathRule, stepFunctions, unwrap } from "../activity.js";
import { DERIVATIVE_APIS, dualtsExport, isDualts, isGlobalMath, isImportedMember } from "../markers.js";
import { codes } from "../diagnostics.js";
import { bind, hoist, report, text, unsupported, type EmitContext, type Emitted, type Writer } from "./context.js";
import { assignTangent, declareTangent, laneArray, laneOperation, noLanes, tangentElement, tangentRef, zerosLike } from "./lanes.js";
import { callOperands, emitDifferentiableCall } from "./calls.js";
import { recordOperation } from "./record.js";
import { reciprocal } from "./linear.js";
import { noDerivativeMessage } from "./messages.js";
import { isConstant, isPure, isSimple } from "./order.js";
import { copiedArray } from "../shapes.js";

export { isPure, isSimple } from "./order.js";

const OPERATOR_RULES: Partial<Record<ts.SyntaxKind, RuleName>> = {
  [ts.SyntaxKind.PlusToken]: "add",
  [ts.SyntaxKind.MinusToken]: "sub",
  [ts.SyntaxKind.AsteriskToken]: "mul",
  [ts.SyntaxKind.SlashToken]: "div",
  [ts.SyntaxKind.PercentToken]: "mod",
  [ts.SyntaxKind.AsteriskAsteriskToken]: "pow",
};

export function operatorRule(kind: ts.SyntaxKind): RuleName | undefined {
  return OPERATOR_RULES[kind];
}

export function passive(cx: EmitContext, e: ts.Expression): Emitted {
  while (ts.isParenthesizedExpression(e)) e = e.expression;
  // A comma expression keeps its parentheses: as an element of the generated [value, tangent] it would split in two.
  if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.CommaToken) {
    return { primal: sourceOf(`(${text(cx, e)})`, ATOM_PRECEDENCE), tangent: null, simple: false };
  }
  return { primal: opaque(text(cx, e)), tangent: null, simple: isSimple(e) };
}

/**
 * The operands of one operation (an operator's, a call's arguments, an array's elements), emitted in
 * the source's order. In a statement with a side effect in it (cx.ordered, order.ts's rule 2), each
 * operand that is not a constant is bound to a temporary as soon as it is emitted, so that the
 * operands are evaluated in order and the lines after read only what they read.
 */
export function emitOperands(cx: EmitContext, w: Writer, operands: readonly ts.Expression[]): Emitted[] {
  return operands.map((e) => {
    const value = emitExpression(cx, w, e);
    return cx.ordered && !isConstant(e, cx.activity) && !value.bound ? { ...bind(cx, w, value), bound: true } : value;
  });
}

/** One term of a tangent sum: ± tangent · partial. */
interface Term {
  readonly negative: boolean;
  readonly value: Source;
}

/** tangent · partial as a careful person writes it: no · 1, − for · −1, / y for · (1 / y); null for a zero partial. */
function scaled(tangent: Source, partial: Source, nanSafe = false): Term | null {
  if (partial.text === "0") return null;
  // A negated tangent lends its sign to the term: −dz · p is written as a subtraction.
  if (tangent.negated) {
    const term = scaled(tangent.negated, partial, nanSafe);
    return term && { negative: !term.negative, value: term.value };
  }
  if (nanSafe && literalPartial(partial) === undefined) {
    // NaN-safe: a zero tangent contributes zero even where the partial is infinite.
    const term = scaled(tangent, partial);
    return term && { negative: term.negative, value: sourceAlgebra.select(sourceAlgebra.eq(tangent, sourceOf("0", ATOM_PRECEDENCE)), sourceOf("0", ATOM_PRECEDENCE), term.value) };
  }
  if (partial.text === "1") return { negative: false, value: tangent };
  if (partial.text === "-1") return { negative: true, value: tangent };
  const negated = /^-\((.*)\)$/s.exec(partial.text);
  if (negated) return { negative: true, value: sourceAlgebra.mul(tangent, sourceOf(negated[1], 0)) };
  const denominator = reciprocal(partial);
  if (denominator) return { negative: false, value: sourceAlgebra.div(tangent, denominator) };
  return { negative: false, value: sourceAlgebra.mul(tangent, partial) };
}

/** The value of a partial that is a plain number literal. */
function literalPartial(partial: Source): number | undefined {
  return /^-?\d+(\.\d+)?$/.test(partial.text) ? Number(partial.text) : undefined;
}

/** Σ ± terms, with − where a term is negative. */
export function sum(terms: readonly Term[]): Source | null {
  let total: Source | null = null;
  for (const { negative, value } of terms) {
    if (total === null) total = negative ? sourceAlgebra.neg(value) : value;
    else total = negative ? sourceAlgebra.sub(total, value) : sourceAlgebra.add(total, value);
  }
  return total;
}

/**
 * Applies a rule to emitted arguments: primal spelled as in source, tangent
 * Σ tangentᵢ · ∂rule/∂argᵢ over the arguments that carry one. `result` names
 * the variable the value is declared into, which a partial may use as z.
 */
export function applyRule(cx: EmitContext, w: Writer, rule: Rule, args: Emitted[], result?: string): Emitted {
  const placeholder = (i: number | "z") => sourceAlgebra.variable(`\u0001${i}\u0002`);
  const probe = rule.partials(
    sourceAlgebra,
    args.map((_, i) => placeholder(i)),
    placeholder("z"),
  );
  const carrying = args.map((a) => a.tangent !== null);
  const needed = (p: number | "z") => probe.some((partial, i) => carrying[i] && partial.text.includes(placeholder(p).text));
  const operands = args.map((a, i) => (needed(i) ? hoist(cx, w, a) : a));
  let primal = printOperation(
    rule.spelling,
    operands.map((a) => a.primal),
  );
  let z = primal;
  let hoisted = false;
  if (needed("z")) {
    if (result) z = sourceOf(result, ATOM_PRECEDENCE);
    else {
      primal = z = hoist(cx, w, { primal, tangent: null, simple: false }).primal;
      hoisted = true;
    }
  }
  const partials = rule.partials(
    sourceAlgebra,
    operands.map((a) => a.primal),
    z,
  );
  if (cx.record)
    return {
      primal,
      tangent: recordOperation(
        cx,
        operands.map((a) => a.tangent),
        partials,
      ),
      simple: hoisted,
    };
  // Chunk mode multiplies out each statement's partials once, not in every lane (NaN-safe tangents keep a term per operation).
  if (cx.lanes && !cx.nanSafe)
    return {
      primal,
      tangent: laneOperation(
        operands.map((a) => a.tangent),
        partials,
      ),
      simple: hoisted,
    };
  const terms = operands.flatMap((a, i) => {
    const term = a.tangent === null ? null : scaled(a.tangent, partials[i], cx.nanSafe);
    return term ? [term] : [];
  });
  return { primal, tangent: sum(terms) ?? sourceOf("0", ATOM_PRECEDENCE), simple: hoisted };
}

function emitCall(cx: EmitContext, w: Writer, call: ts.CallExpression, result?: string): Emitted {
  const rule = mathRule(call);
  if (rule) {
    if (stepFunctions.has(rule)) return passive(cx, call);
    if (call.arguments.some(ts.isSpreadElement)) {
      unsupported(cx, call, `Math.${rule}(...spread)`, "list the arguments, or write a loop");
      return passive(cx, call);
    }
    return applyRule(cx, w, rules[rule], emitOperands(cx, w, call.arguments), result);
  }
  const callee = unwrap(call.expression);
  if (isDualts(callee, "noDerivative")) return passive(cx, call);
  // label(x, "a") names a node of the computational graph: x itself, value and derivative.
  if (isDualts(callee, "label") && call.arguments.length === 2) return emitExpression(cx, w, call.arguments[0], result);
  if (ts.isPropertyAccessExpression(callee) && isActive(callee.expression, cx.activity.active)) {
    unsupported(cx, call, `the method .${callee.name.text}(…)`, "index its elements in a loop instead");
    return passive(cx, call);
  }
  if (isNestedDerivative(callee)) {
    // derivative(g)(x) inside a differentiated function: a derivative of a derivative, which the
    // generic form computes with nested Duals (tags keep the perturbations apart). No JVP is emitted.
    cx.genericOnly = true;
    return passive(cx, call);
  }
  if (ts.isIdentifier(callee) && (cx.callees.has(callee.text) || cx.imported.has(callee.text))) {
    return emitCallOf(cx, w, call, callee.text);
  }
  if (isImportedMember(callee)) return emitCallOf(cx, w, call, text(cx, callee));
  if (ts.isPropertyAccessExpression(callee) && callee.name.text === "fill") {
    unsupported(cx, call, "filling an array with a value that carries a derivative", "fill it with 0 and assign the elements in a loop");
    return passive(cx, call);
  }
  // Math.f(…) of a Math that is not JavaScript's: the fence has said so.
  if (ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) && callee.expression.text === "Math" && !isGlobalMath(callee.expression)) {
    cx.failed = true;
    return passive(cx, call);
  }
  report(cx, codes.noDerivative, call, noDerivativeMessage(cx, call));
  return passive(cx, call);
}

/** `g(a, b)` for a differentiable g: its arguments emitted here, in order; the call itself written by calls.ts. */
function emitCallOf(cx: EmitContext, w: Writer, call: ts.CallExpression, name: string): Emitted {
  const operands = callOperands(cx, call, name);
  return (operands && emitDifferentiableCall(cx, w, call, name, emitOperands(cx, w, operands))) ?? passive(cx, call);
}

/** `derivative(g)`, `grad(g, { wrt: "y" })`: a function made by dualts' API, called with differentiated values. */
export function isNestedDerivative(callee: ts.Expression): boolean {
  return ts.isCallExpression(callee) && DERIVATIVE_APIS.has(dualtsExport(unwrap(callee.expression)) ?? "");
}

function emitConditional(cx: EmitContext, w: Writer, e: ts.ConditionalExpression): Emitted {
  if (isArrayShaped(e, cx.activity.arrays, cx.activity.arrayFunctions)) return emitArrayConditional(cx, w, e);
  const value = cx.names.temp();
  w.line(`let ${value}: number;`);
  if (cx.lanes?.unrolled) declareTangent(cx, w, "let", value, null);
  else if (cx.lanes) cx.lanes.allocate.add(cx.names.tangent(value));
  else w.line(`let ${cx.names.tangent(value)}: number;`);
  const branch = (b: ts.Expression) => () => {
    const r = emitExpression(cx, w, b);
    w.line(`${value} = ${r.primal.text};`);
    assignTangent(cx, w, tangentRef(cx, value), r.tangent);
  };
  w.block(`if (${text(cx, e.condition)})`, branch(e.whenTrue), "}");
  w.block("else", branch(e.whenFalse));
  return { primal: sourceOf(value, ATOM_PRECEDENCE), tangent: tangentRef(cx, value), simple: true };
}

/**
 * One of two arrays chosen by a condition: the chosen array and its tangent array (flat lanes in chunk
 * mode, nodes in the record form). A branch whose array carries no derivative gives zeros as long as it.
 */
function emitArrayConditional(cx: EmitContext, w: Writer, e: ts.ConditionalExpression): Emitted {
  const value = cx.names.temp();
  const tangent = cx.names.tangent(value);
  w.line(`let ${value};`);
  w.line(`let ${tangent};`);
  const branch = (b: ts.Expression) => () => {
    const r = emitExpression(cx, w, b);
    w.line(`${value} = ${r.primal.text};`);
    w.line(`${tangent} = ${r.tangent ? (laneArray(cx, r.tangent) ?? r.tangent.text) : zerosLike(cx, value)};`);
  };
  w.block(`if (${text(cx, e.condition)})`, branch(e.whenTrue), "}");
  w.block("else", branch(e.whenFalse));
  return { primal: sourceOf(value, ATOM_PRECEDENCE), tangent: tangentRef(cx, value), simple: true };
}

/** The primal and tangent of e, with whatever temporaries it needs written to w first. */
export function emitExpression(cx: EmitContext, w: Writer, e: ts.Expression, result?: string): Emitted {
  const { active } = cx.activity;
  if (!isActive(e, active)) return passive(cx, e);
  const u = unwrap(e);
  if (ts.isIdentifier(u)) {
    return { primal: sourceOf(u.text, ATOM_PRECEDENCE), tangent: tangentRef(cx, u.text), simple: true };
  }
  if (ts.isBinaryExpression(u)) {
    const rule = operatorRule(u.operatorToken.kind);
    if (rule && isArithmetic(u.operatorToken.kind) && !isStringy(u.left) && !isStringy(u.right)) {
      return applyRule(cx, w, rules[rule], emitOperands(cx, w, [u.left, u.right]), result);
    }
    unsupported(cx, u, `the operator '${u.operatorToken.getText(cx.sf)}'`, "use arithmetic operators, or branch with if/else on a comparison");
    return passive(cx, u);
  }
  if (ts.isPrefixUnaryExpression(u) && u.operator === ts.SyntaxKind.MinusToken) {
    return applyRule(cx, w, rules.neg, [emitExpression(cx, w, u.operand)], result);
  }
  if (ts.isPrefixUnaryExpression(u) && u.operator === ts.SyntaxKind.PlusToken) return emitExpression(cx, w, u.operand, result);
  const copied = copiedArray(u);
  if (copied !== undefined && cx.activity.arrays.has(copied)) {
    // A copy ([...xs], xs.slice()) passed along or returned: beside it, a copy of the tangents (lanes, nodes), of the same kind of array.
    return { primal: sourceOf(text(cx, u), ATOM_PRECEDENCE), tangent: sourceOf(`${cx.names.tangent(copied)}.slice()`, ATOM_PRECEDENCE), simple: false };
  }
  if (ts.isCallExpression(u)) return emitCall(cx, w, u, result);
  if (ts.isConditionalExpression(u)) return emitConditional(cx, w, u);
  if (ts.isArrayLiteralExpression(u) && !u.elements.some(ts.isSpreadElement)) {
    // An array of values passed along (to a call): the tangent is the array of their tangents.
    noLanes(cx);
    const values = emitOperands(cx, w, u.elements);
    return {
      primal: sourceOf(`[${values.map((v) => v.primal.text).join(", ")}]`, ATOM_PRECEDENCE),
      tangent: sourceOf(`[${values.map((v) => v.tangent?.text ?? "0").join(", ")}]`, ATOM_PRECEDENCE),
      simple: false,
    };
  }
  if (ts.isElementAccessExpression(u) && ts.isIdentifier(u.expression) && cx.activity.arrays.has(u.expression.text)) {
    // The index is evaluated once: where it has a side effect, or one may follow in the statement (order.ts), into a temporary.
    let index = text(cx, u.argumentExpression);
    const bound = !isPure(u.argumentExpression) || (cx.ordered && !isConstant(u.argumentExpression, cx.activity));
    if (bound) {
      const temp = cx.names.temp();
      w.line(`const ${temp} = ${index};`);
      index = temp;
    }
    const array = u.expression.text;
    return {
      primal: sourceOf(`${array}[${index}]`, ATOM_PRECEDENCE),
      tangent: tangentElement(cx, array, index),
      simple: bound || isSimple(u.argumentExpression),
    };
  }
  unsupported(cx, u, `'${text(cx, u).slice(0, 40)}'`, "see the supported subset in the README");
  return passive(cx, u);
}
