// How functions are marked, and what a build that cannot differentiate
// them leaves behind: a JSDoc tag on a variable holding a function marks
// it; @differentiable on anything but a method is reported where it stands;
// the transform consumes the decorators it understands, so the output runs
// on Node 20 at any target; a marked function that cannot be differentiated
// is still registered, with its diagnostics, which grad quotes; a tag that
// would be ignored (misspelt, or outside JSDoc) is reported; so is an array
// of derivatives changed in place, or a push whose value is used; a throw runs as written; and files the
// transform meets (.tsx, a bare return) never crash it.

import ts from "typescript";
import { describe, expect, test } from "vitest";
import { fc, test as prop } from "@fast-check/vitest";
import { dualtsTransformer, transformSource, transformToTypeScript } from "../dist/transformer/index.js";
import { grad, hessian } from "../src/index.js";
import { load } from "./support/program-run.js";

type Fn = (...args: number[]) => number;

describe("a JSDoc tag on a variable marks the function it holds", () => {
  const holders = fc.constantFrom(
    "export const sq = (x: number): number => x * x * Math.sin(x);",
    "export const sq = function (x: number): number { return x * x * Math.sin(x); };",
    "export const sq = ((x: number): number => x * x * Math.sin(x)) satisfies (x: number) => number;",
    "export let sq = (x: number): number => x * x * Math.sin(x);",
  );
  prop.prop([holders, fc.double({ min: -2, max: 2, noNaN: true })])("on every route", async (holder, x) => {
    const result = transformSource(`/** @differentiable */\n${holder}\n`, { fileName: "prog.ts" });
    expect(result.diagnostics).toEqual([]);
    const sq = (await load(result.code)).sq as Fn;
    const expected = 2 * x * Math.sin(x) + x * x * Math.cos(x);
    for (const g of [grad(sq)(x), grad(sq, { chunk: 1 })(x), grad(sq, { mode: "reverse" })(x)]) expect(g).toBeCloseTo(expected, 12);
  });

  test("a tag on a variable that holds no function written in place is reported", () => {
    expect(transformSource("/** @differentiable */\nexport const sq = Math.sqrt;\n", { fileName: "prog.ts" }).diagnostics.map((d) => d.code)).toEqual(["DUALTS1010"]);
  });

  test("a tag on the first signature of an overloaded function marks its implementation", async () => {
    const source =
      "/** @differentiable */\nexport function f(x: number): number;\nexport function f(x: number, y: number): number;\nexport function f(x: number, y = 2): number {\n  return x * y;\n}\n";
    const result = transformSource(source, { fileName: "prog.ts" });
    expect(result.diagnostics).toEqual([]);
    expect(grad((await load(result.code)).f)(3, 4)).toEqual([4, 3]);
  });
});

describe("@differentiable marks methods with a body", () => {
  const members = fc.constantFrom(
    ["@differentiable accessor weight = 1;", "an accessor field"],
    ["@differentiable weight = 1;", "a field"],
    ["@differentiable get weight(): number { return 1; }", "a getter"],
    ["@differentiable set weight(v: number) {}", "a setter"],
    ["@differentiable #energy(x: number): number { return x; }", "the private method #energy"],
  );
  prop.prop([members])("anything else is reported at the decorator, named in the user's words", ([member, what]) => {
    const source = `import { differentiable } from "dualts";\nexport class Model {\n  ${member}\n}\n`;
    const [diagnostic, ...others] = transformSource(source, { fileName: "prog.ts" }).diagnostics;
    expect(others).toEqual([]);
    expect(diagnostic.code).toBe("DUALTS1010");
    expect([diagnostic.line, diagnostic.column]).toEqual([3, 3]);
    expect(diagnostic.message).toContain(what);
  });

  test("decorators are consumed: at target esnext the output has none, and runs on Node 20", async () => {
    const source = `import { differentiable } from "dualts";\nexport class Spring {\n  constructor(readonly k: number) {}\n  @differentiable\n  energy(x: number): number { return 0.5 * this.k * x * x; }\n  @differentiable({ wrt: ["x"] })\n  static scaled(x: number, k: number): number { return x * k; }\n}\n`;
    const output = ts.transpileModule(source, {
      fileName: "spring.ts",
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ESNext },
      transformers: { before: [dualtsTransformer()] },
    }).outputText;
    expect(output).not.toMatch(/@differentiable|__esDecorate/);
    const { Spring } = (await load(output)) as unknown as { Spring: { new (k: number): { energy: Fn }; scaled: Fn } };
    expect(grad(new Spring(2).energy)(1.5)).toBe(3);
    expect(grad(new Spring(4).energy, { mode: "reverse" })(0.5)).toBe(2);
    expect(grad(Spring.scaled)(2, 7)).toBe(7);
  });
});

