// Prints the statements and functions of program-generator.ts's programs,
// on program-expressions.ts's printer of expressions: as the TypeScript a
// user writes (marked @differentiable, typed; "checked" with `!` on element
// reads), or as the instrumented JavaScript "probe" of the same program (see
// program-expressions.ts). renderProgram prints a whole program.

import type { Expr, Program, Stmt } from "./program-generator.js";
import { ExpressionPrinter, P_ADD, P_MUL, type Flavor, type Scope } from "./program-expressions.js";

export type { Flavor } from "./program-expressions.js";

class Printer extends ExpressionPrinter {
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
        const arr = this.pick(
          scope.arrays.filter((a) => a.fixed),
          s.arr,
        );
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
        const arr = this.pick(
          scope.arrays.filter((a) => a.growable),
          s.arr,
        );
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
        const b = this.pick(
          scope.arrays.filter((x) => x.fixed === a?.fixed),
          s.b,
        );
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
      // (Written so that a NaN q ends the recursion too: q <= 0 would be false for it, and h would recurse forever.)
      const base = this.flavor === "probe" ? `!__c(${q} > 0) || __c(${q} > 6)` : `!(${q} > 0) || ${q} > 6`;
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
      const scope: Scope = {
        scalars: [
          { name: "q", mutable: false },
          { name: "r", mutable: true },
          { name: "x", mutable: false },
        ],
        arrays: [],
        loopVars: ["i"],
        inLoop: true,
        labels: [],
        topLevel: false,
        callable: [],
        arrayCall: false,
      };
      this.line(`r = 0.5 * r + ${this.wrap(this.expr(step, scope), P_ADD + 1)};`);
    });
    this.line("}");
    this.line("return r;");
    if (this.counter0) this.lines.splice(start, 0, `  let ${this.counter0} = 0;`);
  }
}

function printFunction(
  flavor: Flavor,
  names: Program["names"],
  name: string,
  parameters: string[],
  wrt: readonly number[] | null,
  body: readonly Stmt[],
  result: Expr,
  callable: readonly string[],
  arrayCall: boolean,
  recursive = false,
  vectorCall = false,
): string {
  const printer = new Printer(flavor, names);
  // A recursive h counts down in q: nothing else may write it.
  const scope: Scope = {
    scalars: parameters.map((p, i) => ({ name: p, mutable: !(recursive && i === 1) })),
    arrays: [],
    loopVars: [],
    inLoop: false,
    labels: [],
    topLevel: true,
    callable,
    arrayCall,
    vectorCall,
  };
  printer.body(body, result, scope, recursive);
  const params = parameters.map((p) => (flavor !== "probe" ? `${p}: number` : p)).join(", ");
  const header =
    flavor !== "probe" ? `/** @differentiable${wrt ? ` wrt(${wrt.map((i) => parameters[i]).join(", ")})` : ""} */\nexport function ${name}(${params}): number {` : `function ${name}(${params}) {`;
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
  const scope: Scope = {
    scalars: [
      { name: "p", mutable: false },
      { name: "q", mutable: false },
    ],
    arrays: [],
    loopVars: [],
    inLoop: false,
    labels: [],
    topLevel: true,
    callable: [],
    arrayCall: false,
  };
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
