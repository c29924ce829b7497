// Prints the expressions of program-generator.ts's programs (program-printer.ts
// prints their statements and functions): as the TypeScript a user writes
// (marked @differentiable, typed), or as an instrumented JavaScript
// "probe" of the same program, whose comparisons report their outcome to
// __c, whose Math.abs, max, min, floor, round and % go through helpers
// (__abs, …, __mod) that report the piece they are on, and whose computed and
// stored values report to __v. program-check.ts runs the probe next to the
// plain program to see which way each branch went and how large the values
// grew.
//
// Expressions are printed with the fewest parentheses their precedence needs
// (`a - (b - c)`, `(-x) ** 2`, `c < 0 ? x : y + z`), as a person would write
// them, so the transform's own printing of precedence is exercised too.

import type { BinaryOp, Cmp, Expr, Index, Program, UnaryOp } from "./program-generator.js";

/**
 * Names for variables that the generated code might also want: its runtime
 * parameter `ops`, tangents (`da`, `d_a`, `dy1`), temporaries (`t1`) and the
 * generated functions (`f_jvp`, `h_generic`).
 */
const TRICKY_NAMES = ["ops", "da", "t1", "dy1", "primal", "f_jvp", "h_generic", "d_a", "t2", "db", "dp", "tangent", "o", "efault"]; // o and efault: their tangents would be do and default

/**
 * "plain": the program as a user writes it. "checked": the same, each array element read marked `!`,
 * as a user writes it under noUncheckedIndexedAccess (tsc --init's default). "probe": the
 * instrumented copy (JavaScript, no types).
 */
export type Flavor = "plain" | "checked" | "probe";

export interface ArrayVar {
  readonly name: string;
  readonly fixed: boolean; // length 3 from the start (fill or literal) rather than built by push
  readonly growable: boolean; // a plain array (not a Float64Array): push may add to it, fixed or not
  minLength: number; // for pushed arrays: elements certainly there (pushed at the top level of the body)
}

export interface Scope {
  readonly scalars: { readonly name: string; readonly mutable: boolean }[];
  readonly arrays: ArrayVar[];
  readonly loopVars: string[];
  readonly inLoop: boolean;
  /** Labels of the enclosing labelled loops, outermost first. */
  readonly labels: string[];
  readonly topLevel: boolean;
  /** The functions this one may call (h, g), in the order a call's `fn` picks them; none inside the last. */
  readonly callable: readonly string[];
  /** Whether s(u, q), the function of an array, is there to call. */
  readonly arrayCall: boolean;
  /** Whether t(p, q), the function returning an array, is there to call. */
  readonly vectorCall?: boolean;
}

export const P_PRIMARY = 20,
  P_UNARY = 15,
  P_POW = 14,
  P_MUL = 13,
  P_ADD = 12,
  P_CMP = 10,
  P_TERNARY = 3;

export interface Printed {
  readonly text: string;
  readonly prec: number;
}

/** The printer of expressions (and the lines and names every printer shares); program-printer.ts adds statements. */
export class ExpressionPrinter {
  private counter = 0;
  protected readonly lines: string[] = [];
  private indent = 1;

  private tricky = 0;

  /** The function's counter, bumped by `n++ % 3` in indices and expressions (a side effect in them); made on first use. */
  protected counter0?: string;

  constructor(
    readonly flavor: Flavor,
    private readonly names: Program["names"],
  ) {}

  /** An element read: `v[i]`, or `v[i]!` in the checked flavor. */
  element(array: string, index: string): string {
    return `${array}[${index}]${this.flavor === "checked" ? "!" : ""}`;
  }

  /** `n4++ % 3`: a side effect inside an expression, whose value cycles through 0, 1, 2. */
  bump(): string {
    this.counter0 ??= this.fresh("n");
    return `${this.counter0}++ % 3`;
  }

  fresh(prefix: string): string {
    ++this.counter;
    if (this.names === "tricky" && (prefix === "y" || prefix === "v") && this.tricky < TRICKY_NAMES.length) return TRICKY_NAMES[this.tricky++];
    return `${prefix}${this.counter}`;
  }

  line(text: string): void {
    this.lines.push("  ".repeat(this.indent) + text);
  }

  nested(body: () => void): void {
    this.indent++;
    body();
    this.indent--;
  }

  text(): string {
    return this.lines.join("\n");
  }

  // ---- expressions

