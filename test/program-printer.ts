// Prints the programs of program-generator.ts: as the TypeScript a user
// writes (marked @differentiable, typed), or as an instrumented JavaScript
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

import type { Cmp, Expr, Index, Program, Stmt, UnaryOp, BinaryOp } from "./program-generator.js";

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

interface ArrayVar {
  readonly name: string;
  readonly fixed: boolean; // length 3 from the start (fill or literal) rather than built by push
  readonly growable: boolean; // a plain array (not a Float64Array): push may add to it, fixed or not
  minLength: number; // for pushed arrays: elements certainly there (pushed at the top level of the body)
}

interface Scope {
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

const P_PRIMARY = 20, P_UNARY = 15, P_POW = 14, P_MUL = 13, P_ADD = 12, P_CMP = 10, P_TERNARY = 3;

interface Printed {
  readonly text: string;
  readonly prec: number;
}

class Printer {
  private counter = 0;
  private readonly lines: string[] = [];
  private indent = 1;

  private tricky = 0;

  /** The function's counter, bumped by `n++ % 3` in indices and expressions (a side effect in them); made on first use. */
  private counter0?: string;

  constructor(readonly flavor: Flavor, private readonly names: Program["names"]) {}

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

  private pick<T>(list: readonly T[], i: number): T | undefined {
    return list.length === 0 ? undefined : list[list.length - 1 - (i % list.length)];
  }

  private readIndex(index: Index, scope: Scope, arr: ArrayVar): string | undefined {
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
        const arr = this.pick(scope.arrays.filter((x) => x.growable), e.arr);
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
      case "neg": return { text: `-${this.wrap(a, P_PRIMARY)}`, prec: P_UNARY };
      case "plus": return { text: `+${this.wrap(a, P_PRIMARY)}`, prec: P_UNARY };
      case "sin": case "cos": case "tanh": case "atan": case "asinh": return call(`Math.${op}`, a.text);
      case "abs": case "floor": case "round": return call(this.kinked(op), a.text);
      case "square": return { text: squared(), prec: P_POW };
      case "cube": return { text: `${this.wrap(a, P_PRIMARY)} ** 3`, prec: P_POW };
      case "timesPi": return { text: `Math.PI * ${this.wrap(a, P_MUL + 1)}`, prec: P_MUL };
      case "expSin": return call("Math.exp", `Math.sin(${a.text})`);
      case "expTanh": return call("Math.exp", `Math.tanh(${a.text})`);
      case "expNegSquare": return call("Math.exp", `-(${squared()})`);
      case "expm1Sin": return call("Math.expm1", `Math.sin(${a.text})`);
      case "sinhTanh": return call("Math.sinh", `Math.tanh(${a.text})`);
      case "coshSin": return call("Math.cosh", `Math.sin(${a.text})`);
      case "logOnePlusSquare": return call("Math.log", `1 + ${squared()}`);
      case "log1pSquare": return call("Math.log1p", squared());
      case "sqrtOnePlusSquare": return call("Math.sqrt", `1 + ${squared()}`);
      case "cbrtOnePlusSquare": return call("Math.cbrt", `1 + ${squared()}`);
    }
  }

  private binary(op: BinaryOp, a: Printed, b: Printed): Printed {
    const call = (text: string) => ({ text, prec: P_PRIMARY });
    switch (op) {
      case "+": case "-": return { text: `${this.wrap(a, P_ADD)} ${op} ${this.wrap(b, P_ADD + 1)}`, prec: P_ADD };
      case "*": return { text: `${this.wrap(a, P_MUL)} * ${this.wrap(b, P_MUL + 1)}`, prec: P_MUL };
      case "divOnePlusSquare": return { text: `${this.wrap(a, P_MUL)} / (1 + ${this.wrap(b, P_PRIMARY)} ** 2)`, prec: P_MUL };
      case "divTwoPlusCos": return { text: `${this.wrap(a, P_MUL)} / (2 + Math.cos(${b.text}))`, prec: P_MUL };
      case "divHalf": return { text: `${this.wrap(a, P_MUL)} / 2`, prec: P_MUL };
      case "mod": return this.remainder(a, `(2 + Math.cos(${b.text}))`);
      case "powPositive": return { text: `(1.5 + Math.tanh(${a.text})) ** Math.sin(${b.text})`, prec: P_POW };
      case "mathPow": return call(`Math.pow(2 + Math.cos(${a.text}), Math.atan(${b.text}))`);
      case "atan2": return call(`Math.atan2(${a.text}, 2 + Math.cos(${b.text}))`);
      case "hypot": return call(`Math.hypot(${a.text}, ${b.text}, 1)`);
      case "max": case "min": return call(`${this.kinked(op)}(${a.text}, ${b.text})`);
    }
  }

