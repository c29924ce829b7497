// Stage 1: find the functions marked differentiable, and what `wrt` says.
//
//   /** @differentiable wrt(w0, w1) */ function loss(…) { … }      a JSDoc tag
//   /** @differentiable */ const sq = (x: number) => x * x;       a JSDoc tag on a variable
//   const sq = differentiable((x: number) => x * x);              a call
//   const sq = differentiable((x, k) => x * k, { wrt: ["x"] });   a call with options
//   class M { @differentiable energy(x: number) { … } }           a decorator
//
// The JSDoc tag is read from the comment text itself, so it is seen whether
// or not the compiler parsed JSDoc (tsc skips most tags unless asked).

import ts = require("typescript");
import { codes, type DiagnosticSink } from "./diagnostics.js";
import { isDualts } from "./markers.js";

export type DifferentiableFunction = ts.FunctionDeclaration | ts.FunctionExpression | ts.ArrowFunction | ts.MethodDeclaration;

export interface MarkedFunction {
  readonly node: DifferentiableFunction;
  readonly kind: "declaration" | "variable" | "call" | "method";
  /** The name generated code is named after: the function's, the variable's, or the method's. */
  readonly name: string;
  /** The marker: the declaration (JSDoc), the variable statement (JSDoc), the differentiable(…) call, or the decorator. */
  readonly marker: ts.Node;
  /** Parameter indices selected by wrt, or undefined for the default. */
  readonly wrt?: number[];
  /** Parameters taken out of the default by noDerivative(…). */
  readonly exclude?: number[];
  /** `@differentiable nansafe`: a zero tangent stays zero through an infinite partial. */
  readonly nanSafe?: boolean;
}

/** dualts' `differentiable`, imported from the package (markers.ts), not any function of that name. */
function isMarkerCallee(e: ts.Expression): boolean {
  return isDualts(e, "differentiable");
}

interface Tag {
  /** What follows @differentiable on its line, e.g. "wrt(w0, w1)". */
  readonly text: string;
  /** Where "@differentiable" stands in the file, for diagnostics. */
  readonly start: number;
}

/** The `@differentiable …` line of the JSDoc comment right before a node, if any. */
function jsDocTag(node: ts.Node, sf: ts.SourceFile): Tag | undefined {
  // A comment on the same line as the previous token (`case 1: /** @differentiable */ function …`) counts as its trailing comment.
  const start = node.getFullStart();
  const ranges = [...(ts.getTrailingCommentRanges(sf.text, start) ?? []), ...(ts.getLeadingCommentRanges(sf.text, start) ?? [])];
  for (const range of ranges) {
    const text = sf.text.slice(range.pos, range.end);
    if (!text.startsWith("/**")) continue;
    // The tag must open a line of the comment; a mention inside prose does not count.
    const match = /^\s*(?:\/\*\*)?\s*\*?\s*@differentiable\b(.*?)(?:\*\/)?\s*$/m.exec(text);
    if (match) return { text: match[1].trim(), start: range.pos + match.index + match[0].indexOf("@") };
  }
  return undefined;
}

/** Edit distance, for a tag written almost right. */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length];
}

/**
 * A tag meant as @differentiable that would be ignored without a word: in a comment that is not a
 * JSDoc comment (// or /* … *\/), or misspelt (@differentible). Where and what to write instead.
 */
function almostTag(node: ts.Node, sf: ts.SourceFile): { start: number; length: number; fix: string } | undefined {
  const start = node.getFullStart();
  for (const range of ts.getLeadingCommentRanges(sf.text, start) ?? []) {
    const text = sf.text.slice(range.pos, range.end);
    // A tag opens a line of the comment (a mention in prose does not count).
    for (const m of text.matchAll(/^([ \t]*(?:\/\/+|\/\*+)?[ \t]*\*?[ \t]*)@([A-Za-z]+)/gm)) {
      const at = range.pos + m.index! + m[1].length;
      const word = m[2];
      // (In a plain comment, only a line that is the tag alone: `// @differentiable(info) on …` is prose.)
      const alone = /^[ \t]*(?:\/\/+|\/\*+)?[ \t]*\*?[ \t]*@differentiable(?:[ \t]+(?:wrt|noDerivative)\([^)]*\)|[ \t]+nansafe)*[ \t]*(?:\*\/)?[ \t]*$/.test(
        text.slice(m.index!, text.indexOf("\n", m.index!) < 0 ? undefined : text.indexOf("\n", m.index!)),
      );
      if (word === "differentiable" && !text.startsWith("/**") && alone) return { start: at, length: word.length + 1, fix: "the tag is read only in a JSDoc comment: write /** @differentiable */" };
      if (word !== "differentiable" && word.toLowerCase().startsWith("d") && distance(word.toLowerCase(), "differentiable") <= 3) {
        return { start: at, length: word.length + 1, fix: `'@${word}' is not a tag dualts knows: did you mean @differentiable?` };
      }
    }
  }
  return undefined;
}

