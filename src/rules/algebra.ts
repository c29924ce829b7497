// The algebra that derivative rules are written against.
//
// A rule in table.ts states its partial derivatives once, as calls on an
// `Algebra<E, C>`: E is whatever an expression is (a number at run time, a
// piece of source text for code generation, a Dual or a tape variable for
// higher order) and C is whatever a condition is. This file owns the
// interface and the two concrete algebras that need nothing else:
//
//   numberAlgebra   evaluates a partial to a number
//   sourceAlgebra   prints a partial as JavaScript/TypeScript source, with
//                   only the parentheses precedence needs
//
// The generic algebra over Duals and tape variables lives in ../ops.ts,
// beside the dispatch it calls.

/** Math functions a partial may call. */
export type MathCall = "cos" | "sin" | "cosh" | "sinh" | "sqrt" | "log" | "sign" | "trunc" | "pow";

/** Math constants a partial may name. */
export type MathConstant = "LN2" | "LN10";

export interface Algebra<E, C> {
  constant(value: number): E;
  mathConstant(name: MathConstant): E;
  add(a: E, b: E): E;
  sub(a: E, b: E): E;
  mul(a: E, b: E): E;
  div(a: E, b: E): E;
  neg(a: E): E;
  call(fn: MathCall, ...args: E[]): E;
  /** Comparisons look only at primal values. */
  eq(a: E, b: E): C;
  lt(a: E, b: E): C;
  gt(a: E, b: E): C;
  and(a: C, b: C): C;
  select(condition: C, whenTrue: E, whenFalse: E): E;
}

export const numberAlgebra: Algebra<number, boolean> = {
  constant: (value) => value,
  mathConstant: (name) => Math[name],
  add: (a, b) => a + b,
  sub: (a, b) => a - b,
  mul: (a, b) => a * b,
  div: (a, b) => a / b,
  neg: (a) => -a,
  call: (fn, ...args) => (Math[fn] as (...xs: number[]) => number)(...args),
  eq: (a, b) => a === b,
  lt: (a, b) => a < b,
  gt: (a, b) => a > b,
  and: (a, b) => a && b,
  select: (condition, whenTrue, whenFalse) => (condition ? whenTrue : whenFalse),
};

/** A printed expression and the precedence of its outermost operator. */
export interface Source {
  readonly text: string;
  readonly precedence: number;
  /** For `-a`: the a, so a caller can fold the sign into a subtraction. */
  readonly negated?: Source;
}

// JavaScript operator precedences (higher binds tighter).
const ATOM = 20;
const UNARY = 14;
const EXPONENT = 13;
const MULTIPLICATIVE = 12;
const ADDITIVE = 11;
const RELATIONAL = 9;
const EQUALITY = 8;
const LOGICAL_AND = 4;
const CONDITIONAL = 2;

const source = (text: string, precedence: number): Source => ({ text, precedence });

/** Parenthesise `e` when it binds more loosely than `min` requires. */
function operand(e: Source, min: number): string {
  return e.precedence < min ? `(${e.text})` : e.text;
}

function binary(a: Source, op: string, b: Source, precedence: number): Source {
  // Left-associative: the right operand needs strictly tighter binding.
  return source(`${operand(a, precedence)} ${op} ${operand(b, precedence + 1)}`, precedence);
}

function numberLiteral(value: number): Source {
  if (Number.isNaN(value)) return source("NaN", ATOM);
  if (value === Infinity) return source("Infinity", ATOM);
  if (value === -Infinity || value < 0 || Object.is(value, -0)) {
    return source(`-${numberLiteral(-value).text}`, UNARY);
  }
  return source(String(value), ATOM);
}

const isLiteral = (e: Source, value: number) => e.text === String(value);

/** The value of a plain numeric literal such as `2` or `-0.5`, else undefined. */
function literalValue(e: Source): number | undefined {
  return /^-?\d+(\.\d+)?(e[+-]?\d+)?$/.test(e.text) ? Number(e.text) : undefined;
}

/** Folds an operation on two literals (`2 - 1` → `1`, `2 === 0` → `false`); undefined when either is not a literal. */
function fold(a: Source, b: Source, op: (x: number, y: number) => number | boolean): Source | undefined {
  const x = literalValue(a);
  const y = literalValue(b);
  if (x === undefined || y === undefined) return undefined;
  const value = op(x, y);
  return typeof value === "boolean" ? source(String(value), ATOM) : numberLiteral(value);
}