  comparison(c: Cmp, scope: Scope): string {
    const left = this.wrap(this.expr(c.l, scope), P_CMP + 1);
    const right = this.wrap(this.expr(c.r, scope), P_CMP + 1);
    // TypeScript reads `c < (c > (n % 3) ? 2 : c)` as a call with type arguments, c<(c)>(n % 3): such a
    // comparison is printed the other way round, in every flavor alike (so the program, bumps and all,
    // is the same one wherever it runs).
    const mirrored = (c.op === "<" || c.op === "<=") && right.startsWith("(") && /[>]/.test(right);
    const text = mirrored ? `${right} ${c.op === "<" ? ">" : ">="} ${left}` : `${left} ${c.op} ${right}`;
    return this.flavor === "probe" ? `__c(${text})` : text;
  }

  /** After a value is stored, the probe reports its size. */
  private stored(target: string): void {
    // (A target whose index bumps the counter is not read again: that would bump it twice.)
    if (this.flavor === "probe" && !target.includes("++")) this.line(`__v(${target});`);
  }

  // ---- statements

  block(list: readonly Stmt[], scope: Scope): void {
    for (const s of list) this.stmt(s, scope);
  }

  private child(scope: Scope, changes: Partial<Scope> = {}): Scope {
    return { ...scope, scalars: [...scope.scalars], arrays: [...scope.arrays], loopVars: [...scope.loopVars], topLevel: false, ...changes };
  }

  private type(annotation: string): string {
    return this.flavor !== "probe" ? annotation : "";
  }

