// What a name in the user's code means to the transform, resolved by scope
// (scope.ts), never by spelling alone:
//
//   dualts' own functions   noDerivative, differentiable, label, defineJvp and
//                           the derivative API (derivative, grad, …): only
//                           when imported from the dualts package (by name,
//                           renamed, or through a namespace import: d.grad)
//   JavaScript's Math       `Math.f(…)` only where `Math` is the global one;
//                           a user's own `Math` in scope is reported (fence.ts)
//   aliases of Math's       `const sqrt = Math.sqrt` and `const { pow } = Math`
//   functions               (const, of the global Math): their calls are Math's
//
// "The dualts package" is the module "dualts" (or a subpath), or a relative
// import of a file of the runtime (src/ or dist/src/) of the package whose
// package.json is named dualts — as this repository's own tests import it.

import ts = require("typescript");
import { rules, type RuleName } from "../src/rules/table.js";
import { resolveName } from "./scope.js";

/** The API functions that take a derivative when called inside a differentiated function. */
export const DERIVATIVE_APIS: ReadonlySet<string> = new Set(["derivative", "grad", "jvp", "valueAndGrad", "jacobian", "hessian"]);

/** fs, where the transform runs on Node (for relative imports of dualts' own files); undefined elsewhere. */
function nodeFs(): typeof import("node:fs") | undefined {
  const process = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  return process?.getBuiltinModule?.("node:fs") as typeof import("node:fs") | undefined;
}

const packageOfFolder = new Map<string, { readonly name: string; readonly root: string } | undefined>();

/** The package.json nearest above a folder: its name, and its folder. */
function packageOf(folder: string): { readonly name: string; readonly root: string } | undefined {
  if (packageOfFolder.has(folder)) return packageOfFolder.get(folder);
  const fs = nodeFs();
  let found: { name: string; root: string } | undefined;
  try {
    const file = `${folder}/package.json`;
    if (fs?.existsSync(file)) found = { name: String(JSON.parse(fs.readFileSync(file, "utf8")).name ?? ""), root: folder };
  } catch {
    found = { name: "", root: folder };
  }
  const parent = folder.replace(/\/[^/]*$/, "");
  const result = found ?? (parent !== folder && parent !== "" && fs ? packageOf(parent) : undefined);
  packageOfFolder.set(folder, result);
  return result;
}

/**
 * Whether an import's module specifier, in the file `fileName`, names the dualts package's runtime:
 * "dualts" (or a subpath), or a relative path to a file of its src/ or dist/src/ folder.
 */
export function isDualtsModule(specifier: string, fileName: string): boolean {
  if (specifier === "dualts" || specifier.startsWith("dualts/")) return true;
  if (!specifier.startsWith(".") && !specifier.startsWith("/")) return false;
  const cwd = (globalThis as { process?: { cwd?: () => string } }).process?.cwd?.() ?? "/";
  const from = (fileName.startsWith("/") ? fileName : `${cwd}/${fileName}`).replace(/\\/g, "/").replace(/\/[^/]*$/, "");
  const parts: string[] = [];
  for (const part of (specifier.startsWith("/") ? specifier : `${from}/${specifier}`).split("/")) {
    if (part === "..") parts.pop();
    else if (part !== "." && part !== "") parts.push(part);
  }
  const module = `/${parts.join("/")}`;
  const owner = packageOf(module.replace(/\/[^/]*$/, ""));
  return owner?.name === "dualts" && /^(dist\/)?src\//.test(module.slice(owner.root.length + 1));
}

function moduleOf(node: ts.Node): string | undefined {
  for (let n: ts.Node | undefined = node; n; n = n.parent) {
    if (ts.isImportDeclaration(n) && ts.isStringLiteral(n.moduleSpecifier)) return n.moduleSpecifier.text;
  }
  return undefined;
}

/**
 * The dualts export a callee names — `noDerivative` for `noDerivative`, `nd` (imported as
 * `{ noDerivative as nd }`) or `d.noDerivative` (`import * as d`) — or undefined where it is
 * anything else (a user's own function of that name included).
 */