describe("a function that cannot be differentiated is registered with its diagnostics", () => {
  test("grad quotes them, file:line:column and all", async () => {
    const source = "function helper(x: number): number {\n  return x + 1;\n}\n/** @differentiable */\nexport function bad(x: number): number {\n  return helper(x) * x;\n}\n";
    const { code, diagnostics } = transformSource(source, { fileName: "model.ts" });
    expect(diagnostics.map((d) => d.code)).toEqual(["DUALTS1001"]);
    const bad = (await load(code)).bad;
    expect(bad(2)).toBe(6); // the function itself runs as written
    expect(() => grad(bad)(2)).toThrow(/model\.ts:6:10 - error DUALTS1001: helper\(…\) has no derivative/);
  });

  test("a caller of it inherits them", async () => {
    const source =
      "function helper(x: number): number {\n  return x + 1;\n}\n/** @differentiable */\nfunction bad(x: number): number {\n  return helper(x) * x;\n}\n/** @differentiable */\nexport function caller(x: number): number {\n  return bad(x) + x;\n}\n";
    const { code } = transformSource(source, { fileName: "model.ts" });
    const caller = (await load(code)).caller;
    expect(() => grad(caller)(2)).toThrow(/model\.ts:6:10 - error DUALTS1001/);
  });
});

describe("an array whose elements carry derivatives is not changed in place", () => {
  const methods = fc.constantFrom("reverse()", "sort()", "fill(0)", "splice(0, 1)", "shift()", "unshift(1)", "pop()", "copyWithin(0, 1)");
  const arrays = fc.constantFrom(["const w = [x * 2, x];", "w"], ["const w = xs.slice();", "w"], ["const w = [...xs];", "w"]);
  prop.prop([methods, arrays])("reverse, sort, fill, splice… are reported with the array and the method", (call, [declare, name]) => {
    const source = `/** @differentiable */\nexport function f(x: number, xs: number[]): number {\n  ${declare}\n  ${name}.${call};\n  return w[0] * x;\n}\n`;
    const diagnostics = transformSource(source, { fileName: "prog.ts" }).diagnostics;
    expect(diagnostics.map((d) => [d.code, d.line])).toEqual([["DUALTS1008", 4]]);
    expect(diagnostics[0].message).toContain(`changing the array '${name}' in place with .${call.slice(0, call.indexOf("("))}(…) is not supported in f`);
  });

  prop.prop([methods, fc.double({ min: -2, max: 2, noNaN: true })])("an array of data may be changed in place, and push is supported", async (call, x) => {
    const source = `/** @differentiable */\nexport function f(x: number): number {\n  const data = [3, 1, 2];\n  data.${call};\n  const w: number[] = [];\n  w.push(x * x);\n  return w[0] * data.length;\n}\n`;
    const result = transformSource(source, { fileName: "prog.ts" });
    expect(result.diagnostics).toEqual([]);
    const f = (await load(result.code)).f as Fn;
    const data = [3, 1, 2];
    (data as unknown as Record<string, (...a: number[]) => unknown>)[call.slice(0, call.indexOf("("))](...(JSON.parse(`[${call.slice(call.indexOf("(") + 1, -1)}]`) as number[]));
    expect(grad(f)(x)).toBeCloseTo(2 * x * data.length, 12);
  });
});

