// Stage 4a, whole arrays: the tangent of an array declared or assigned as a
// whole. A second name for an array shares its tangent (writes through either
// reach both); a copy ([...xs], xs.slice()) gets a copy of it; a literal, an
// array a derivative's call returns or one chosen by a condition gets its own;
// anything else carries no derivative and starts from zeros. In chunk mode a
// tangent holds K lanes per element (flat), in a Float64Array unless the array
// grows by push.

import ts = require("typescript");
import { copiedArray, isActive, unwrap } from "../activity.js";
import { text, unsupported, type EmitContext } from "./context.js";
import type { Writer } from "./writer.js";
import { emitExpression, emitOperands } from "./tangent.js";
import { assignTangent, laneArray, noLanes, tangentElement, zerosFor, zerosLike } from "./lanes.js";

/** The tangent of a local array declared with an initializer that carries none (new Array(n).fill(0), new Float64Array(n), xs.slice(), …). */
function zeroTangentArray(cx: EmitContext, name: string, init: ts.Expression): string {
  const u = unwrap(init);
  if (!cx.lanes && ts.isNewExpression(u) && ts.isIdentifier(u.expression) && u.expression.text === "Float64Array") {
    return cx.record ? `new Int32Array(${name}.length)` : `new Float64Array(${name}.length)`;
  }
  return zerosLike(cx, name);
}

/**
 * `name = initializer` for a whole array that carries a derivative, and its tangent: declared (keyword
 * const, let or var, with the declaration's type) or, with no keyword, assigned. A second name for an
 * array shares its tangent whole; an array made here gets its own. An assignment computes the new
 * tangent before it writes the array or its tangent, as it may read their old elements (v = [v[1], v[0]]).
 */
export function emitWholeArray(cx: EmitContext, w: Writer, keyword: string, name: string, type: string, initializer: ts.Expression): void {
  const declare = keyword ? `${keyword} ` : "";
  const tangent = cx.names.tangent(name);
  const init = unwrap(initializer);
  // But for a literal (below), the array first when declared, the tangent first when assigned.
  const both = (primal: string, tangentValue: string) => {
    if (keyword) w.line(primal);
    w.line(`${declare}${tangent} = ${tangentValue};`);
    if (!keyword) w.line(primal);
  };
  const copied = copiedArray(init);
  if (copied && cx.activity.arrays.has(copied)) {
    // A copy ([...xs], xs.slice()) gets a copy of the tangent: writes into either leave the other alone.
    const source = cx.names.tangent(copied);
    const copy = cx.activity.pushed.has(name) ? `Array.from(${source})` : `${source}.slice()`;
    return both(`${declare}${name}${type} = ${text(cx, initializer)};`, cx.activity.active.has(copied) ? copy : zerosLike(cx, copied, name));
  }
  if (ts.isArrayLiteralExpression(init)) {
    if (init.elements.some(ts.isSpreadElement)) return unsupported(cx, init, "a spread in an array of differentiated values", "push the elements in a loop");
    const values = emitOperands(cx, w, init.elements);
    // Assigned: the new tangent goes to a temporary first (here with the size of the new array).
    const fresh = keyword ? tangent : cx.names.temp();
    const declareFresh = keyword ? declare : "const ";
    const primal = `${declare}${name}${type} = [${values.map((v) => v.primal.text).join(", ")}];`;
    if (keyword) w.line(primal);
    if (values.length === 0) w.line(`${declareFresh}${fresh}: number[] = [];`);
    else if (!cx.lanes) w.line(`${declareFresh}${fresh} = [${values.map((v) => v.tangent?.text ?? "0").join(", ")}];`);
    else {
      w.line(`${declareFresh}${fresh} = ${keyword ? zerosLike(cx, name) : zerosFor(cx, String(values.length), name)};`);
      values.forEach((v, j) => v.tangent && assignTangent(cx, w, tangentElement(cx, name, String(j), fresh), v.tangent));
    }
    if (!keyword) w.line(primal);
    if (!keyword) w.line(`${tangent} = ${fresh};`);
    return;
  }
  if (ts.isIdentifier(init)) {
    // One array variable made another's alias (v = w): so is its tangent, whole — element writes through
    // either name reach both. (In chunk mode a scalar assignment would copy lane 0's K entries only.)
    return both(`${declare}${name}${type} = ${init.text};`, cx.activity.active.has(init.text) ? cx.names.tangent(init.text) : zerosLike(cx, init.text, name));
  }
  if (isActive(initializer, cx.activity.active)) {
    // An array returned by a differentiable call, or one of two chosen by a condition: its tangent comes with it.
    noLanes(cx);
    const value = emitExpression(cx, w, initializer);
    const tangentArray = laneArray(cx, value.tangent) ?? value.tangent?.text;
    if (tangentArray) return both(`${declare}${name}${type} = ${value.primal.text};`, tangentArray);
    w.line(`${declare}${name}${type} = ${value.primal.text};`);
    w.line(`${declare}${tangent} = ${zerosLike(cx, name)};`);
    return;
  }
  w.line(`${declare}${name}${type} = ${text(cx, initializer)};`);
  w.line(`${declare}${tangent} = ${zeroTangentArray(cx, name, initializer)};`);
}
