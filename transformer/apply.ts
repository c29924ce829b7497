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
import type { FileResult, GeneratedFunction } from "./transform.js";

/** Parses generated statements (as TSX where the file is, since they copy its code) and detaches them from their text, keeping their comments. */
export function synthesize(code: string, jsx: boolean): ts.Statement[] {
  const sf = ts.createSourceFile("dualts-generated.ts", code, ts.ScriptTarget.Latest, true, jsx ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
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
      // The position in the user's file the code comes from: where stack traces through it land (source maps).
      const origin = /^\/\*@dualts:(\d+)\*\/$/.exec(comment);
      if (origin) {
        ts.setSourceMapRange(node, { pos: Number(origin[1]), end: Number(origin[1]) });
        continue;
      }
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
    (ts.isVariableDeclaration(p) ||
      ts.isParameter(p) ||
      ts.isFunctionLike(p) ||
      ts.isClassLike(p) ||
      ts.isBindingElement(p) ||
      ts.isImportSpecifier(p) ||
      ts.isImportClause(p) ||
      ts.isNamespaceImport(p)) &&
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

function synthesizeExpression(code: string, jsx: boolean): ts.Expression {
  const [statement] = synthesize(`(${code});`, jsx);
  return ((statement as ts.ExpressionStatement).expression as ts.ParenthesizedExpression).expression;
}

function isImport(s: ts.Statement): boolean {
  return ts.isImportDeclaration(s) || ts.isImportEqualsDeclaration(s);
}

export function applyToSourceFile(sf: ts.SourceFile, result: FileResult, context: ts.TransformationContext): ts.SourceFile {
  if (result.functions.length === 0 && !result.helpers) return sf;
  // Code goes after the statement that declares the function: a function declaration, or a marked variable's statement.
  const byStatement = new Map(
    result.functions.flatMap((g) => (g.marked.kind === "declaration" ? [[g.marked.node as ts.Node, g] as const] : g.marked.kind === "variable" ? [[g.marked.marker, g] as const] : [])),
  );
  const byMarker = new Map(result.functions.filter((g) => g.marked.kind === "call").map((g) => [g.marked.marker, g]));
  const byMethod = new Map(result.functions.filter((g) => g.marked.kind === "method").map((g) => [g.marked.node as ts.Node, g]));
  const f = context.factory;
  const jsx = sf.languageVariant === ts.LanguageVariant.JSX;

  const visitStatements = (statements: readonly ts.Statement[], atTop: boolean): ts.Statement[] => {
    const registrations: ts.Statement[] = [];
    const out: ts.Statement[] = [];
    for (const s of statements) {
      out.push(ts.visitNode(s, visit) as ts.Statement);
      const generated = byStatement.get(s);
      const made = (code: string) => bindToSource(synthesize(code, jsx), generated!.marked.node, context);
      if (generated?.declarations) out.push(...made(generated.declarations));
      // A declaration's registration runs first in its scope (declarations are hoisted); a variable's, once it holds its function.
      if (generated?.registration) (generated.marked.kind === "declaration" ? registrations : out).push(...made(generated.registration));
    }
    const firstCode = atTop ? out.findIndex((s) => !isImport(s)) : 0;
    const at = firstCode < 0 ? out.length : firstCode;
    return [...out.slice(0, at), ...registrations, ...out.slice(at)];
  };

  const visit = (node: ts.Node): ts.Node => {
    const generated = byMarker.get(node);
    const info = generated?.info ? bindToSource([synthesizeExpression(generated.info, jsx)], generated.marked.node, context)[0] : undefined;
    if (info && ts.isCallExpression(node)) {
      // differentiable(fn, { wrt }) keeps its options after the information, as dualts gen writes it (for the types).
      const [fn, ...options] = node.arguments.map((argument) => ts.visitNode(argument, visit) as ts.Expression);
      return f.updateCallExpression(node, node.expression, node.typeArguments, [fn, info, ...options]);
    }
    if (ts.isClassDeclaration(node) || ts.isClassExpression(node)) {
      const marked = node.members.flatMap((member) => (byMethod.has(member) ? [byMethod.get(member)!] : []));
      if (marked.length > 0) return markedClass(node, marked);
    }
    if (ts.isBlock(node)) return f.updateBlock(node, visitStatements(node.statements, false));
    if (ts.isModuleBlock(node)) return f.updateModuleBlock(node, visitStatements(node.statements, false));
    if (ts.isCaseClause(node)) return f.updateCaseClause(node, ts.visitNode(node.expression, visit) as ts.Expression, visitStatements(node.statements, false));
    if (ts.isDefaultClause(node)) return f.updateDefaultClause(node, visitStatements(node.statements, false));
    return ts.visitEachChild(node, visit, context);
  };

  /**
   * A class with marked methods: each @differentiable decorator is consumed (removed, so that nothing
   * depends on the runtime's support for decorators), and a static block registers each method instead:
   * `static { differentiable.method(this, "energy", { …info… }); }`.
   */
  const markedClass = (node: ts.ClassDeclaration | ts.ClassExpression, marked: readonly GeneratedFunction[]) => {
    const members = node.members.map((member) => {
      const generated = byMethod.get(member);
      const visited = ts.visitEachChild(member, visit, context);
      if (!generated || !ts.isMethodDeclaration(visited)) return visited;
      const modifiers = visited.modifiers?.filter((m) => m !== generated.marked.marker);
      return f.updateMethodDeclaration(visited, modifiers, visited.asteriskToken, visited.name, visited.questionToken, visited.typeParameters, visited.parameters, visited.type, visited.body);
    });
    const blocks = marked.map((g) => {
      const decorator = g.marked.marker as ts.Decorator;
      const callee = ts.isCallExpression(decorator.expression) ? decorator.expression.expression : decorator.expression;
      const isStatic = ts.getModifiers(g.marked.node as ts.MethodDeclaration)?.some((m) => m.kind === ts.SyntaxKind.StaticKeyword);
      const register = f.createCallExpression(f.createPropertyAccessExpression(callee, isStatic ? "staticMethod" : "method"), undefined, [
        f.createThis(),
        f.createStringLiteral(g.marked.name),
        bindToSource([synthesizeExpression(g.info!, jsx)], g.marked.node, context)[0],
      ]);
      return f.createClassStaticBlockDeclaration(f.createBlock([f.createExpressionStatement(register)], true));
    });
    const all = [...members, ...blocks];
    const modifiers = node.modifiers?.map((m) => ts.visitNode(m, visit) as ts.ModifierLike);
    const heritage = node.heritageClauses?.map((h) => ts.visitNode(h, visit) as ts.HeritageClause);
    return ts.isClassDeclaration(node)
      ? f.updateClassDeclaration(node, modifiers, node.name, node.typeParameters, heritage, all)
      : f.updateClassExpression(node, modifiers, node.name, node.typeParameters, heritage, all);
  };

  const statements = visitStatements(sf.statements, true);
  if (result.helpers) statements.push(...synthesize(result.helpers, jsx));
  return f.updateSourceFile(sf, statements);
}