describe("a push onto an array of derivatives is a statement of its own", () => {
  // Inside another expression the value was pushed without its derivative: NaN forward, a throw or 0 in reverse.
  const uses = fc.constantFrom(
    "if (w.push(1) > 5) return 0;",
    "const n = w.push(x);",
    "const s = w[w.push(x * 2) - 1];",
    "const s = Math.sin(w.push(x));",
    "while (w.push(x) < 4) x = x * 0.5;",
    "for (let i = 0; i < 2; i++, w.push(x)) x = x * 0.5;",
    "for (let i = 0; i < 2; w.push(x)) i++;",
    "(w.push(x), 0);",
    "const s = w.push(x) > 2 ? x : 1;",
  );
  const arrays = fc.constantFrom("const w = xs.slice();", "const w = [x];", "const w: number[] = [];");
  prop.prop([uses, arrays])("its value used anywhere else is reported where it stands, with the fix", (use, declare) => {
    const source = `/** @differentiable */\nexport function f(x: number, xs: number[]): number {\n  ${declare}\n  ${use}\n  w.push(x * x);\n  return w[w.length - 1];\n}\n`;
    const diagnostics = transformSource(source, { fileName: "prog.ts" }).diagnostics;
    // (A loop header that computes with x is reported as well.)
    const push = diagnostics.filter((d) => d.message.includes("w.push"));
    expect(push.map((d) => [d.code, d.line, d.column])).toEqual([["DUALTS1008", 4, 3 + use.indexOf("w.push")]]);
    expect(diagnostics.every((d) => d.line === 4)).toBe(true);
    expect(push[0].message).toContain("f uses the value of 'w.push(…)' (the new length) inside another expression; the elements of 'w' carry derivatives");
    expect(push[0].message).toContain("write 'w.push(…);' on its own line and read 'w.length' after it");
  });

  prop.prop([fc.double({ min: 0.1, max: 2, noNaN: true })])("onto an array of data it may be used", async (x) => {
    const source = "/** @differentiable */\nexport function f(x: number): number {\n  const data: number[] = [];\n  if (data.push(x > 1 ? 1 : 2) > 0) return x * x * data[0];\n  return x;\n}\n";
    const result = transformSource(source, { fileName: "prog.ts" });
    expect(result.diagnostics).toEqual([]);
    const f = (await load(result.code)).f as Fn;
    const pushed = x > 1 ? 1 : 2;
    for (const g of [grad(f)(x), grad(f, { mode: "reverse" })(x)]) expect(g).toBeCloseTo(2 * x * pushed, 12);
    expect(hessian(f)(x)[0][0]).toBeCloseTo(2 * pushed, 12);
  });
});

describe("throw", () => {
  test("a throw runs as written in every form, its message from the numbers", async () => {
    const source = '/** @differentiable */\nexport function f(x: number): number {\n  if (x < 0) throw new RangeError("f needs x ≥ 0, not " + x);\n  return Math.sqrt(x) * x;\n}\n';
    const result = transformSource(source, { fileName: "prog.ts" });
    expect(result.diagnostics).toEqual([]);
    const f = (await load(result.code)).f as Fn;
    const routes = [grad(f), grad(f, { chunk: 1 }), grad(f, { mode: "reverse" }), (x: number) => hessian(f)(x)[0][0]];
    for (const route of routes) expect(() => route(-4)).toThrow(new RangeError("f needs x ≥ 0, not -4"));
    expect(routes.map((route) => route(4))).toEqual([3, 3, 3, 0.375]);
  });
});

describe("files the transform meets", () => {
  test("JSX in a .tsx file: kept for the bundler, and reported where it holds a differentiated value", () => {
    const beside = '/** @differentiable */\nexport function f(x: number): number { return x * x; }\nexport const View = () => <b className="a">{f(2)}</b>;\n';
    for (const transform of [transformSource, transformToTypeScript]) {
      const result = transform(beside, { fileName: "view.tsx" });
      expect(result.diagnostics).toEqual([]);
      expect(result.code).toContain('<b className="a">{f(2)}</b>');
    }
    const inside = "/** @differentiable */\nexport function f(x: number): number { const el = <b>{x}</b>; return x * x; }\n";
    expect(transformSource(inside, { fileName: "view.tsx" }).diagnostics.map((d) => d.code)).toEqual(["DUALTS1008"]);
  });

  test("a bare return in a function of a number is reported, not an internal error", () => {
    const result = transformSource("/** @differentiable */\nexport function f(x: number): number {\n  if (x > 1) return;\n  return x * x;\n}\n", { fileName: "prog.ts" });
    expect(result.diagnostics.map((d) => d.code)).toEqual(["DUALTS1006"]);
  });
});