  stmt(s: Stmt, scope: Scope): void {
    const mutable = scope.scalars.filter((v) => v.mutable);
    switch (s.k) {
      case "decl": {
        const name = this.fresh("y");
        this.line(`${s.keyword} ${name}${s.typed ? this.type(": number") : ""} = ${this.expr(s.e, scope).text};`);
        this.stored(name);
        scope.scalars.push({ name, mutable: s.keyword !== "const" });
        return;
      }
      case "declThenBranch": {
        const name = this.fresh("y");
        this.line(`let ${name}${this.type(": number")};`);
        this.line(`if (${this.comparison(s.test, scope)}) {`);
        this.nested(() => this.line(`${name} = ${this.expr(s.a, scope).text};`));
        this.line("} else {");
        this.nested(() => this.line(`${name} = ${this.expr(s.b, scope).text};`));
        this.line("}");
        this.stored(name);
        scope.scalars.push({ name, mutable: true });
        return;
      }
      case "assign": {
        const t = this.pick(mutable, s.t);
        if (!t) return;
        const value = this.expr(s.e, scope);
        // Division only by values bounded away from zero.
        if (s.op === "/=") this.line(`${t.name} /= 1.5 + Math.sin(${value.text});`);
        else if (s.op === "**=") this.line(`${t.name} **= 2;`);
        else if (s.op === "%=") this.line(this.flavor === "probe" ? `${t.name} = __mod(${t.name}, 1.5);` : `${t.name} %= 1.5;`);
        else this.line(`${t.name} ${s.op} ${value.text};`);
        this.stored(t.name);
        return;
      }
      case "square": {
        const t = this.pick(mutable, s.t);
        if (!t) return;
        this.line(`${t.name} = ${t.name} * ${t.name};`);
        this.stored(t.name);
        return;
      }
      case "increment": {
        const t = this.pick(mutable, s.t);
        if (!t) return;
        this.line(s.form === "x++" ? `${t.name}++;` : s.form === "++x" ? `++${t.name};` : `${t.name}--;`);
        return;
      }
      case "if": {
        this.line(`if (${this.comparison(s.test, scope)}) {`);
        this.nested(() => this.block(s.then, this.child(scope)));
        if (s.else) {
          this.line("} else {");
          this.nested(() => this.block(s.else!, this.child(scope)));
        }
        this.line("}");
        return;
      }
      case "for": {
        const i = this.fresh("i");
        const label = s.labeled ? `loop${i.slice(1)}` : undefined;
        this.line(`${label ? `${label}: ` : ""}for (let ${i} = 0; ${i} < ${s.bound}; ${i}++) {`);
        this.nested(() => this.block(s.body, this.child(scope, { loopVars: [...scope.loopVars, i], inLoop: true, labels: label ? [...scope.labels, label] : scope.labels })));
        this.line("}");
        return;
      }
      case "while": {
        const k = this.fresh("k");
        const condition = `${k} < ${s.bound}${s.test ? ` && ${this.comparison(s.test, scope)}` : ""}`;
        this.line(`let ${k} = 0;`);
        this.line(s.doWhile ? "do {" : `while (${condition}) {`);
        this.nested(() => {
          this.line(`${k}++;`); // first, so that `continue` cannot loop forever
          this.block(s.body, this.child(scope, { inLoop: true }));
        });
        this.line(s.doWhile ? `} while (${condition});` : "}");
        return;
      }
      case "switch": {
        // A plain `break` inside a case leaves the switch, not the loop around it; `continue` goes on with the loop.
        this.line(`switch (${this.comparison(s.test, scope)} ? 1 : 0) {`);
        this.nested(() => {
          this.line("case 1: {");
          this.nested(() => {
            this.block(s.one, this.child(scope));
            if (!s.fallThrough) this.line("break;");
          });
          this.line("}");
          this.line("default: {");
          this.nested(() => this.block(s.other, this.child(scope)));
          this.line("}");
        });
        this.line("}");
        return;
      }
      case "jump":
        if (scope.inLoop) this.line(`if (${this.comparison(s.test, scope)}) ${s.jump}${s.outer && scope.labels.length > 0 ? ` ${scope.labels[0]}` : ""};`);
        return;
      case "return":
        this.line(`if (${this.comparison(s.test, scope)}) return ${this.expr(s.e, scope).text};`);
        return;
      case "array": {
        const name = this.fresh("v");
        const empty = s.init === "empty";
        if (s.init === "literal") this.line(`const ${name} = [${s.elements.map((x) => this.expr(x, scope).text).join(", ")}];`);
        else if (s.init === "float64") this.line(`const ${name} = new Float64Array(3);`);
        else if (empty) this.line(`const ${name}${this.type(": number[]")} = [];`);
        else this.line(`const ${name} = new Array(3).fill(0);`);
        scope.arrays.push({ name, fixed: !empty, growable: s.init !== "float64", minLength: 0 });
        return;
      }
      case "elementWrite": {
        const arr = this.pick(scope.arrays.filter((a) => a.fixed), s.arr);
        if (!arr) return;
        const at = this.readIndex(s.index, scope, arr)!;
        const value = this.expr(s.e, scope).text;
        // Checked: a compound write reads the element, marked `!` (a bumped index is bound first, to be read once).
        const bumped = this.flavor === "checked" && s.op !== "=" && at.includes("++");
        const place = bumped ? this.fresh("j") : at;
        if (bumped) this.line(`const ${place} = ${at};`);
        const written = `${arr.name}[${place}]`;
        const compound = (op: string, right: string) => (this.flavor === "checked" ? `${written} = ${written}! ${op} (${right});` : `${written} ${op}= ${right};`);
        if (s.op === "/=") this.line(compound("/", `1.5 + Math.sin(${value})`));
        else if (s.op === "=") this.line(`${written} = ${value};`);
        else this.line(compound(s.op.slice(0, -1), value));
        this.stored(written);
        return;
      }
      case "push": {
        const arr = this.pick(scope.arrays.filter((a) => a.growable), s.arr);
        if (!arr) return;
        const value = this.expr(s.e, scope);
        // The pushed value may read the array's length or its last element: what the push is about to change.
        if (s.reads === "last" && (arr.fixed || arr.minLength > 0)) this.line(`${arr.name}.push(${this.element(arr.name, `${arr.name}.length - 1`)} * ${this.wrap(value, P_MUL + 1)});`);
        else if (s.reads === "length") this.line(`${arr.name}.push(${this.wrap(value, P_ADD)} + ${arr.name}.length);`);
        else this.line(`${arr.name}.push(${value.text});`);
        this.stored(`${arr.name}[${arr.name}.length - 1]`);
        if (scope.topLevel) arr.minLength++;
        return;
      }
      case "sumArray": {
        const arr = this.pick(scope.arrays, s.arr);
        const t = this.pick(mutable, s.t);
        if (!arr || !t) return;
        if (s.form === "index") {
          const j = this.fresh("j");
          this.line(`for (let ${j} = 0; ${j} < ${arr.name}.length; ${j}++) ${t.name} += ${this.element(arr.name, j)};`);
        } else if (s.form === "of") {
          const x = this.fresh("x");
          this.line(`for (const ${x} of ${arr.name}) ${t.name} += ${x};`);
        } else {
          // The loop variable takes a derivative from its reassignment, also over an array that has none.
          const x = this.fresh("x");
          const factor = this.pick(scope.scalars, s.t + 1)!.name;
          this.line(`for (let ${x} of ${arr.name}) {`);
          this.nested(() => {
            this.line(`${x} = ${x} * ${factor};`);
            this.line(`${t.name} += ${x};`);
          });
          this.line("}");
        }
        this.stored(t.name);
        return;
      }
      case "dataArray": {
        const name = this.fresh("d");
        this.line(`const ${name} = [${s.values.join(", ")}];`);
        scope.arrays.push({ name, fixed: true, growable: true, minLength: 3 });
        return;
      }
      case "vectorCall": {
        // An array a differentiable function returns, kept in a local (and read, passed on, chosen like any other).
        if (!scope.vectorCall) return;
        const name = this.fresh("w");
        this.line(`const ${name} = t(${this.expr(s.a, scope).text}, ${this.expr(s.b, scope).text});`);
        scope.arrays.push({ name, fixed: true, growable: false, minLength: 3 });
        return;
      }
      case "chooseArray": {
        // One of two arrays chosen by a condition: either may carry no derivative.
        const a = this.pick(scope.arrays, s.a);
        const b = this.pick(scope.arrays.filter((x) => x.fixed === a?.fixed), s.b);
        if (!a || !b) return;
        const name = this.fresh("w");
        this.line(`const ${name} = ${this.comparison(s.test, scope)} ? ${a.name} : ${b.name};`);
        scope.arrays.push({ name, fixed: a.fixed, growable: false, minLength: Math.min(a.minLength, b.minLength) });
        return;
      }
    }
  }