export function dualtsExport(callee: ts.Expression): string | undefined {
  const fileName = callee.getSourceFile().fileName;
  if (ts.isIdentifier(callee)) {
    const declaration = resolveName(callee.text, callee);
    if (declaration === "global" || !ts.isImportSpecifier(declaration)) return undefined;
    const specifier = moduleOf(declaration);
    return specifier !== undefined && isDualtsModule(specifier, fileName) ? (declaration.propertyName ?? declaration.name).text : undefined;
  }
  if (ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression)) {
    const declaration = resolveName(callee.expression.text, callee.expression);
    if (declaration === "global" || !ts.isNamespaceImport(declaration)) return undefined;
    const specifier = moduleOf(declaration);
    return specifier !== undefined && isDualtsModule(specifier, fileName) ? callee.name.text : undefined;
  }
  return undefined;
}

/** Whether a call's callee is dualts' `name` (see dualtsExport). */
export function isDualts(callee: ts.Expression, name: string): boolean {
  return dualtsExport(callee) === name;
}

/** The rule of Math's function `name` (`Math.pow` is the `**` rule's), if the table has one. */
function mathFunction(name: string): RuleName | undefined {
  if (name === "pow") return "pow";
  return name in rules && rules[name as RuleName].spelling === `Math.${name}` ? (name as RuleName) : undefined;
}

/** Whether the identifier `Math`, where it stands, is JavaScript's. */
export function isGlobalMath(id: ts.Identifier): boolean {
  return id.text === "Math" && resolveName("Math", id) === "global";
}

/** The Math function a const alias names: `const sqrt = Math.sqrt` or `const { sqrt, pow: p } = Math`, of the global Math. */
function aliasedMathFunction(declaration: ts.Declaration): RuleName | undefined {
  if (ts.isVariableDeclaration(declaration)) {
    const init = declaration.initializer;
    const constant = ts.isVariableDeclarationList(declaration.parent) && (declaration.parent.flags & ts.NodeFlags.Const) !== 0;
    if (!constant || !init || !ts.isPropertyAccessExpression(init) || !ts.isIdentifier(init.expression) || !isGlobalMath(init.expression)) return undefined;
    return mathFunction(init.name.text);
  }
  if (ts.isBindingElement(declaration) && ts.isObjectBindingPattern(declaration.parent) && !declaration.dotDotDotToken) {
    const holder = declaration.parent.parent;
    const constant = ts.isVariableDeclaration(holder) && ts.isVariableDeclarationList(holder.parent) && (holder.parent.flags & ts.NodeFlags.Const) !== 0;
    const source = ts.isVariableDeclaration(holder) ? holder.initializer : undefined;
    if (!constant || !source || !ts.isIdentifier(source) || !isGlobalMath(source)) return undefined;
    const key = declaration.propertyName ?? declaration.name;
    return ts.isIdentifier(key) ? mathFunction(key.text) : undefined;
  }
  return undefined;
}

/** The rule behind a call of one of Math's functions — `Math.f(…)` of the global Math, or an alias of it — if the table has it. */
export function mathCallRule(call: ts.CallExpression): RuleName | undefined {
  let callee: ts.Expression = call.expression;
  while (ts.isParenthesizedExpression(callee)) callee = callee.expression;
  if (ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression)) {
    return isGlobalMath(callee.expression) ? mathFunction(callee.name.text) : undefined;
  }
  if (ts.isIdentifier(callee)) {
    const declaration = resolveName(callee.text, callee);
    return declaration === "global" ? undefined : aliasedMathFunction(declaration);
  }
  return undefined;
}

/** `lib.f` where lib is a namespace import of a module other than dualts: a function of another module, looked up at run time like a named import. */
export function isImportedMember(callee: ts.Expression): callee is ts.PropertyAccessExpression {
  if (!ts.isPropertyAccessExpression(callee) || !ts.isIdentifier(callee.expression)) return false;
  const declaration = resolveName(callee.expression.text, callee.expression);
  if (declaration === "global" || !ts.isNamespaceImport(declaration)) return false;
  const specifier = moduleOf(declaration);
  return specifier !== undefined && !isDualtsModule(specifier, callee.getSourceFile().fileName);
}