describe("a tag dualts would otherwise ignore is reported", () => {
  /** "differentiable" with one to three letters changed, added or dropped (not the first). */
  const misspelt = fc
    .array(fc.tuple(fc.constantFrom("change", "add", "drop"), fc.integer({ min: 1, max: 13 }), fc.constantFrom(..."abeilt")), { minLength: 1, maxLength: 3 })
    .map((edits) =>
      edits.reduce((word, [edit, at, letter]) => (edit === "drop" ? word.slice(0, at) + word.slice(at + 1) : word.slice(0, at) + letter + word.slice(edit === "add" ? at : at + 1)), "differentiable"),
    )
    .filter((word) => word !== "differentiable");
  const comments = fc.constantFrom(
    (tag: string) => `/** ${tag} */`,
    (tag: string) => `/**\n * Energy.\n * ${tag}\n */`,
    (tag: string) => `// ${tag}`,
    (tag: string) => `/* ${tag} */`,
  );
  const declarations = fc.constantFrom("export function f(x: number): number { return x * x; }", "export const f = (x: number): number => x * x;");

  prop.prop([misspelt, comments, declarations])("a misspelt tag, in any comment: did you mean @differentiable?", (word, comment, declaration) => {
    const [diagnostic, ...others] = transformSource(`${comment(`@${word}`)}\n${declaration}\n`, { fileName: "prog.ts" }).diagnostics;
    expect(others).toEqual([]);
    expect(diagnostic.code).toBe("DUALTS1010");
    expect(diagnostic.message).toBe(`'@${word}' is not a tag dualts knows: did you mean @differentiable?`);
  });

  prop.prop([fc.constantFrom("// @differentiable", "/* @differentiable */", "// @differentiable wrt(x)", "/*\n * @differentiable nansafe\n */"), declarations])(
    "the tag alone in a comment that is not JSDoc: write /** @differentiable */",
    (comment, declaration) => {
      const diagnostics = transformSource(`${comment}\n${declaration}\n`, { fileName: "prog.ts" }).diagnostics;
      expect(diagnostics.map((d) => [d.code, d.message])).toEqual([["DUALTS1010", "the tag is read only in a JSDoc comment: write /** @differentiable */"]]);
    },
  );

  test("prose that mentions the tag, and other tags, are left alone", () => {
    for (const comment of ["// @differentiable is what the model file uses", "/** @deprecated */", "/** @default 2 */", "/* see @differentiable(info) */"]) {
      const result = transformSource(`${comment}\nexport function f(x: number): number { return x * x; }\n`, { fileName: "prog.ts" });
      expect(result.diagnostics, comment).toEqual([]);
    }
  });
});

describe("messages a user reads without the README", () => {
  const cases: [string, RegExp][] = [
    [
      "/** @differentiable wrt(x) */\nexport function f(x: number, state: { count: number }): number { state.count = 1; return x * x; }",
      /writes to 'state\.count', a property of its parameter 'state'.*change 'state' outside f$/,
    ],
    [
      "/** @differentiable */\nexport function f(values: number[]): number { let s = 0; for (const i in values) s += values[i]; return s; }",
      /a for…in loop .*for \(let i = 0; i < values\.length; i\+\+\)/,
    ],
    ["/** @differentiable */\nexport function f(values: number[]): number { const c = Array.prototype.slice.call(values); return c[0]; }", /write values\.slice\(\)/],
    [
      "/** @differentiable wrt(x) */\nexport function f(x: number, g: (v: number) => number): number { return g(x); }",
      /'g' is a parameter, a function passed in, which dualts cannot differentiate through yet/,
    ],
    ["/** @differentiable */\nexport function f(x: number): number { return Math.fround(x); }", /no derivative rule for Math\.fround/],
    [
      '/** @differentiable wrt(x) */\nexport function f(x: number, m: Map<string, number>): number { m.set("a", x); return x; }',
      /^m\.set\(…\) has no derivative.*call a @differentiable function or a Math function instead/,
    ],
    [
      "let sqrt = Math.sqrt;\n/** @differentiable */\nexport function f(x: number): number { return sqrt(x); }",
      /'sqrt' is an alias of Math's sqrt declared with let or var, which may change; declare it with const/,
    ],
    [
      "/** @differentiable */\nexport function f(xs: number[]): number { xs = xs.slice(); xs[0] = 1; return xs[0] * xs[1]; }",
      /writes into its parameter 'xs'; copy it into a local array first under a new name \(assigning the copy to 'xs' itself is not enough\)/,
    ],
  ];
  test.each(cases)("%s", (source, message) => {
    const [diagnostic, ...others] = transformSource(source, { fileName: "prog.ts" }).diagnostics;
    expect(others).toEqual([]);
    expect(diagnostic.message).toMatch(message);
  });
});
