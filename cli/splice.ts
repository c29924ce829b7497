// Writes the transform's generated code into the user's file as TypeScript,
// leaving every line the user wrote as it was. It places the code where
// transformer/apply.ts puts it in the compiled output (test/cli.test.ts holds
// the two to the same program):
//
//   import …                                   imports stay first
//   Object.defineProperty(loss, …);            registrations, before the scope's other code
//   /** @differentiable */
//   export function loss(…) { … }              the user's declaration, untouched
//   function loss_jvp(…) { … }                 its JVP and generic form, right after it
//   const norm = differentiable((x) => …, { …info… });   information objects in place
//   class M { @differentiable({ …info… }) energy(…) { … } }
//   function __dualtsCall(…) { … }             run-time helpers, at the end
//
// Inserted code is laid out by TypeScript's formatter for where it stands.

import ts = require("typescript");
import type { FileResult, GeneratedFunction } from "../transformer/transform.js";
import { withCheckedReads } from "./checked.js";
import { formatRanges, indentationOf, type TextRange } from "./format.js";

interface Edit {
  readonly start: number;
  readonly end: number;
  /** Text before the part to format, the part to format, text after it. */
  readonly before: string;
  readonly code: string;
  readonly after: string;
}

/** Where code placed "before a statement" goes: before the comments attached to it (no blank line between). */
function attachedStart(text: string, statement: ts.Statement): number {
  const comments = ts.getLeadingCommentRanges(text, statement.getFullStart()) ?? [];
  let start = statement.getStart();
  for (let i = comments.length - 1; i >= 0; i--) {
    const gap = text.slice(comments[i].end, start);
    if ((gap.match(/\n/g) ?? []).length > 1) break;
    start = comments[i].pos;
  }
  const lineStart = text.lastIndexOf("\n", start - 1) + 1;
  const shebang = lineStart === 0 && text.startsWith("#!") ? text.indexOf("\n") + 1 : 0;
  return /^[ \t]*$/.test(text.slice(lineStart, start)) ? Math.max(lineStart, shebang) : start;
}

/** After a node, and after a comment that ends its line. */
function endOfLineAfter(text: string, node: ts.Node): { at: number; lineEnds: boolean } {
  const newline = text.indexOf("\n", node.end);
  const rest = text.slice(node.end, newline < 0 ? text.length : newline);
  if (/^\s*(?:\/\/.*)?$/.test(rest)) return { at: newline < 0 ? text.length : newline, lineEnds: true };
  return { at: node.end, lineEnds: false };
}

function isImport(s: ts.Statement): boolean {
  return ts.isImportDeclaration(s) || ts.isImportEqualsDeclaration(s);
}

/**
 * A method's generated functions read `this` (the instance they are bound to
 * at run time). As function expressions inside an object literal, tsc would
 * type `this` as that object; a `this: any` parameter, erased when compiled,
 * says what it is.
 */
