// Rewrites that carry a random program (program-generator.ts) to the edge of
// the transform's subset and beyond, without changing what it computes:
// destructuring, the comma operator, arrow functions called in place, type
// assertions, `??`, blocks, labelled blocks, `if (true)`, `do … while
// (false)`, try/finally, writes through another name for an array, forEach
// with a closure, Array.of and Array.from, copies of arrays (declared or
// passed), a push's value in a condition, an index that reads the value it
// writes, and more. Each turns one line of the printed TypeScript into
// another that gives the same values, bit for bit; and f's work may move
// into a function of one array parameter that f calls with [a, b, c]
// (withArrayParameter), which the random programs otherwise never have; and some are compiled NaN-safe. So
// the probe of the unrewritten program (program-check.ts) still tells which
// way every branch went — and checkSource checks that the values did not
// change.
//
// The transform must answer each rewritten program with a located diagnostic
// or with derivatives that agree on every route with finite differences of
// the rewritten source: never a crash, never a module that does not load, and
// never a derivative that is silently wrong. Hand-found cases of the same
// kind live in constructs.test.ts; this finds them at random.

import { fc } from "@fast-check/vitest";
import { program, type Program } from "./program-generator.js";
import { renderProgram, splitMain } from "./program-printer.js";

const NAME = String.raw`[A-Za-z_$][\w$]*`;
const DECLARATION = new RegExp(String.raw`^(\s*)(const|let|var) (${NAME})(?:: number)? = (.+);$`);
const ASSIGNMENT = new RegExp(String.raw`^(\s*)(${NAME}) (=|\+=|-=|\*=|\/=|%=|\*\*=) (.+);$`);
const ELEMENT_WRITE = new RegExp(String.raw`^(\s*)(${NAME})\[(.+?)\] (=|\+=|-=|\*=|\/=) (.+);$`);
const RETURN = /^(\s*)((?:if \(.*\) )?)return (.+);$/;
const SUM_OF = new RegExp(String.raw`^(\s*)for \(const (${NAME}) of (${NAME})\) (${NAME}) \+= \2;$`);
const FILL = new RegExp(String.raw`^(\s*)const (${NAME}) = new Array\(3\)\.fill\(0\);$`);
const LITERAL = new RegExp(String.raw`^(\s*)const (${NAME}) = \[(.+)\];$`);
/** The first element read by name (v2[…]), and the first by a constant index (v2[1]). */
const ELEMENT_READ = new RegExp(String.raw`(\b${NAME})\[`);
const CONSTANT_READ = new RegExp(String.raw`(\b${NAME})\[(\d)\]`);
const LOOP_HEADER = new RegExp(String.raw`for \(let (${NAME}) = 0; \1 < [^;]+; \1\+\+\)`);
const WHILE = /^(\s*)while \((.+)\) \{$/;
const PUSH = new RegExp(String.raw`^(\s*)(${NAME})\.push\((.+)\);$`);
const HELPER_CALL = new RegExp(String.raw`(^|[^\w$.])s\((${NAME}), `);
const FLOAT64 = new RegExp(String.raw`^(\s*)const (${NAME}) = new Float64Array\(3\);$`);

/** A statement on one line that can be wrapped: not a declaration (its scope would shrink), not a block's end. */
const wrappable = (line: string) => {
  const t = line.trim();
  return t.endsWith(";") && !t.startsWith("}") && !/^(const|let|var) /.test(t);
};
const jumps = (line: string) => /\b(break|continue)\b/.test(line);
const indentOf = (line: string) => /^\s*/.exec(line)![0];

/** An array's creation, however wrapped: [ … ] (a [ after no name or bracket), new Array(3), new Float64Array(3), Array.of(…), Array.from(…). */
const ARRAY_VALUE = /new (Array|Float64Array)\(|Array\.(of|from)\(|(^|[^\w$\])])\[/;

/**
 * A value that is or may be an array: one made in place (ARRAY_VALUE), one t(p, q) returns
 * (program-generator.ts), or a name or a choice between two names (c ? v : w), which may name arrays.
 */
const isArrayValue = (e: string) => ARRAY_VALUE.test(e) || /(^|[^\w$.])t\(/.test(e) || new RegExp(String.raw`(^|\? ${NAME} : )${NAME}$`).test(e);

/** The value of a declaration, an assignment or a return, rewritten by `value`; with `numbers`, not an array's. */
function valueRewrite(value: (e: string) => string, numbers = false) {
  return (line: string): string | undefined => {
    let m = DECLARATION.exec(line);
    if (m && numbers && isArrayValue(m[4])) return undefined;
    if (m) return `${m[1]}${m[2]} ${m[3]} = ${value(m[4])};`;
    m = ASSIGNMENT.exec(line);
    if (m && !["**=", "%=", "/="].includes(m[3])) return `${m[1]}${m[2]} ${m[3]} ${value(m[4])};`;
    m = RETURN.exec(line);
    if (m && numbers && isArrayValue(m[3])) return undefined;
    if (m) return `${m[1]}${m[2]}return ${value(m[3])};`;
    return undefined;
  };
}

/** The statement on this line, wrapped as `before statement after`. */
const wrapRewrite =
  (before: string, after: string, allowJumps = true) =>
  (line: string): string | undefined =>
    wrappable(line) && (allowJumps || !jumps(line)) ? `${indentOf(line)}${before}${line.trim()}${after}` : undefined;

export const rewrites = {
  destructuredDeclaration: (line: string) => {
    const m = DECLARATION.exec(line);
    return m ? `${m[1]}${m[2]} [${m[3]}] = [${m[4]}];` : undefined;
  },
  objectDestructuring: (line: string) => {
    const m = DECLARATION.exec(line);
    return m ? `${m[1]}${m[2]} { v: ${m[3]} } = { v: ${m[4]} };` : undefined;
  },
  destructuredAssignment: (line: string) => {
    const m = ASSIGNMENT.exec(line);
    return m && m[3] === "=" ? `${m[1]}[${m[2]}] = [${m[4]}];` : undefined;
  },
  compoundSpelledOut: (line: string) => {
    const m = ASSIGNMENT.exec(line);
    return m && m[3] !== "=" ? `${m[1]}${m[2]} = ${m[2]} ${m[3].slice(0, -1)} (${m[4]});` : undefined;
  },
  comma: valueRewrite((e) => `(0, ${e})`),
  arrowApplied: valueRewrite((e) => `((t: number) => t)(${e})`),
  arrowClosure: valueRewrite((e) => `(() => ${e})()`),
  asNumber: valueRewrite((e) => `(${e}) as number`),
  nonNull: valueRewrite((e) => `(${e})!`),
  nullish: valueRewrite((e) => `((${e}) ?? 0)`),
  numberCall: valueRewrite((e) => `Number(${e})`, true),
  doubleNegation: valueRewrite((e) => `-(-(${e}))`, true),
  timesOne: valueRewrite((e) => `(${e}) * 1`, true),
  powerOne: valueRewrite((e) => `(${e}) ** 1`, true),
  singleMax: valueRewrite((e) => `Math.max(${e})`, true),
  splitDeclaration: (line: string) => {
    const m = DECLARATION.exec(line);
    return m && m[2] !== "const" && !ARRAY_VALUE.test(m[4]) ? `${m[1]}${m[2]} ${m[3]}: number;\n${m[1]}${m[3]} = ${m[4]};` : undefined;
  },
  letForConst: (line: string) => {
    const m = DECLARATION.exec(line);
    return m && m[2] === "const" ? line.replace("const ", "let ") : undefined;
  },
  varForLet: (line: string) => {
    const m = DECLARATION.exec(line);
    return m && m[2] === "let" ? line.replace("let ", "var ") : undefined;
  },
  returnThroughConstant: (line: string) => {
    const m = RETURN.exec(line);
    return m ? `${m[1]}${m[2]}{ const result = ${m[3]}; return result; }` : undefined;
  },
  loopStep: (line: string) => {
    const m = LOOP_HEADER.exec(line);
    return m ? line.replace(`; ${m[1]}++)`, `; ${m[1]} += 1)`) : undefined;
  },
  whileAsFor: (line: string) => {
    const m = WHILE.exec(line);
    return m ? `${m[1]}for (; ${m[2]}; ) {` : undefined;
  },
  satisfiesNumber: valueRewrite((e) => `(${e}) satisfies number`, true),
  angleAssertion: valueRewrite((e) => `<number>(${e})`, true),
  optionalElementRead: valueRewrite((e) => e.replace(ELEMENT_READ, "$1?.["), true),
  elementReadAt: valueRewrite((e) => e.replace(CONSTANT_READ, "$1.at($2)"), true),
  forOfLet: (line: string) => (SUM_OF.test(line) ? line.replace("for (const ", "for (let ") : undefined),
  negatedIf: (line: string) => {
    const m = /^(\s*)if \((.*)\) return (.+);$/.exec(line);
    return m ? `${m[1]}if (!(${m[2]})) { } else return ${m[3]};` : undefined;
  },
  whileTrueOnce: wrapRewrite("while (true) { ", " break; }", false),
  parenthesizedTarget: (line: string) => {
    const m = ASSIGNMENT.exec(line);
    return m ? `${m[1]}(${m[2]}) ${m[3]} ${m[4]};` : undefined;
  },
  spreadCopy: (line: string) => {
    const m = DECLARATION.exec(line);
    return m && ARRAY_VALUE.test(m[4]) ? `${m[1]}${m[2]} ${m[3]}Source = ${m[4]};\n${m[1]}${m[2]} ${m[3]} = [...${m[3]}Source];` : undefined;
  },
  sliceCopy: (line: string) => {
    const m = DECLARATION.exec(line);
    return m && ARRAY_VALUE.test(m[4]) ? `${m[1]}${m[2]} ${m[3]}Source = ${m[4]};\n${m[1]}${m[2]} ${m[3]} = ${m[3]}Source.slice();` : undefined;
  },
  // A push's value, the new length, read in a condition: reported where the array carries derivatives.
  pushInCondition: (line: string) => {
    const m = PUSH.exec(line);
    return m ? `${m[1]}if (${m[2]}.push(${m[3]}) < 0) { }` : undefined;
  },
  // An index that reads the value written (never above Infinity: the same element; no side effect is repeated).
  indexReadsValue: (line: string) => {
    const m = ELEMENT_WRITE.exec(line);
    return m && !/\+\+|--|\(/.test(m[5]) ? `${m[1]}${m[2]}[${m[5]} > Infinity ? 0 : ${m[3]}] ${m[4]} ${m[5]};` : undefined;
  },
  // A copy passed to the helper of an array, which only reads it.
  copyArgument: (line: string) =>
    HELPER_CALL.test(line) ? line.replace(HELPER_CALL, (_, before: string, name: string) => `${before}s(${name.length % 2 ? `[...${name}]` : `${name}.slice()`}, `) : undefined,
  block: wrapRewrite("{ ", " }"),
  labelledBlock: (line: string) => wrapRewrite(`edge${(line.match(/\bedge\d*:/g) ?? []).length}: { `, " }")(line),
  ifTrue: wrapRewrite("if (true) { ", " }"),
  doOnce: wrapRewrite("do { ", " } while (false);", false),
  tryFinally: wrapRewrite("try { ", " } finally { }"),
  elementThroughAlias: (line: string) => {
    const m = ELEMENT_WRITE.exec(line);
    return m ? `${m[1]}{ const alias = ${m[2]}; alias[${m[3]}] ${m[4]} ${m[5]}; }` : undefined;
  },
  forEachClosure: (line: string) => {
    const m = SUM_OF.exec(line);
    return m ? `${m[1]}${m[3]}.forEach((${m[2]}) => { ${m[4]} += ${m[2]}; });` : undefined;
  },
  arrayFactories: (line: string) => {
    let m = FILL.exec(line);
    if (m) return `${m[1]}const ${m[2]} = Array.from({ length: 3 }, () => 0);`;
    m = LITERAL.exec(line);
    if (m) return `${m[1]}const ${m[2]} = Array.of(${m[3]});`;
    m = FLOAT64.exec(line);
    return m ? `${m[1]}const ${m[2]} = new Float64Array([0, 0, 0]);` : undefined;
  },
} satisfies Record<string, (line: string) => string | undefined>;

export type RewriteKind = keyof typeof rewrites;

export interface Rewrite {
  readonly kind: RewriteKind;
  /** Which of the lines the rewrite applies to (counted modulo their number). */
  readonly at: number;
}

// A rewrite that writes more than one statement puts each on a line of its own: the patterns above
// match one statement, so later rewrites leave such lines alone.

/** The source with each rewrite applied in turn to one line it applies to (a rewrite that applies nowhere is skipped). */
export function applyRewrites(source: string, list: readonly Rewrite[]): { source: string; applied: RewriteKind[] } {
  const lines = source.split("\n");
  const applied: RewriteKind[] = [];
  for (const { kind, at } of list) {
    const candidates = lines.flatMap((line, i) => (rewrites[kind](line) === undefined ? [] : [i]));
    if (candidates.length === 0) continue;
    const i = candidates[at % candidates.length];
    lines[i] = rewrites[kind](lines[i])!;
    applied.push(kind);
  }
  return { source: lines.join("\n"), applied };
}

/**
 * f's work moved into a function of one array parameter, which f calls with [a, b, c]: reading the
 * numbers into locals first ("locals": let a = abc[0], …), or as abc[0], abc[1], abc[2] throughout
 * ("direct", where a program's writes to a parameter become writes into its array: DUALTS1012);
 * or ("data") as locals, with a second parameter, a Float64Array of data that f passes in and the
 * function is not differentiated with respect to, holding the constants 0.5 and 1.5 its body reads
 * in their place.
 */
export type ArrayParameter = "none" | "locals" | "direct" | "data";

export function withArrayParameter(source: string, mode: ArrayParameter): string {
  const main = splitMain(source);
  if (mode === "none" || !main) return source;
  const { before, header, body, after } = main;
  const locals = "\n  let a = abc[0];\n  let b = abc[1];\n  let c = abc[2];";
  const inner =
    mode === "direct"
      ? body.replace(/\b[abc]\b/g, (name) => `abc[${"abc".indexOf(name)}]`)
      : mode === "data"
        ? `${locals}${body.replace(/(?<![\w.$])(0\.5|1\.5)(?![\w.])/g, (constant) => `data[${constant === "0.5" ? 0 : 1}]`)}`
        : `${locals}${body}`;
  const [call, parameters, marker] =
    mode === "data"
      ? ["const data = new Float64Array([0.5, 1.5]);\n  return fOfArray(abc, data);", "abc: number[], data: Float64Array", "@differentiable wrt(abc)"]
      : ["return fOfArray(abc);", "abc: number[]", "@differentiable"];
  const wrapper = `${header}\n  const abc = [a, b, c];\n  ${call}\n}`;
  const ofArray = `/** ${marker} */\nfunction fOfArray(${parameters}): number {${inner}\n}`;
  return `${before}${wrapper}\n\n${ofArray}${after}`;
}

export interface NearProgram {
  readonly program: Program;
  readonly rewrites: readonly Rewrite[];
  readonly arrayParameter: ArrayParameter;
  /** Every function marked `@differentiable nansafe`: the same derivatives wherever no 0 · ∞ arises. */
  readonly nanSafe: boolean;
}

/** The near program's TypeScript: the program printed, its rewrites applied, its work moved into a function of an array if so chosen. */
export function nearSource(near: NearProgram): string {
  const source = withArrayParameter(applyRewrites(renderProgram(near.program), near.rewrites).source, near.arrayParameter);
  return near.nanSafe ? source.replace(/\/\*\* @differentiable/g, "/** @differentiable nansafe") : source;
}

const rewrite: fc.Arbitrary<Rewrite> = fc.record({
  kind: fc.constantFrom(...(Object.keys(rewrites) as RewriteKind[])),
  at: fc.nat({ max: 20 }),
});

export const nearProgram: fc.Arbitrary<NearProgram> = fc.record({
  program,
  rewrites: fc.array(rewrite, { minLength: 0, maxLength: 3 }),
  arrayParameter: fc.constantFrom<ArrayParameter>("none", "none", "locals", "direct", "data"),
  nanSafe: fc.constantFrom(false, false, false, true),
});