function parameterNames(fn: DifferentiableFunction): (string | undefined)[] {
  return fn.parameters.map((p) => (ts.isIdentifier(p.name) ? p.name.text : undefined));
}

/** Where a diagnostic about a marker goes: a node, or a span of a comment. */
type Place = ts.Node | { readonly start: number; readonly length: number };

function reportAt(sink: DiagnosticSink, code: Parameters<DiagnosticSink["report"]>[0], where: Place, message: string): void {
  if ("kind" in where) sink.report(code, where, message);
  else sink.reportAt(code, where.start, where.length, message);
}

/** Resolves wrt names to parameter indices, reporting names that are not parameters. */
function resolveWrt(names: readonly string[], fn: DifferentiableFunction, where: Place, sink: DiagnosticSink, fnName: string): number[] | undefined {
  const params = parameterNames(fn);
  const indices: number[] = [];
  for (const name of names) {
    const index = params.indexOf(name);
    if (index < 0) {
      reportAt(sink, codes.wrtMissing, where, `wrt names '${name}', which is not a parameter of ${fnName}(${params.map((p) => p ?? "…").join(", ")}); list only its parameters`);
      return undefined;
    }
    indices.push(index);
  }
  return indices;
}

/**
 * `wrt(a, b)` selects the differentiable parameters; `noDerivative(n)` removes
 * some from the default (Swift's @noDerivative). Undefined: the default.
 */
function wrtFromTag(tag: Tag, fn: DifferentiableFunction, sink: DiagnosticSink, fnName: string): { wrt?: number[]; exclude?: number[]; nanSafe?: boolean } | null {
  if (tag.text === "") return {};
  const where = { start: tag.start, length: "@differentiable".length + 1 + tag.text.length };
  const clauses = [...tag.text.matchAll(/(wrt|noDerivative)\s*\(([^)]*)\)/g)];
  const rest = tag.text
    .replace(/(wrt|noDerivative)\s*\(([^)]*)\)/g, "")
    .replace(/\bnansafe\b/, "")
    .trim();
  if (rest !== "") {
    reportAt(
      sink,
      codes.badMarker,
      where,
      `cannot read '@differentiable ${tag.text}': write '@differentiable', '@differentiable wrt(a, b)', '@differentiable noDerivative(n)' or '@differentiable nansafe'`,
    );
    return null;
  }
  const result: { wrt?: number[]; exclude?: number[]; nanSafe?: boolean } = /\bnansafe\b/.test(tag.text) ? { nanSafe: true } : {};
  for (const [, kind, list] of clauses) {
    const names = list
      .split(",")
      .map((s) => s.trim())
      .filter((s) => s.length > 0);
    const indices = resolveWrt(names, fn, where, sink, fnName);
    if (!indices) return null;
    if (kind === "wrt") result.wrt = indices;
    else result.exclude = indices;
  }
  return result;
}

/** `{ wrt: ["x", "y"] }` written as a literal; anything else is reported. */
function wrtFromOptions(options: ts.Expression | undefined, fn: DifferentiableFunction, sink: DiagnosticSink, fnName: string): number[] | undefined | null {
  if (options === undefined) return undefined;
  const wrt = ts.isObjectLiteralExpression(options) ? options.properties.find((p): p is ts.PropertyAssignment => ts.isPropertyAssignment(p) && p.name.getText() === "wrt") : undefined;
  const list = wrt?.initializer;
  if (!list || !ts.isArrayLiteralExpression(list) || !list.elements.every(ts.isStringLiteral)) {
    sink.report(codes.badMarker, options, `the options of differentiable(…) must be written as { wrt: ["name", …] }, with parameter names as string literals`);
    return null;
  }
  return (
    resolveWrt(
      list.elements.map((e) => (e as ts.StringLiteral).text),
      fn,
      options,
      sink,
      fnName,
    ) ?? null
  );
}

function nameOfCall(call: ts.CallExpression): string {
  const parent = call.parent;
  if (ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name)) return parent.name.text;
  if (ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent)) return parent.name.getText();
  const fn = call.arguments[0];
  if (fn && ts.isFunctionExpression(fn) && fn.name) return fn.name.text;
  return "anonymous";
}

/** The function a marked variable holds: `const sq = (x: number) => x * x` (parentheses and `as`/`satisfies` aside). */
function heldFunction(statement: ts.VariableStatement): { declaration: ts.VariableDeclaration; fn: ts.ArrowFunction | ts.FunctionExpression } | undefined {
  const [declaration, ...others] = statement.declarationList.declarations;
  let init = declaration?.initializer;
  while (init && (ts.isParenthesizedExpression(init) || ts.isAsExpression(init) || ts.isSatisfiesExpression(init))) init = init.expression;
  if (others.length > 0 || !declaration || !ts.isIdentifier(declaration.name) || !init || !(ts.isArrowFunction(init) || ts.isFunctionExpression(init))) return undefined;
  return { declaration, fn: init };
}