  /** The body of a function: its statements, then a return that uses every top-level scalar. */
  body(list: readonly Stmt[], result: Expr, scope: Scope, recursive: boolean): void {
    const start = this.lines.length;
    const [p, q] = scope.scalars.map((v) => v.name);
    if (recursive) {
      const base = this.flavor === "probe" ? `__c(${q} <= 0) || __c(${q} > 6)` : `${q} <= 0 || ${q} > 6`;
      this.line(`if (${base}) return ${p};`);
    }
    this.block(list, scope);
    // Every top-level variable, the parameters included, so that most of the program's work reaches the result.
    const locals = scope.scalars.map((v) => v.name);
    const value = this.expr(result, scope);
    const first = recursive ? `h(${value.text}, ${q} - 1)` : this.wrap(value, P_ADD);
    this.line(`return ${[first, ...locals].join(" + ")};`);
    if (this.counter0) this.lines.splice(start, 0, `  let ${this.counter0} = 0;`);
  }

  /** s(u, q): a fold over the elements of u, each step r = 0.5 · r + step (an expression of x, q and r). */
  arrayFold(step: Expr): void {
    const start = this.lines.length;
    this.line("let r = q;");
    this.line("for (let i = 0; i < u.length; i++) {");
    this.nested(() => {
      this.line(`const x = ${this.element("u", "i")};`);
      const scope: Scope = { scalars: [{ name: "q", mutable: false }, { name: "r", mutable: true }, { name: "x", mutable: false }], arrays: [], loopVars: ["i"], inLoop: true, labels: [], topLevel: false, callable: [], arrayCall: false };
      this.line(`r = 0.5 * r + ${this.wrap(this.expr(step, scope), P_ADD + 1)};`);
    });
    this.line("}");
    this.line("return r;");
    if (this.counter0) this.lines.splice(start, 0, `  let ${this.counter0} = 0;`);
  }
}

