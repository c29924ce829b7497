// Stage 1: find the functions marked differentiable, and what `wrt` says.
//
//   /** @differentiable wrt(w0, w1) */ function loss(…) { … }      a JSDoc tag
//   const sq = differentiable((x: number) => x * x);              a call
//   const sq = differentiable((x, k) => x * k, { wrt: ["x"] });   a call with options
//   class M { @differentiable energy(x: number) { … } }           a decorator
//
// The JSDoc tag is read from the comment text itself, so it is seen whether
// or not the compiler parsed JSDoc (tsc skips most tags unless asked).

import ts = require("typescript");
import { codes, type DiagnosticSink } from "./diagnostics.js";

export type DifferentiableFunction = ts.FunctionDeclaration | ts.FunctionExpression | ts.ArrowFunction | ts.MethodDeclaration;

export interface MarkedFunction {
  readonly node: DifferentiableFunction;
  readonly kind: "declaration" | "call" | "method";
  /** The name generated code is named after: the function's, the variable's, or the method's. */
  readonly name: string;
  /** The marker: the declaration (JSDoc), the differentiable(…) call, or the decorator. */
  readonly marker: ts.Node;
  /** Parameter indices selected by wrt, or undefined for the default. */
  readonly wrt?: number[];
  /** Parameters taken out of the default by noDerivative(…). */
  readonly exclude?: number[];
  /** `@differentiable nansafe`: a zero tangent stays zero through an infinite partial. */
  readonly nanSafe?: boolean;
}

const MARKER = "differentiable";

function isMarkerCallee(e: ts.Expression): boolean {
  return (ts.isIdentifier(e) && e.text === MARKER) || (ts.isPropertyAccessExpression(e) && e.name.text === MARKER);
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
      reportAt(sink, codes.wrtMissing, where,
        `wrt names '${name}', which is not a parameter of ${fnName}(${params.map((p) => p ?? "…").join(", ")}); list only its parameters`);
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
  const rest = tag.text.replace(/(wrt|noDerivative)\s*\(([^)]*)\)/g, "").replace(/\bnansafe\b/, "").trim();
  if (rest !== "") {
    reportAt(sink, codes.badMarker, where, `cannot read '@differentiable ${tag.text}': write '@differentiable', '@differentiable wrt(a, b)', '@differentiable noDerivative(n)' or '@differentiable nansafe'`);
    return null;
  }
  const result: { wrt?: number[]; exclude?: number[]; nanSafe?: boolean } = /\bnansafe\b/.test(tag.text) ? { nanSafe: true } : {};
  for (const [, kind, list] of clauses) {
    const names = list.split(",").map((s) => s.trim()).filter((s) => s.length > 0);
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
  const wrt = ts.isObjectLiteralExpression(options)
    ? options.properties.find((p): p is ts.PropertyAssignment => ts.isPropertyAssignment(p) && p.name.getText() === "wrt")
    : undefined;
  const list = wrt?.initializer;
  if (!list || !ts.isArrayLiteralExpression(list) || !list.elements.every(ts.isStringLiteral)) {
    sink.report(codes.badMarker, options, `the options of differentiable(…) must be written as { wrt: ["name", …] }, with parameter names as string literals`);
    return null;
  }
  return resolveWrt(list.elements.map((e) => (e as ts.StringLiteral).text), fn, options, sink, fnName) ?? null;
}

function nameOfCall(call: ts.CallExpression): string {
  const parent = call.parent;
  if (ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name)) return parent.name.text;
  if (ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent)) return parent.name.getText();
  const fn = call.arguments[0];
  if (fn && ts.isFunctionExpression(fn) && fn.name) return fn.name.text;
  return "anonymous";
}

export function findMarkedFunctions(sf: ts.SourceFile, sink: DiagnosticSink): MarkedFunction[] {
  const found: MarkedFunction[] = [];

  const visit = (node: ts.Node): void => {
    if (ts.isFunctionDeclaration(node) && node.body) {
      const tag = jsDocTag(node, sf);
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
        sink.report(codes.badMarker, node,
          "differentiable(…) takes the function itself, written in place, e.g. differentiable((x: number) => x * x), and optionally { wrt: [...] }");
      } else {
        const name = nameOfCall(node);
        const wrt = wrtFromOptions(node.arguments[1], fn, sink, name);
        if (wrt !== null) found.push({ node: fn, kind: "call", name, marker: node, wrt });
      }
    } else if (ts.isMethodDeclaration(node) && node.body) {
      const decorator = ts.getDecorators(node)?.find((d) =>
        isMarkerCallee(ts.isCallExpression(d.expression) ? d.expression.expression : d.expression));
      if (decorator) {
        const name = node.name.getText(sf);
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