export function withThisParameters(info: string): string {
  const sf = ts.createSourceFile("info.ts", `(${info})`, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const inserts: number[] = [];
  const readsThis = (node: ts.Node): boolean =>
    node.kind === ts.SyntaxKind.ThisKeyword || (!ts.isFunctionExpression(node) && !ts.isFunctionDeclaration(node) && !ts.isClassLike(node) && ts.forEachChild(node, readsThis) === true);
  const visit = (node: ts.Node): void => {
    if (ts.isPropertyAssignment(node) && ts.isFunctionExpression(node.initializer)) {
      const fn = node.initializer;
      const hasThis = fn.parameters.some((p) => ts.isIdentifier(p.name) && p.name.text === "this");
      if (!hasThis && fn.body && ts.forEachChild(fn.body, readsThis) === true) inserts.push(fn.parameters.pos - 1);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  let out = info;
  for (const at of inserts.sort((a, b) => b - a)) {
    const empty = out.slice(at).trimStart().startsWith(")");
    out = `${out.slice(0, at)}this: any${empty ? "" : ", "}${out.slice(at)}`;
  }
  return out;
}

function registrationEdits(sf: ts.SourceFile, declared: readonly GeneratedFunction[]): Edit[] {
  // (A variable's registration goes after its statement: functionEdits.)
  declared = declared.filter((g) => g.marked.kind === "declaration");
  const byScope = new Map<ts.Node, string[]>();
  for (const g of declared) {
    const scope = g.marked.node.parent;
    byScope.set(scope, [...(byScope.get(scope) ?? []), g.registration!]);
  }
  const edits: Edit[] = [];
  for (const [scope, registrations] of byScope) {
    const code = registrations.join("\n");
    if (ts.isSourceFile(scope)) {
      const first = scope.statements.find((s) => !isImport(s))!;
      const at = attachedStart(sf.text, first);
      const before = at > 0 && sf.text[at - 1] !== "\n" ? "\n" : "";
      edits.push({ start: at, end: at, before, code, after: "\n\n" });
    } else {
      // A block or a namespace: right after its `{`.
      const at = (scope as ts.Block | ts.ModuleBlock).statements.pos;
      edits.push({ start: at, end: at, before: "\n", code, after: "" });
    }
  }
  return edits;
}

function functionEdits(sf: ts.SourceFile, g: GeneratedFunction): Edit[] {
  const marker = g.marked.marker;
  const jsx = sf.languageVariant === ts.LanguageVariant.JSX;
  const declarations = g.declarations === undefined ? undefined : withCheckedReads(g.declarations, jsx);
  if (g.marked.kind === "variable") {
    // After the variable's statement: its generated functions, then its registration (once the variable holds its function).
    const { at, lineEnds } = endOfLineAfter(sf.text, marker);
    const code = [declarations, g.registration].filter((c) => c !== undefined).join("\n\n");
    return [{ start: at, end: at, before: "\n\n", code, after: lineEnds ? "" : "\n" }];
  }
  if (g.marked.kind === "declaration") {
    if (declarations === undefined) return [];
    const { at, lineEnds } = endOfLineAfter(sf.text, g.marked.node);
    return [{ start: at, end: at, before: "\n\n", code: declarations, after: lineEnds ? "" : "\n" }];
  }
  const info = withCheckedReads(withThisParameters(g.info!), jsx);
  if (ts.isCallExpression(marker)) {
    // differentiable(fn) → differentiable(fn, info); differentiable(fn, { wrt }) → differentiable(fn, info, { wrt }):
    // the options stay for the types (the result's type carries wrt's names), and the runtime reads info.
    const [fn, options] = marker.arguments;
    return [{ start: fn.end, end: marker.end - 1, before: ", ", code: options ? `${info}, ${options.getText(sf)}` : info, after: "" }];
  }
  if (ts.isDecorator(marker)) {
    // The decorator is consumed (removed, with the space after it), and a static block at the end of the class registers the method.
    const callee = ts.isCallExpression(marker.expression) ? marker.expression.expression : marker.expression;
    const method = g.marked.node as ts.MethodDeclaration;
    const owner = method.parent as ts.ClassLikeDeclaration;
    const isStatic = ts.getModifiers(method)?.some((m) => m.kind === ts.SyntaxKind.StaticKeyword);
    const after = sf.text.slice(marker.end).match(/^[ \t]*(\r?\n[ \t]*)?/)![0];
    const close = owner.end - 1;
    const register = `static {\n${callee.getText(sf)}.${isStatic ? "staticMethod" : "method"}(this, ${JSON.stringify(g.marked.name)}, ${info});\n}`;
    return [
      { start: marker.getStart(sf), end: marker.end + after.length, before: "", code: "", after: "" },
      { start: close, end: close, before: "\n", code: register, after: "\n" },
    ];
  }
  throw new Error(`dualts: no place for the generated code of ${g.marked.name}`);
}

/** The file's text with the generated code written in; `result` must be the transform's output for `sf`. */
export function spliceGenerated(sf: ts.SourceFile, result: FileResult): string {
  const text = sf.text;
  const declared = result.functions.filter((g) => g.registration !== undefined);
  const edits = [...registrationEdits(sf, declared), ...result.functions.flatMap((g) => functionEdits(sf, g))];
  if (result.helpers) {
    const before = text.endsWith("\n") ? "\n" : "\n\n";
    edits.push({ start: text.length, end: text.length, before, code: result.helpers.trim(), after: "\n" });
  }
  // Stable: edits at the same place keep their order (registrations before a declaration's own code).
  const ordered = edits
    .map((e, i) => ({ e, i }))
    .sort((a, b) => a.e.start - b.e.start || a.i - b.i)
    .map((x) => x.e);
  let out = "";
  let from = 0;
  const ranges: TextRange[] = [];
  for (const e of ordered) {
    out += text.slice(from, e.start) + e.before;
    ranges.push({ start: out.length, end: out.length + e.code.length });
    out += e.code + e.after;
    from = e.end;
  }
  out += text.slice(from);
  return formatRanges(out, ranges, indentationOf(text));
}
