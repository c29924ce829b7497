// Loop headers: the names a for or for…of header declares, a header that
// computes a differentiated value (DUALTS1009), and the zero tangents of a
// header variable that the body gives a derivative.

import ts = require("typescript");
import { isActive } from "../activity.js";
import type { EmitContext } from "./context.js";
import { laneVariable, noLanes } from "./lanes.js";

/**
 * `, di = 0` for each variable a for loop's header declares and its body gives a derivative (i = i * x):
 * its tangent starts at zero, declared in the header beside it (so a label on the loop stays on the
 * loop). Chunk mode's lanes cannot be declared there: the plain JVP serves such a function.
 */
export function zeroTangentsInHeader(cx: EmitContext, init: ts.ForInitializer): string {
  const names = declaredNames(init).filter((name) => cx.activity.active.has(name));
  if (names.length === 0) return "";
  if (cx.lanes && !cx.lanes.unrolled) noLanes(cx);
  const tangents = names.flatMap((name) => {
    const t = cx.names.tangent(name);
    return cx.lanes?.unrolled ? cx.lanes.unrolled.directions.map((_, j) => laneVariable(cx, t, j)) : [t];
  });
  return tangents.map((t) => `, ${t} = 0`).join("");
}

/** The names a for or for…of header declares (none for an assignment to outer names). */
export function declaredNames(init: ts.ForInitializer): string[] {
  return ts.isVariableDeclarationList(init) ? init.declarations.flatMap((d) => (ts.isIdentifier(d.name) ? [d.name.text] : [])) : [];
}

export function loopHeaderIsActive(cx: EmitContext, s: ts.ForStatement): boolean {
  const parts = [s.condition, s.incrementor].filter((p): p is ts.Expression => p !== undefined);
  const init = s.initializer;
  if (init && ts.isVariableDeclarationList(init)) parts.push(...init.declarations.flatMap((d) => (d.initializer ? [d.initializer] : [])));
  else if (init) parts.push(init);
  return parts.some((p) => isActive(p, cx.activity.active) && !(ts.isPostfixUnaryExpression(p) || ts.isPrefixUnaryExpression(p)));
}
