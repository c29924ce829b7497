// Puts the generated code into the file's syntax tree (a `before`
// transformer): the JVP and generic functions after each marked declaration,
// its registration at the top of the same scope (declarations are hoisted,
// so grad(f) works even in code that runs before f's declaration), the
// information object into each differentiable(…) call and decorator, and
// the run-time helpers at the end. The generated text is parsed and its
// nodes made synthetic, comments included, so the printer writes them fresh.

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
        out.push(...synthesize(generated.declarations));
        registrations.push(...synthesize(generated.registration!));
      }
    }
    const firstCode = atTop ? out.findIndex((s) => !isImport(s)) : 0;
    const at = firstCode < 0 ? out.length : firstCode;
    return [...out.slice(0, at), ...registrations, ...out.slice(at)];
  };

  const visit = (node: ts.Node): ts.Node => {
    const generated = byMarker.get(node);
    if (generated?.info && ts.isCallExpression(node)) {
      const fn = ts.visitNode(node.arguments[0], visit) as ts.Expression;
      return f.updateCallExpression(node, node.expression, node.typeArguments, [fn, synthesizeExpression(generated.info)]);
    }
    if (generated?.info && ts.isDecorator(node)) {
      const callee = ts.isCallExpression(node.expression) ? node.expression.expression : node.expression;
      return f.updateDecorator(node, f.createCallExpression(callee, undefined, [synthesizeExpression(generated.info)]));
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