  wrap(p: Printed, min: number): string {
    return p.prec >= min ? p.text : `(${p.text})`;
  }

  protected pick<T>(list: readonly T[], i: number): T | undefined {
    return list.length === 0 ? undefined : list[list.length - 1 - (i % list.length)];
  }

  protected readIndex(index: Index, scope: Scope, arr: ArrayVar): string | undefined {
    if (index.k === "bump" && arr.fixed) return this.bump();
    if (index.k === "bump") index = { k: "const", i: 0 };
    if (!arr.fixed) {
      if (arr.minLength === 0) return undefined;
      return String(index.k === "const" ? index.i % arr.minLength : arr.minLength - 1);
    }
    const loop = scope.loopVars[scope.loopVars.length - 1];
    if (index.k === "const" || loop === undefined) return String(index.k === "const" ? index.i : 0);
    return index.k === "loop" ? loop : `(${loop} + 1) % 3`;
  }

  /** An expression; in the probe, every computed value is reported on its way through __v. */
  expr(e: Expr, scope: Scope): Printed {
    const printed = this.node(e, scope);
    const computed = e.k === "unary" || e.k === "binary" || e.k === "call" || e.k === "ternary";
    return this.flavor === "probe" && computed ? { text: `__v(${printed.text})`, prec: P_PRIMARY } : printed;
  }

  private node(e: Expr, scope: Scope): Printed {
    switch (e.k) {
      case "var":
        return { text: this.pick(scope.scalars, e.i)!.name, prec: P_PRIMARY };
      case "num":
        return e.v < 0 ? { text: `-${-e.v}`, prec: P_UNARY } : { text: String(e.v), prec: P_PRIMARY };
      case "loopVar": {
        const loop = scope.loopVars[scope.loopVars.length - 1];
        return { text: loop ?? "2", prec: P_PRIMARY };
      }
      case "read": {
        const arr = this.pick(scope.arrays, e.arr);
        const at = arr && this.readIndex(e.index, scope, arr);
        if (!arr || at === undefined) return this.expr({ k: "var", i: e.arr }, scope);
        return { text: this.element(arr.name, at), prec: P_PRIMARY };
      }
      case "unary":
        return this.unary(e.op, this.expr(e.a, scope));
      case "binary":
        return this.binary(e.op, this.expr(e.a, scope), this.expr(e.b, scope));
      case "call": {
        const a = this.expr(e.a, scope);
        const b = this.expr(e.b, scope);
        // Without a helper (or inside the last one) the call is a product, so shrinking can drop the helper.
        const callee = scope.callable[e.fn % Math.max(1, scope.callable.length)];
        return callee ? { text: `${callee}(${a.text}, ${b.text})`, prec: P_PRIMARY } : this.binary("*", a, b);
      }
      case "arrayCall": {
        const arr = this.pick(
          scope.arrays.filter((x) => x.growable),
          e.arr,
        );
        const b = this.expr(e.b, scope);
        return scope.arrayCall && arr ? { text: `s(${arr.name}, ${b.text})`, prec: P_PRIMARY } : b;
      }
      case "bump":
        return { text: `(${this.bump()})`, prec: P_PRIMARY };
      case "ternary":
        return { text: `${this.comparison(e.test, scope)} ? ${this.expr(e.a, scope).text} : ${this.wrap(this.expr(e.b, scope), P_TERNARY)}`, prec: P_TERNARY };
    }
  }

  /** Math.abs, max, min, floor and round: in the probe, helpers that report which piece the arguments are on. */
  private kinked(name: "abs" | "max" | "min" | "floor" | "round"): string {
    return this.flavor === "probe" ? `__${name}` : `Math.${name}`;
  }

  /** x % y, whose jumps the probe reports (it prints __mod(x, y)). */
  private remainder(x: Printed, y: string): Printed {
    return this.flavor === "probe" ? { text: `__mod(${x.text}, ${y})`, prec: P_PRIMARY } : { text: `${this.wrap(x, P_MUL)} % ${y}`, prec: P_MUL };
  }