/**
 * Prints partials as source text. It folds the trivial cases a careful
 * person would not write (`1 * a`, `0 + a`, `a / 1`) so that generated code
 * reads naturally; nothing else is simplified.
 */
export const sourceAlgebra: Algebra<Source, Source> & { variable(name: string): Source } = {
  variable: (name) => source(name, ATOM),
  constant: numberLiteral,
  mathConstant: (name) => source(`Math.${name}`, ATOM),
  add: (a, b) => fold(a, b, (x, y) => x + y) ?? (isLiteral(a, 0) ? b : isLiteral(b, 0) ? a : binary(a, "+", b, ADDITIVE)),
  sub: (a, b) => fold(a, b, (x, y) => x - y) ?? (isLiteral(b, 0) ? a : isLiteral(a, 0) ? sourceAlgebra.neg(b) : binary(a, "-", b, ADDITIVE)),
  mul: (a, b) => fold(a, b, (x, y) => x * y) ?? (isLiteral(a, 1) ? b : isLiteral(b, 1) ? a : binary(a, "*", b, MULTIPLICATIVE)),
  div: (a, b) => (isLiteral(b, 1) ? a : binary(a, "/", b, MULTIPLICATIVE)),
  neg: (a) => {
    // `--x` would be a decrement and `- -x` is hard to read: parenthesise.
    const inner = a.text.startsWith("-") ? `(${a.text})` : operand(a, UNARY);
    return { ...source(`-${inner}`, UNARY), negated: a };
  },
  call: (fn, ...args) =>
    fn === "pow" && isLiteral(args[1], 1)
      ? args[0]
      : fn === "pow"
        ? // `**` is right-associative and a unary operand must be parenthesised.
          source(`${operand(args[0], ATOM)} ** ${operand(args[1], EXPONENT)}`, EXPONENT)
        : source(`Math.${fn}(${args.map((a) => a.text).join(", ")})`, ATOM),
  eq: (a, b) => fold(a, b, (x, y) => x === y) ?? binary(a, "===", b, EQUALITY),
  lt: (a, b) => fold(a, b, (x, y) => x < y) ?? binary(a, "<", b, RELATIONAL),
  gt: (a, b) => fold(a, b, (x, y) => x > y) ?? binary(a, ">", b, RELATIONAL),
  and: (a, b) => (a.text === "false" || b.text === "false" ? source("false", ATOM) : a.text === "true" ? b : b.text === "true" ? a : binary(a, "&&", b, LOGICAL_AND)),
  select: (condition, whenTrue, whenFalse) =>
    condition.text === "true"
      ? whenTrue
      : condition.text === "false"
        ? whenFalse
        : source(`${operand(condition, CONDITIONAL + 1)} ? ${operand(whenTrue, CONDITIONAL + 1)} : ${operand(whenFalse, CONDITIONAL)}`, CONDITIONAL),
};

/** `a * b`, `-a`, `a ** b` or `Math.exp(a)`: an operation spelled as in source, parenthesised by precedence, nothing folded. */
export function printOperation(spelling: string, args: readonly Source[]): Source {
  const binaryPrecedence: Record<string, number> = { "+": ADDITIVE, "-": ADDITIVE, "*": MULTIPLICATIVE, "/": MULTIPLICATIVE, "%": MULTIPLICATIVE };
  if (spelling === "-" && args.length === 1) {
    const inner = args[0].text.startsWith("-") ? `(${args[0].text})` : operand(args[0], UNARY);
    return source(`-${inner}`, UNARY);
  }
  if (spelling === "**") return source(`${operand(args[0], ATOM)} ** ${operand(args[1], EXPONENT)}`, EXPONENT);
  if (spelling in binaryPrecedence) return binary(args[0], spelling, args[1], binaryPrecedence[spelling]);
  return source(`${spelling}(${args.map((a) => a.text).join(", ")})`, ATOM);
}

/** Source text of unknown shape: parenthesised wherever it is used unless it is a plain name, literal, access or call. */
export function opaque(text: string): Source {
  return source(text, /^[\w$.]+(\[[\w$.]+\])*$|^[\w$.]+\([^()]*\)$/.test(text) ? ATOM : 0);
}

export { source as sourceOf, ATOM as ATOM_PRECEDENCE };
