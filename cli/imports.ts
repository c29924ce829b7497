// Keeps the relative imports of generated files working. gen writes the
// files it is given into the output folder with their folder structure, so
// an import between two of them stays as written; an import of anything
// else (a module not given to gen, a JSON file, a stylesheet) is pointed
// back at the original, relative to where the generated file now lives.

import ts = require("typescript");
import { existsSync } from "node:fs";
import { dirname, extname, join, relative, resolve, sep } from "node:path";

/** The source files an import specifier may mean under TypeScript's rules (`./a.js` → a.ts, a.tsx, …). */
function candidates(target: string): string[] {
  const ext = extname(target);
  const stem = target.slice(0, target.length - ext.length);
  switch (ext) {
    case ".js":
    case ".jsx":
      return [`${stem}.ts`, `${stem}.tsx`, `${stem}.d.ts`, target];
    case ".mjs":
      return [`${stem}.mts`, `${stem}.d.mts`, target];
    case ".cjs":
      return [`${stem}.cts`, `${stem}.d.cts`, target];
    case ".ts":
    case ".tsx":
    case ".mts":
    case ".cts":
      return [target];
    default:
      // Extensionless (bundler resolution) or a folder with an index.
      return [target, `${target}.ts`, `${target}.tsx`, `${target}.d.ts`, join(target, "index.ts"), join(target, "index.tsx")];
  }
}

function moduleSpecifiers(sf: ts.SourceFile): ts.StringLiteralLike[] {
  const found: ts.StringLiteralLike[] = [];
  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      found.push(node.moduleSpecifier);
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference) && ts.isStringLiteral(node.moduleReference.expression)) {
      found.push(node.moduleReference.expression);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments.length > 0 && ts.isStringLiteralLike(node.arguments[0])) {
      found.push(node.arguments[0]);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      found.push(node.argument.literal);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

/**
 * `code` (the text of a file that came from `source` and goes to
 * `output`) with each relative import that does not reach one of `generated`
 * (the source paths gen writes) rewritten to reach the original file.
 */
export function rewriteRelativeImports(code: string, source: string, output: string, generated: ReadonlySet<string>): string {
  const sf = ts.createSourceFile(source, code, ts.ScriptTarget.Latest, true, /\.tsx$/i.test(source) ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const edits: { start: number; end: number; text: string }[] = [];
  for (const literal of moduleSpecifiers(sf)) {
    const specifier = literal.text;
    if (!specifier.startsWith("./") && !specifier.startsWith("../")) continue;
    const target = resolve(dirname(source), specifier);
    if (candidates(target).some((c) => generated.has(c))) continue;
    if (!candidates(target).some((c) => existsSync(c))) continue; // not there in the sources either: leave the import for the compiler to report
    let path = relative(dirname(output), target).split(sep).join("/");
    if (!path.startsWith(".")) path = `./${path}`;
    if (specifier.endsWith("/")) path += "/";
    const quote = code[literal.getStart(sf)];
    edits.push({ start: literal.getStart(sf), end: literal.end, text: `${quote}${path}${quote}` });
  }
  let out = code;
  for (const e of edits.sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}