function printFunction(flavor: Flavor, names: Program["names"], name: string, parameters: string[], wrt: readonly number[] | null, body: readonly Stmt[], result: Expr, callable: readonly string[], arrayCall: boolean, recursive = false, vectorCall = false): string {
  const printer = new Printer(flavor, names);
  // A recursive h counts down in q: nothing else may write it.
  const scope: Scope = { scalars: parameters.map((p, i) => ({ name: p, mutable: !(recursive && i === 1) })), arrays: [], loopVars: [], inLoop: false, labels: [], topLevel: true, callable, arrayCall, vectorCall };
  printer.body(body, result, scope, recursive);
  const params = parameters.map((p) => (flavor !== "probe" ? `${p}: number` : p)).join(", ");
  const header = flavor !== "probe"
    ? `/** @differentiable${wrt ? ` wrt(${wrt.map((i) => parameters[i]).join(", ")})` : ""} */\nexport function ${name}(${params}): number {`
    : `function ${name}(${params}) {`;
  return `${header}\n${printer.text()}\n}\n`;
}

/** Indices of the parameters f is differentiated with respect to, in wrt's order. */
export function wrtOf(p: Program): number[] {
  return p.wrt ? [...p.wrt] : [0, 1, 2];
}

/** The header printFunction prints for f in a plain program. */
const MAIN_HEADER = "export function f(a: number, b: number, c: number): number {";

/**
 * A plain program around f's body, for tests that rewrite f: the text before f's header, the header,
 * the body (up to f's closing brace) and the text after that brace; undefined without f.
 */
export function splitMain(source: string): { before: string; header: string; body: string; after: string } | undefined {
  const start = source.indexOf(MAIN_HEADER);
  if (start < 0) return undefined;
  const end = source.indexOf("\n}\n", start);
  return { before: source.slice(0, start), header: MAIN_HEADER, body: source.slice(start + MAIN_HEADER.length, end), after: source.slice(end + 2) };
}

/** The program's source: TypeScript ("plain") or the instrumented JavaScript ("probe"). */
export function renderProgram(p: Program, flavor: Flavor = "plain"): string {
  const g = p.second ? ["g"] : [];
  const arrays = p.arrayHelper !== null;
  const vectors = p.vectorHelper !== null;
  const main = printFunction(flavor, p.names, "f", ["a", "b", "c"], p.wrt && wrtOf(p), p.body, p.result, [...(p.helper ? ["h"] : []), ...g], arrays, false, vectors);
  const helpers = [
    ...(p.helper ? [printFunction(flavor, p.names, "h", ["p", "q"], null, p.helper.body, p.helper.result, g, arrays, p.helper.recursive, vectors)] : []),
    ...(p.vectorHelper ? [printVectorHelper(flavor, p.names, p.vectorHelper)] : []),
    ...(p.second ? [printFunction(flavor, p.names, "g", ["p", "q"], null, p.second.body, p.second.result, [], arrays)] : []),
    ...(p.arrayHelper ? [printArrayHelper(flavor, p.names, p.arrayHelper)] : []),
  ];
  return p.helperFirst ? [...helpers, main].join("\n") : [main, ...helpers].join("\n");
}

/** t(p: number, q: number): number[], the function returning an array that f and h may call. */
function printVectorHelper(flavor: Flavor, names: Program["names"], middle: Expr): string {
  const printer = new Printer(flavor, names);
  const scope: Scope = { scalars: [{ name: "p", mutable: false }, { name: "q", mutable: false }], arrays: [], loopVars: [], inLoop: false, labels: [], topLevel: true, callable: [], arrayCall: false };
  const value = printer.expr(middle, scope).text;
  const header = flavor !== "probe" ? "/** @differentiable */\nexport function t(p: number, q: number): number[] {" : "function t(p, q) {";
  // (A counter the expression bumps is declared first.)
  const counter = /\b(n\d+)\+\+ % 3/.exec(value)?.[1];
  return `${header}\n${counter ? `  let ${counter} = 0;\n` : ""}  return [p * q, ${value}, Math.sin(p + q)];\n}\n`;
}

/** s(u: number[], q: number), the function of an array that f, h and g may call. */
function printArrayHelper(flavor: Flavor, names: Program["names"], step: Expr): string {
  const printer = new Printer(flavor, names);
  printer.arrayFold(step);
  const header = flavor !== "probe" ? "/** @differentiable */\nexport function s(u: number[], q: number): number {" : "function s(u, q) {";
  return `${header}\n${printer.text()}\n}\n`;
}
