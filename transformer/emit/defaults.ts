// Default and optional parameters of the generated forms. A call may leave
// out a parameter that has a default (`y = 2 * x`) or is optional (`y?`);
// the API then passes undefined for it and for its tangent, and each form
// evaluates the default where JavaScript would, with its derivative:
//
//   function f_jvp(x: number, dx: number, y: number | undefined, dy: number | undefined): [number, number] {
//     if (y === undefined) {
//       y = 2 * x;
//       dy = dx * 2;
//     }
//     …
//
// An optional parameter left out keeps undefined, with a zero tangent. A rest
// parameter (`...xs: number[]`) is one array parameter in every form: the
// API gathers the arguments into it.

import ts = require("typescript");
import { text, type EmitContext } from "./context.js";
import { emitWholeArray } from "./arrays.js";
import { assignTangent, tangentRef, zeroLanes } from "./lanes.js";
import { emitExpression } from "./tangent.js";
import type { Writer } from "./writer.js";

/** Whether a parameter may be left out of a call: it has a default, or is optional. */
export function omissible(p: ts.ParameterDeclaration): boolean {
  return p.initializer !== undefined || p.questionToken !== undefined;
}

/**
 * A parameter as a form declares it: without `...` (a rest parameter is an array there); a
 * differentiated one that may be left out, as `name: type | undefined` (its default is evaluated in
 * the body; an untyped one is typed by its kind).
 */
export function declaredParameter(cx: EmitContext, p: ts.ParameterDeclaration, differentiated: boolean): string {
  const own = text(cx, p).replace(/^\.\.\./, "");
  if (!differentiated || !omissible(p)) return own;
  const name = text(cx, p.name);
  const type = p.type ? text(cx, p.type) : cx.activity.arrays.has(name) ? "number[]" : "number";
  return `${name}: ${type} | undefined`;
}

/** How many leading parameters a call must pass (JavaScript's Function.length), if fewer than all. */
export function requiredCount(parameters: readonly ts.ParameterDeclaration[]): number | undefined {
  const first = parameters.findIndex((p) => omissible(p) || p.dotDotDotToken !== undefined);
  return first < 0 ? undefined : first;
}

/** `if (y === undefined) { … }` for each differentiated parameter a call may leave out: its default and the default's derivative. */
export function writeDefaults(cx: EmitContext, w: Writer, parameters: readonly ts.ParameterDeclaration[], wrt: readonly number[]): void {
  parameters.forEach((p, i) => {
    if (!wrt.includes(i) || !ts.isIdentifier(p.name) || !omissible(p)) return;
    const name = p.name.text;
    const tangent = cx.names.tangent(name);
    w.block(`if (${name} === undefined)`, () => {
      if (p.initializer && cx.activity.arrays.has(name)) return emitWholeArray(cx, w, "", name, "", p.initializer);
      // A lane array of its own, where the caller passed none.
      if (cx.lanes && !cx.lanes.unrolled) w.line(`${tangent} = ${zeroLanes(cx.lanes.count)};`);
      if (!p.initializer) return assignTangent(cx, w, tangentRef(cx, name), null);
      const value = emitExpression(cx, w, p.initializer);
      w.line(`${name} = ${value.primal.text};`);
      assignTangent(cx, w, tangentRef(cx, name), value.tangent);
    });
  });
}
