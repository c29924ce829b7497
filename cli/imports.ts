// Keeps the relative imports of generated files working. gen writes the
// files it is given into the output folder with their folder structure, so
// an import between two of them stays as written (or, where a symbolic link
// made the structures differ, is pointed at the other's output); an import
// of anything else (a module not given to gen, a JSON file, a stylesheet) is
// pointed back at the original, relative to where the generated file now
// lives.

import ts = require("typescript");
import { existsSync, realpathSync, statSync } from "node:fs";
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

/** The specifier, resolved against `folder`, that reaches `file` the way `specifier` (resolved to `target`) reached `candidate`. */
function specifierReaching(folder: string, file: string, specifier: string, target: string, candidate: string): string {
  let reached: string;
  if (candidate === target) reached = file;
  else if (candidate.startsWith(target))
    reached = file.slice(0, file.length - (candidate.length - target.length)); // extensionless or a folder's index
  else {
    const ext = extname(target); // ./a.js meaning a.ts: the output's name with the specifier's extension
    const stem = target.slice(0, target.length - ext.length);
    reached = file.slice(0, file.length - (candidate.length - stem.length)) + ext;
  }
  let path = relative(folder, reached).split(sep).join("/");
  if (!path.startsWith(".")) path = `./${path}`;
  if (specifier.endsWith("/") && !path.endsWith("/")) path += "/";
  return path;
}

/**
 * `code` (the text of a file whose real path is `source` and whose output
 * is `output`) with its relative imports made to work from `output`: an
 * import of another file gen writes (`outputsOf`: each such source's real
 * path → its outputs) reaches that file's output — as written, when the
 * folder structure is the same — and an import of anything else reaches the
 * original. Imports resolve from the source's real path, as Node and
 * TypeScript resolve them through a symbolic link.
 */
export function rewriteRelativeImports(code: string, source: string, output: string, outputsOf: ReadonlyMap<string, readonly string[]>): string {
  const sf = ts.createSourceFile(source, code, ts.ScriptTarget.Latest, true, /\.tsx$/i.test(source) ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const edits: { start: number; end: number; text: string }[] = [];
  for (const literal of moduleSpecifiers(sf)) {
    const specifier = literal.text;
    if (!specifier.startsWith("./") && !specifier.startsWith("../")) continue;
    const target = resolve(dirname(source), specifier);
    const candidate = candidates(target).find((c) => statSync(c, { throwIfNoEntry: false })?.isFile());
    if (candidate === undefined && !existsSync(target)) continue; // not there in the sources either: leave the import for the compiler to report
    const outputs = candidate === undefined ? undefined : outputsOf.get(realpathSync(candidate));
    let path: string;
    if (outputs) {
      const asWritten = candidates(resolve(dirname(output), specifier));
      if (outputs.some((o) => asWritten.includes(o))) continue;
      path = specifierReaching(dirname(output), outputs[0], specifier, target, candidate!);
    } else {
      path = specifierReaching(dirname(output), target, specifier, target, target);
    }
    const quote = code[literal.getStart(sf)];
    edits.push({ start: literal.getStart(sf), end: literal.end, text: `${quote}${path}${quote}` });
  }
  let out = code;
  for (const e of edits.sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}
