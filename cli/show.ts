// `dualts show <file>#<function>`: prints the code the transform generates
// for one function — its JVP (value and directional derivative, each primal
// statement followed by its tangent), its generic form (the same code over
// dualts' operations, run by the reverse-mode tape and nested Duals), its
// chunk-mode JVP, its record form (generated reverse mode), its gradient
// form (grad's one pass over a few numbers) and the record form's twin that
// skips the value — laid out by
// TypeScript's formatter, for learning and debugging.

import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import ts = require("typescript");
import { withCheckedReads } from "./checked.js";
import { formatDiagnostic } from "../transformer/diagnostics.js";
import type { GeneratedFunction } from "../transformer/transform.js";
import { analyze, qualifiedName, type Analysis } from "./analyze.js";
import { formatCode } from "./format.js";
import { collectInputs, DECLARATION_FILE, UsageError } from "./inputs.js";
import type { Io } from "./io.js";
import { withThisParameters } from "./splice.js";

/** `src/loss.ts#loss` → file and function; the last `#` splits them. */
export function parseTarget(target: string): { file: string; name?: string } {
  const hash = target.lastIndexOf("#");
  if (hash < 0) return { file: target };
  return { file: target.slice(0, hash), name: target.slice(hash + 1) };
}

function available(analysis: Analysis): string {
  const names = analysis.marked.map(qualifiedName);
  const listed = names.length === 0 ? "it marks no function @differentiable" : `its differentiable functions: ${names.join(", ")}`;
  // A marker the transform cannot read (DUALTS1010) leaves its function out of the list: say so.
  const n = analysis.diagnostics.length;
  return n === 0 ? listed : `${listed} (the transform reports ${n} problem${n === 1 ? "" : "s"} in it: see dualts check)`;
}

/** The generated functions of a differentiable(…) call or a method, out of their information object, as declarations. */
function fromInfo(g: GeneratedFunction, baseName: string): string {
  const info = withThisParameters(g.info!);
  const sf = ts.createSourceFile("info.ts", `(${info})`, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const object = (sf.statements[0] as ts.ExpressionStatement).expression;
  const literal = ts.isParenthesizedExpression(object) ? object.expression : object;
  const parts: string[] = [];
  if (ts.isObjectLiteralExpression(literal)) {
    for (const property of literal.properties) {
      if (!ts.isPropertyAssignment(property) || !ts.isFunctionExpression(property.initializer)) continue;
      const key = property.name.getText(sf);
      const text = property.initializer.getText(sf).replace(/^function\s*\*?\s*(?=\()/, `function ${baseName}_${key}`);
      parts.push(text);
    }
  }
  return parts.join("\n\n");
}

function lookup(analysis: Analysis, name: string, file: string): GeneratedFunction[] {
  const matches = (qualified: string, plain: string) => qualified === name || plain === name;
  const marked = analysis.marked.filter((m) => matches(qualifiedName(m), m.name));
  if (marked.length === 0) throw new UsageError(`${file} has no differentiable function named '${name}'; ${available(analysis)}`);
  if (marked.length > 1) {
    throw new UsageError(`'${name}' is ambiguous in ${file}: ${marked.map(qualifiedName).join(", ")}; name one with its class, e.g. ${file}#${qualifiedName(marked[0])}`);
  }
  return (analysis.result?.functions ?? []).filter((g) => g.marked.node === marked[0].node && g.diagnostics === undefined);
}

export function runShow(target: string, io: Io): number {
  const { file, name } = parseTarget(target);
  const [input] = collectInputs([file], { cwd: io.cwd });
  if (resolve(io.cwd, file) !== input.path || DECLARATION_FILE.test(input.path)) {
    throw new UsageError(`${file}: show takes one TypeScript source file, e.g. dualts show src/loss.ts#loss`);
  }
  const analysis = analyze(input.display, readFileSync(input.path, "utf8"));
  if (name === undefined || name === "") {
    throw new UsageError(`name the function after a '#', e.g. dualts show ${file}#${analysis.marked[0] ? qualifiedName(analysis.marked[0]) : "f"}; ${available(analysis)}`);
  }
  const generated = lookup(analysis, name, input.display);
  if (generated.length === 0) {
    // Marked, but the transform reported problems instead of generating code: show those.
    const m = analysis.marked.find((f) => qualifiedName(f) === name || f.name === name)!;
    const start = m.node.getStart(analysis.sourceFile);
    const own = analysis.diagnostics.filter((d) => d.start >= start && d.start < m.node.end);
    const shown = own.length > 0 ? own : analysis.diagnostics;
    io.err(`dualts show: no code was generated for ${name}: the transform reported`);
    shown.forEach((d) => io.out(formatDiagnostic(d)));
    return 1;
  }
  const g = generated[0];
  // As `dualts gen` writes it (element reads marked !).
  const code = withCheckedReads(g.declarations ?? fromInfo(g, g.marked.name), analysis.sourceFile.languageVariant === ts.LanguageVariant.JSX);
  io.out(`// dualts show ${input.display}#${name}: the code the transform generates for ${qualifiedName(g.marked)}`);
  io.out(formatCode(code).trimEnd());
  return 0;
}
