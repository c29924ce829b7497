// Which declaration a name refers to, by JavaScript's scoping rules: the
// binder's question, answered from the syntax tree. The transform asks it
// of a few names only — `Math`, dualts' markers (noDerivative, differentiable,
// label, …), and the callee of a call — so that a user's own `Math` or
// `noDerivative` is never taken for JavaScript's or dualts' own.
//
//   function, arrow, method    its parameters, the `var`s and functions of its
//                              body (not of nested functions), its own name
//   block, case block          its let, const, class and function declarations
//   for, for…of, for…in        the let and const of its header
//   catch clause               its variable
//   module, namespace          every top-level declaration and import
//
// Destructuring patterns declare each name they bind. A name no scope
// declares is a global.

import ts = require("typescript");

/** The declaration a name refers to: a node that declares it (a variable, parameter, binding element, function, class, import, …), or "global". */
export type Resolved = ts.Declaration | "global";

/** The names a binding (a name or a destructuring pattern) declares, with the node that declares each. */
function bindingNames(name: ts.BindingName, out: Map<string, ts.Declaration>, declaration: ts.Declaration): void {
  if (ts.isIdentifier(name)) {
    if (!out.has(name.text)) out.set(name.text, declaration);
    return;
  }
  for (const element of name.elements) {
    if (ts.isBindingElement(element)) bindingNames(element.name, out, element.name.kind === ts.SyntaxKind.Identifier ? element : declaration);
  }
}

function isScopeNode(node: ts.Node): boolean {
  return (
    ts.isSourceFile(node) ||
    ts.isModuleBlock(node) ||
    ts.isFunctionLike(node) ||
    ts.isBlock(node) ||
    ts.isCaseBlock(node) ||
    ts.isForStatement(node) ||
    ts.isForOfStatement(node) ||
    ts.isForInStatement(node) ||
    ts.isCatchClause(node) ||
    ts.isClassLike(node)
  );
}

/** `var` declarations and (in sloppy code) nothing else hoist to the function: collects them, not entering nested functions. */
function collectVars(node: ts.Node, out: Map<string, ts.Declaration>): void {
  ts.forEachChild(node, (child) => {
    if (ts.isFunctionLike(child) || ts.isClassLike(child)) return;
    if (ts.isVariableDeclarationList(child) && !(child.flags & (ts.NodeFlags.Let | ts.NodeFlags.Const | ts.NodeFlags.Using))) {
      for (const d of child.declarations) bindingNames(d.name, out, d);
    }
    collectVars(child, out);
  });
}

/** The let, const, class, function, enum and namespace declarations directly in a list of statements, and imports. */
function collectLexical(statements: readonly ts.Statement[], out: Map<string, ts.Declaration>): void {
  for (const s of statements) {
    if (ts.isVariableStatement(s)) {
      for (const d of s.declarationList.declarations) bindingNames(d.name, out, d);
    } else if ((ts.isFunctionDeclaration(s) || ts.isClassDeclaration(s) || ts.isEnumDeclaration(s)) && s.name) {
      if (!out.has(s.name.text)) out.set(s.name.text, s);
    } else if (ts.isModuleDeclaration(s) && ts.isIdentifier(s.name)) {
      if (!out.has(s.name.text)) out.set(s.name.text, s);
    } else if (ts.isImportDeclaration(s) && s.importClause) {
      const clause = s.importClause;
      if (clause.name) out.set(clause.name.text, clause);
      const bindings = clause.namedBindings;
      if (bindings && ts.isNamespaceImport(bindings)) out.set(bindings.name.text, bindings);
      if (bindings && ts.isNamedImports(bindings)) for (const e of bindings.elements) out.set(e.name.text, e);
    } else if (ts.isImportEqualsDeclaration(s)) {
      out.set(s.name.text, s);
    } else if (ts.isLabeledStatement(s)) {
      collectLexical([s.statement], out);
    }
  }
}

/** Every name a scope node declares. */
function declarationsOf(scope: ts.Node): Map<string, ts.Declaration> {
  const out = new Map<string, ts.Declaration>();
  if (ts.isSourceFile(scope) || ts.isModuleBlock(scope)) {
    collectLexical(scope.statements, out);
    collectVars(scope, out);
  } else if (ts.isFunctionLike(scope)) {
    for (const p of scope.parameters) bindingNames(p.name, out, p);
    const body = (scope as ts.FunctionLikeDeclaration).body;
    if (body && ts.isBlock(body)) {
      collectLexical(body.statements, out);
      collectVars(body, out);
    }
    // A named function expression sees its own name.
    if ((ts.isFunctionExpression(scope) || ts.isClassExpression(scope)) && scope.name && !out.has(scope.name.text)) out.set(scope.name.text, scope);
  } else if (ts.isBlock(scope)) {
    // A function's body block belongs to the function's scope (above).
    if (!ts.isFunctionLike(scope.parent)) collectLexical(scope.statements, out);
  } else if (ts.isCaseBlock(scope)) {
    for (const clause of scope.clauses) collectLexical(clause.statements, out);
  } else if (ts.isForStatement(scope) || ts.isForOfStatement(scope) || ts.isForInStatement(scope)) {
    const init = scope.initializer;
    if (init && ts.isVariableDeclarationList(init) && init.flags & (ts.NodeFlags.Let | ts.NodeFlags.Const)) {
      for (const d of init.declarations) bindingNames(d.name, out, d);
    }
  } else if (ts.isCatchClause(scope) && scope.variableDeclaration) {
    bindingNames(scope.variableDeclaration.name, out, scope.variableDeclaration);
  } else if (ts.isClassExpression(scope) && scope.name) {
    out.set(scope.name.text, scope);
  }
  return out;
}

const scopes = new WeakMap<ts.Node, Map<string, ts.Declaration>>();

function declared(scope: ts.Node): Map<string, ts.Declaration> {
  let names = scopes.get(scope);
  if (!names) {
    names = declarationsOf(scope);
    scopes.set(scope, names);
  }
  return names;
}

/** The declaration `name` refers to where `at` stands (at needs parent pointers), or "global". */
export function resolveName(name: string, at: ts.Node): Resolved {
  for (let node: ts.Node | undefined = at; node; node = node.parent) {
    if (!isScopeNode(node)) continue;
    // A parameter's default and a function's own parameters are in the function's scope; a class's members see no class-level names.
    if (ts.isClassLike(node) && !ts.isClassExpression(node)) continue;
    const found = declared(node).get(name);
    if (found) return found;
  }
  return "global";
}

/** Whether the identifier, where it stands, is the global of that name (no declaration of the file hides it). */
export function isGlobal(id: ts.Identifier): boolean {
  return resolveName(id.text, id) === "global";
}

/** Whether the file declares `name` anywhere (a cheap test before resolving: most files never declare `Math`). */
export function declaresAnywhere(sf: ts.SourceFile, name: string): boolean {
  let found = false;
  const visit = (node: ts.Node): void => {
    if (found) return;
    const declaredName = (node as { name?: ts.Node }).name;
    if (
      declaredName &&
      ts.isIdentifier(declaredName) &&
      declaredName.text === name &&
      (ts.isDeclarationStatement(node) ||
        ts.isVariableDeclaration(node) ||
        ts.isParameter(node) ||
        ts.isBindingElement(node) ||
        ts.isImportSpecifier(node) ||
        ts.isNamespaceImport(node) ||
        ts.isImportClause(node) ||
        ts.isFunctionExpression(node) ||
        ts.isClassExpression(node))
    ) {
      found = true;
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}