  private unary(op: UnaryOp, a: Printed): Printed {
    const call = (f: string, arg: string) => ({ text: `${f}(${arg})`, prec: P_PRIMARY });
    // `x ** 2` needs its base above unary minus: -a ** 2 is a syntax error.
    const squared = () => `${this.wrap(a, P_PRIMARY)} ** 2`;
    switch (op) {
      case "neg":
        return { text: `-${this.wrap(a, P_PRIMARY)}`, prec: P_UNARY };
      case "plus":
        return { text: `+${this.wrap(a, P_PRIMARY)}`, prec: P_UNARY };
      case "sin":
      case "cos":
      case "tanh":
      case "atan":
      case "asinh":
        return call(`Math.${op}`, a.text);
      case "abs":
      case "floor":
      case "round":
        return call(this.kinked(op), a.text);
      case "square":
        return { text: squared(), prec: P_POW };
      case "cube":
        return { text: `${this.wrap(a, P_PRIMARY)} ** 3`, prec: P_POW };
      case "timesPi":
        return { text: `Math.PI * ${this.wrap(a, P_MUL + 1)}`, prec: P_MUL };
      case "expSin":
        return call("Math.exp", `Math.sin(${a.text})`);
      case "expTanh":
        return call("Math.exp", `Math.tanh(${a.text})`);
      case "expNegSquare":
        return call("Math.exp", `-(${squared()})`);
      case "expm1Sin":
        return call("Math.expm1", `Math.sin(${a.text})`);
      case "sinhTanh":
        return call("Math.sinh", `Math.tanh(${a.text})`);
      case "coshSin":
        return call("Math.cosh", `Math.sin(${a.text})`);
      case "logOnePlusSquare":
        return call("Math.log", `1 + ${squared()}`);
      case "log1pSquare":
        return call("Math.log1p", squared());
      case "sqrtOnePlusSquare":
        return call("Math.sqrt", `1 + ${squared()}`);
      case "cbrtOnePlusSquare":
        return call("Math.cbrt", `1 + ${squared()}`);
    }
  }

  private binary(op: BinaryOp, a: Printed, b: Printed): Printed {
    const call = (text: string) => ({ text, prec: P_PRIMARY });
    switch (op) {
      case "+":
      case "-":
        return { text: `${this.wrap(a, P_ADD)} ${op} ${this.wrap(b, P_ADD + 1)}`, prec: P_ADD };
      case "*":
        return { text: `${this.wrap(a, P_MUL)} * ${this.wrap(b, P_MUL + 1)}`, prec: P_MUL };
      case "divOnePlusSquare":
        return { text: `${this.wrap(a, P_MUL)} / (1 + ${this.wrap(b, P_PRIMARY)} ** 2)`, prec: P_MUL };
      case "divTwoPlusCos":
        return { text: `${this.wrap(a, P_MUL)} / (2 + Math.cos(${b.text}))`, prec: P_MUL };
      case "divHalf":
        return { text: `${this.wrap(a, P_MUL)} / 2`, prec: P_MUL };
      case "mod":
        return this.remainder(a, `(2 + Math.cos(${b.text}))`);
      case "powPositive":
        return { text: `(1.5 + Math.tanh(${a.text})) ** Math.sin(${b.text})`, prec: P_POW };
      case "mathPow":
        return call(`Math.pow(2 + Math.cos(${a.text}), Math.atan(${b.text}))`);
      case "atan2":
        return call(`Math.atan2(${a.text}, 2 + Math.cos(${b.text}))`);
      case "hypot":
        return call(`Math.hypot(${a.text}, ${b.text}, 1)`);
      case "max":
      case "min":
        return call(`${this.kinked(op)}(${a.text}, ${b.text})`);
    }
  }

  comparison(c: Cmp, scope: Scope): string {
    const left = this.wrap(this.expr(c.l, scope), P_CMP + 1);
    const right = this.wrap(this.expr(c.r, scope), P_CMP + 1);
    // TypeScript reads `c < (c > (n % 3) ? 2 : c)` as a call with type arguments, c<(c)>(n % 3): such a
    // comparison is printed the other way round, in every flavor alike (so the program, bumps and all,
    // is the same one wherever it runs): the choice reads only the operators, which every flavor prints
    // alike (the probe wraps values in __v(…), so where the text opens differs).
    const mirrored = (c.op === "<" || c.op === "<=") && right.includes(">");
    const text = mirrored ? `${right} ${c.op === "<" ? ">" : ">="} ${left}` : `${left} ${c.op} ${right}`;
    return this.flavor === "probe" ? `__c(${text})` : text;
  }

  /** After a value is stored, the probe reports its size. */
  protected stored(target: string): void {
    // (A target whose index bumps the counter is not read again: that would bump it twice.)
    if (this.flavor === "probe" && !target.includes("++")) this.line(`__v(${target});`);
  }
}
