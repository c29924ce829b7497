// Puts the generated code into the file's syntax tree (a `before`
// transformer): the JVP and generic functions after each marked declaration,
// its registration at the top of the same scope (declarations are hoisted,
// so grad(f) works even in code that runs before f's declaration), the
// information object into each differentiable(…) call and decorator, and
// the run-time helpers at the end. The generated text is parsed and its
// nodes made synthetic, comments included, so the printer writes them fresh;
// the names it shares with the marked function's source are tied to the
// user's references (bindToSource), so that emitting CommonJS rewrites them
// as it rewrites the user's.

import ts = require("typescript");
import type { FileResult } from "./transform.js";

/** Parses generated statements and detaches them from their text, keeping their comments. */
function synthesize(code: string): ts.Statement[] {
  const sf = ts.createSourceFile("dualts-generated.ts", code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  // Generated code that does not parse is the transform's own bug: fail loudly (DUALTS1099), never emit it.
  const errors = (sf as unknown as { parseDiagnostics?: readonly ts.Diagnostic[] }).parseDiagnostics ?? [];
  if (errors.length > 0) {
    throw new Error(`generated code does not parse (${ts.flattenDiagnosticMessageText(errors[0].messageText, " ")}): ${code.slice(0, 200)}`);
  }
  const attached = new Set<number>();
  const visit = (node: ts.Node) => {
    // A comment belongs to the outermost node that starts after it.
    const ranges = (ts.getLeadingCommentRanges(sf.text, node.pos) ?? []).filter((r) => !attached.has(r.pos));
    ranges.forEach((r) => attached.add(r.pos));
    ts.forEachChild(node, visit, (nodes) => {
      // Lists keep their own positions: the printer would read comments of the user's file there.
      ts.setTextRange(nodes, { pos: -1, end: -1 });
      nodes.forEach(visit);
    });
    for (const range of ranges) {
      const comment = sf.text.slice(range.pos, range.end);
      const body = range.kind === ts.SyntaxKind.SingleLineCommentTrivia ? comment.slice(2) : comment.slice(2, -2);
      ts.addSyntheticLeadingComment(node, range.kind, body, true);
    }
    ts.setTextRange(node, { pos: -1, end: -1 });
  };
  sf.statements.forEach(visit);
  return [...sf.statements];
}

/** A name being declared: a variable, parameter, function, class or binding element, or an import's. */
function isDeclaredName(id: ts.Identifier): boolean {
  const p = id.parent;
  return (
    !!p &&
    (ts.isVariableDeclaration(p) || ts.isParameter(p) || ts.isFunctionLike(p) || ts.isClassLike(p) || ts.isBindingElement(p) || ts.isImportSpecifier(p) || ts.isImportClause(p) || ts.isNamespaceImport(p)) &&
    (p as { name?: ts.Node }).name === id
  );
}

/** An identifier used as a value: not a declared name, a property name after `.`, a key, a label or a type. */
function isValueReference(id: ts.Identifier): boolean {
  const p = id.parent;
  if (!p || ts.isTypeNode(p) || ts.isQualifiedName(p) || ts.isLabeledStatement(p) || ts.isBreakOrContinueStatement(p)) return false;
  if (ts.isPropertyAccessExpression(p)) return p.expression === id;
  if (ts.isPropertyAssignment(p) || ts.isPropertyDeclaration(p)) return p.initializer === id;
  if (ts.isBindingElement(p)) return p.initializer === id;
  return !isDeclaredName(id);
}

/** Every identifier under `node` for which `keep` holds. */
function identifiersUnder(node: ts.Node, keep: (id: ts.Identifier) => boolean): ts.Identifier[] {
  const found: ts.Identifier[] = [];
  const visit = (n: ts.Node): void => {
    if (ts.isIdentifier(n) && keep(n)) found.push(n);
    ts.forEachChild(n, visit);
  };
  visit(node);
  return found;
}

/**
 * Ties the generated code's names to the user's. Emitting CommonJS, TypeScript rewrites a reference
 * to an import (`sigmoid` → `sigmoid_1.sigmoid`) or to an exported variable (`g` → `exports.g`)
 * where the checker says the name refers to one; names parsed from generated text refer to nothing,
 * and would be left bare (a ReferenceError at run time). The generated code sits in the marked
 * function's scope, so a name it uses but does not declare means what it means in the function's
 * source: each such name becomes a fresh identifier whose original node is the source's reference,
 * and the module transform rewrites it exactly as it rewrites the user's own.
 */
function bindToSource<T extends ts.Node>(nodes: readonly T[], source: ts.Node, context: ts.TransformationContext): T[] {
  const references = new Map<string, ts.Identifier>();
  for (const id of identifiersUnder(source, isValueReference)) if (!references.has(id.text)) references.set(id.text, id);
  const declared = new Set(nodes.flatMap((n) => identifiersUnder(n, isDeclaredName).map((id) => id.text)));
  const visit = (node: ts.Node): ts.Node => {
    if (ts.isIdentifier(node)) {
      const reference = isValueReference(node) && !declared.has(node.text) ? references.get(node.text) : undefined;
      return reference ? ts.setOriginalNode(context.factory.createIdentifier(node.text), reference) : node;
    }
    return ts.visitEachChild(node, visit, context);
  };
  return nodes.map((n) => ts.visitNode(n, visit) as T);
}

function synthesizeExpression(code: string): ts.Expression {
  const [statement] = synthesize(`(${code});`);
  return ((statement as ts.ExpressionStatement).expression as ts.ParenthesizedExpression).expression;
}

function isImport(s: ts.Statement): boolean {
  return ts.isImportDeclaration(s) || ts.isImportEqualsDeclaration(s);
}

export function applyToSourceFile(sf: ts.SourceFile, result: FileResult, context: ts.TransformationContext): ts.SourceFile {
  if (result.functions.length === 0 && !result.helpers) return sf;
  const byNode = new Map(result.functions.map((g) => [g.marked.node as ts.Node, g]));
  const byMarker = new Map(result.functions.map((g) => [g.marked.marker, g]));
  const f = context.factory;

  const visitStatements = (statements: readonly ts.Statement[], atTop: boolean): ts.Statement[] => {
    const registrations: ts.Statement[] = [];
    const out: ts.Statement[] = [];
    for (const s of statements) {
      out.push(ts.visitNode(s, visit) as ts.Statement);
      const generated = byNode.get(s);
      if (generated?.declarations) {
        out.push(...bindToSource(synthesize(generated.declarations), generated.marked.node, context));
        registrations.push(...bindToSource(synthesize(generated.registration!), generated.marked.node, context));
      }
    }
    const firstCode = atTop ? out.findIndex((s) => !isImport(s)) : 0;
    const at = firstCode < 0 ? out.length : firstCode;
    return [...out.slice(0, at), ...registrations, ...out.slice(at)];
  };

  const visit = (node: ts.Node): ts.Node => {
    const generated = byMarker.get(node);
    const info = generated?.info ? bindToSource([synthesizeExpression(generated.info)], generated.marked.node, context)[0] : undefined;
    if (info && ts.isCallExpression(node)) {
      const fn = ts.visitNode(node.arguments[0], visit) as ts.Expression;
      return f.updateCallExpression(node, node.expression, node.typeArguments, [fn, info]);
    }
    if (info && ts.isDecorator(node)) {
      const callee = ts.isCallExpression(node.expression) ? node.expression.expression : node.expression;
      return f.updateDecorator(node, f.createCallExpression(callee, undefined, [info]));
    }
    if (ts.isBlock(node)) return f.updateBlock(node, visitStatements(node.statements, false));
    if (ts.isModuleBlock(node)) return f.updateModuleBlock(node, visitStatements(node.statements, false));
    if (ts.isCaseClause(node)) return f.updateCaseClause(node, ts.visitNode(node.expression, visit) as ts.Expression, visitStatements(node.statements, false));
    if (ts.isDefaultClause(node)) return f.updateDefaultClause(node, visitStatements(node.statements, false));
    return ts.visitEachChild(node, visit, context);
  };

  const statements = visitStatements(sf.statements, true);
  if (result.helpers) statements.push(...synthesize(result.helpers));
  return f.updateSourceFile(sf, statements);
}