/** What a decorator stands on, in words, where @differentiable cannot mark it (it marks methods with a body). */
function notAMethod(node: ts.Node): string | undefined {
  if (ts.isMethodDeclaration(node)) {
    if (!node.body) return "a method without a body (abstract, or an overload signature)";
    return ts.isPrivateIdentifier(node.name) ? `the private method ${node.name.text}` : undefined;
  }
  if (ts.isPropertyDeclaration(node)) return ts.getModifiers(node)?.some((m) => m.kind === ts.SyntaxKind.AccessorKeyword) ? "an accessor field" : "a field";
  if (ts.isGetAccessorDeclaration(node)) return "a getter";
  if (ts.isSetAccessorDeclaration(node)) return "a setter";
  if (ts.isClassLike(node)) return "a class";
  if (ts.isParameter(node)) return "a parameter";
  return "this declaration";
}

export function findMarkedFunctions(sf: ts.SourceFile, sink: DiagnosticSink): MarkedFunction[] {
  const found: MarkedFunction[] = [];
  /** A tag on an overload signature, for its implementation. */
  const overloadTags = new Map<string, Tag>();

  const visit = (node: ts.Node): void => {
    if ((ts.isFunctionDeclaration(node) || ts.isVariableStatement(node)) && !jsDocTag(node, sf)) {
      const almost = almostTag(node, sf);
      if (almost) sink.reportAt(codes.badMarker, almost.start, almost.length, almost.fix);
    }
    if (ts.isFunctionDeclaration(node) && !node.body && node.name && jsDocTag(node, sf)) overloadTags.set(node.name.text, jsDocTag(node, sf)!);
    if (ts.isVariableStatement(node)) {
      const tag = jsDocTag(node, sf);
      const held = tag && heldFunction(node);
      const init = node.declarationList.declarations[0]?.initializer;
      const alreadyCalled = init !== undefined && ts.isCallExpression(init) && isMarkerCallee(init.expression);
      if (tag && !held && !alreadyCalled) {
        sink.report(codes.badMarker, node, "@differentiable on a variable marks the function it is given, written in place: /** @differentiable */ const f = (x: number) => x * x");
      } else if (tag && held && !(ts.isCallExpression(held.fn.parent) && isMarkerCallee(held.fn.parent.expression))) {
        const name = (held.declaration.name as ts.Identifier).text;
        const selection = wrtFromTag(tag, held.fn, sink, name);
        if (selection !== null) found.push({ node: held.fn, kind: "variable", name, marker: node, ...selection });
      }
    }
    const decorator = ts.canHaveDecorators(node) ? ts.getDecorators(node)?.find((d) => isMarkerCallee(ts.isCallExpression(d.expression) ? d.expression.expression : d.expression)) : undefined;
    const misplaced = decorator && notAMethod(node);
    if (misplaced) {
      sink.report(codes.badMarker, decorator, `@differentiable marks methods with a body, and this is ${misplaced}: write it as a method, name(x: number) { … }`);
    }
    if (ts.isFunctionDeclaration(node) && node.body) {
      const tag = jsDocTag(node, sf) ?? (node.name ? overloadTags.get(node.name.text) : undefined);
      if (tag !== undefined) {
        const name = node.name?.text;
        if (!name) {
          sink.report(codes.badMarker, node, "a @differentiable function needs a name: give the default export a name");
        } else {
          const selection = wrtFromTag(tag, node, sink, name);
          if (selection !== null) found.push({ node, kind: "declaration", name, marker: node, ...selection });
        }
      }
    } else if (ts.isCallExpression(node) && isMarkerCallee(node.expression) && !ts.isDecorator(node.parent)) {
      const fn = node.arguments[0];
      if (node.arguments.length > 2 || !fn || !(ts.isArrowFunction(fn) || ts.isFunctionExpression(fn))) {
        sink.report(codes.badMarker, node, "differentiable(…) takes the function itself, written in place, e.g. differentiable((x: number) => x * x), and optionally { wrt: [...] }");
      } else {
        const name = nameOfCall(node);
        const wrt = wrtFromOptions(node.arguments[1], fn, sink, name);
        if (wrt !== null) found.push({ node: fn, kind: "call", name, marker: node, wrt });
      }
    } else if (ts.isMethodDeclaration(node) && node.body && !misplaced) {
      if (decorator) {
        const name = ts.isIdentifier(node.name) || ts.isStringLiteral(node.name) || ts.isNumericLiteral(node.name) ? node.name.text : node.name.getText(sf);
        const options = ts.isCallExpression(decorator.expression) ? decorator.expression.arguments[0] : undefined;
        const wrt = wrtFromOptions(options, node, sink, name);
        if (wrt !== null) found.push({ node, kind: "method", name, marker: decorator, wrt });
      }
    }
  };
  // An explicit stack: a very long expression must not exhaust the call stack.
  const pending: ts.Node[] = [sf];
  while (pending.length > 0) {
    const node = pending.pop()!;
    visit(node);
    const children: ts.Node[] = [];
    ts.forEachChild(node, (child) => {
      children.push(child);
    });
    for (let i = children.length - 1; i >= 0; i--) pending.push(children[i]);
  }
  return found;
}
