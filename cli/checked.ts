// Generated code as `dualts gen` writes it into TypeScript: every element
// read marked `!` (xs[i]!, dxs[i * K + k]!), so that it type-checks under
// noUncheckedIndexedAccess, which `tsc --init` turns on. A read of an index
// the generated code has just computed is in range by construction, as the
// user's own reads (which the user marks with `!` under that setting) are;
// the compilers that build gen's output erase the mark.

import ts = require("typescript");
import { ORIGIN } from "../transformer/emit/writer.js";

/** Whether an element access is written to (an assignment's target, ++/--, delete) rather than read. */
function isWritten(node: ts.ElementAccessExpression): boolean {
  let child: ts.Node = node;
  let parent = node.parent;
  while (ts.isParenthesizedExpression(parent)) {
    child = parent;
    parent = parent.parent;
  }
  if (ts.isBinaryExpression(parent)) return parent.left === child && parent.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && parent.operatorToken.kind <= ts.SyntaxKind.LastAssignment;
  if (ts.isPrefixUnaryExpression(parent) || ts.isPostfixUnaryExpression(parent)) return parent.operator === ts.SyntaxKind.PlusPlusToken || parent.operator === ts.SyntaxKind.MinusMinusToken;
  return ts.isDeleteExpression(parent);
}

/**
 * The code with `!` after every element read that has none (`code` is one or more statements, or an
 * expression), and without the origin marks of the compilers' source maps (emit/writer.ts's ORIGIN).
 */
export function withCheckedReads(marked: string, jsx = false): string {
  const code = marked.replace(ORIGIN, "");
  const wrapped = `(${code}\n)`;
  const asExpression = ts.createSourceFile("checked.ts", wrapped, ts.ScriptTarget.Latest, true, jsx ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const parsesAsExpression = (asExpression as unknown as { parseDiagnostics: readonly unknown[] }).parseDiagnostics.length === 0;
  const [text, offset] = parsesAsExpression ? [wrapped, 1] : [code, 0];
  const sf = parsesAsExpression ? asExpression : ts.createSourceFile("checked.ts", code, ts.ScriptTarget.Latest, true, jsx ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const ends: number[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isElementAccessExpression(node) && !ts.isNonNullExpression(node.parent) && !isWritten(node)) ends.push(node.end);
    ts.forEachChild(node, visit);
  };
  visit(sf);
  let out = text;
  for (const end of ends.sort((a, b) => b - a)) out = `${out.slice(0, end)}!${out.slice(end)}`;
  return parsesAsExpression ? out.slice(offset, out.length - 2) : out;
}
