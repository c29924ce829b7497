// Stage 4a: the JVP function — each primal statement followed by its tangent.
//
//   function loss_jvp(w0: number, dw0: number, w1: number, dw1: number, xs: number[], ys: number[]): [number, number] {
//     let total = 0;
//     let dtotal = 0;
//     for (let i = 0; i < xs.length; i++) {
//       const z = w0 + w1 * xs[i];
//       // tangent of: const z = w0 + w1 * xs[i];
//       const dz = dw0 + dw1 * xs[i];
//       …
//     }
//     return [-total / xs.length, …];
//   }
//
// This file assembles the function: every wrt parameter x gets a tangent
// parameter dx right after it, and in chunk mode a lane count K comes first
// and the tangent arrays are allocated at entry; in the gradient form
// (gradient.ts) the tangents are not parameters but seeds declared at entry.
// The statements themselves are emitted by statements.ts.

import ts = require("typescript");
import { unwrap } from "../activity.js";
import { text, type EmitContext } from "./context.js";
import { writeGradientEntry } from "./gradient.js";
import { declareTangent, zeroLanes, type Lanes } from "./lanes.js";
import { emitReturn, emitStatement } from "./statements.js";
import { Writer } from "./writer.js";
import { declaredParameter, omissible, writeDefaults } from "./defaults.js";

export interface JvpSignature {
  readonly name: string;
  readonly parameters: readonly ts.ParameterDeclaration[];
  readonly wrt: readonly number[];
  readonly result: "scalar" | "array";
}

/** Parameters that the body assigns to, or a default may set: in chunk mode their tangent arrays are copied first, never written in the caller's. */
function assignedParameters(fn: ts.SignatureDeclaration & { body?: ts.ConciseBody }, names: readonly string[], parameters: readonly ts.ParameterDeclaration[]): string[] {
  const assigned = new Set<string>(parameters.flatMap((p) => (omissible(p) && ts.isIdentifier(p.name) ? [p.name.text] : [])));
  const visit = (node: ts.Node) => {
    if (ts.isBinaryExpression(node) && node.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && node.operatorToken.kind <= ts.SyntaxKind.LastAssignment && ts.isIdentifier(unwrap(node.left))) {
      assigned.add((unwrap(node.left) as ts.Identifier).text);
    }
    if (!ts.isFunctionLike(node)) ts.forEachChild(node, visit);
  };
  if (fn.body) visit(fn.body);
  return names.filter((n) => assigned.has(n));
}

/** In the record form, a parameter's node: a number for a number, one per element (`Int32Array | number[]`) for an array. */
function nodeType(cx: EmitContext, p: ts.ParameterDeclaration): string {
  return cx.activity.arrays.has((p.name as ts.Identifier).text) ? ": Int32Array | number[]" : ": number";
}

/**
 * The whole JVP function as source text: a declaration, or (for
 * differentiable(…) calls) an expression. With `lanes`, the chunk-mode JVP:
 * a lane count K first, and every tangent an array of K lanes. With
 * `record`, the record form (record.ts): the tape first, and every tangent a
 * node number.
 */
export function emitJvp(cx: EmitContext, fn: ts.SignatureDeclaration & { body?: ts.ConciseBody }, signature: JvpSignature, asExpression: boolean): string {
  const body = new Writer();
  const lanes: Lanes | undefined = cx.lanes;
  const tangentParameters: string[] = [];
  const parameters = signature.parameters.flatMap((p, i) => {
    const own = declaredParameter(cx, p, signature.wrt.includes(i));
    if (!signature.wrt.includes(i) || !ts.isIdentifier(p.name)) return [own];
    tangentParameters.push(p.name.text);
    if (lanes?.unrolled) return [own];
    const type = lanes ? ": number[] | Float64Array" : cx.record ? nodeType(cx, p) : p.type ? `: ${text(cx, p.type)}` : cx.activity.arrays.has(p.name.text) ? ": number[]" : ": number";
    // (A tangent left out with its parameter is set by the default's code before anything reads it.)
    return [own, `${cx.names.tangent(p.name.text)}${type}`];
  });
  // A parameter outside wrt that the body makes differentiated (b = a * b) starts with a zero tangent.
  signature.parameters.forEach((p, i) => {
    if (!signature.wrt.includes(i) && ts.isIdentifier(p.name) && cx.activity.active.has(p.name.text)) declareTangent(cx, body, "let", p.name.text, null);
  });
  // The defaults of parameters a call may leave out, evaluated first, as JavaScript evaluates them.
  const defaults = new Writer();
  defaults.from(fn.getStart(cx.sf), () => writeDefaults(cx, defaults, signature.parameters, signature.wrt));
  const fnBody = fn.body!;
  if (ts.isBlock(fnBody)) fnBody.statements.forEach((s) => emitStatement(cx, body, s));
  else body.from(fnBody.getStart(cx.sf), () => emitReturn(cx, body, fnBody));

  const w = new Writer();
  const tangentType = lanes ? "number[] | Float64Array" : "number";
  const resultType = lanes?.unrolled
    ? "number[] | undefined"
    : cx.valueOnly
      ? "number | undefined"
      : signature.result === "array"
        ? `[number[], ${lanes ? "number[] | Float64Array" : cx.record ? "Int32Array | number[]" : "number[]"}]`
        : `[number, ${tangentType}]`;
  // A method's code reads `this`: typed any, since the function expression sits in an object literal.
  const self = ts.isMethodDeclaration(fn) ? ["this: any"] : [];
  const leading = lanes && !lanes.unrolled ? [`${lanes.count}: number`] : cx.record ? [`${cx.record.tape}: any`] : [];
  const allParameters = [...self, ...leading, ...parameters];
  const header = asExpression ? `function (${allParameters.join(", ")}): ${resultType}` : `function ${signature.name}(${allParameters.join(", ")}): ${resultType}`;
  // Parameters that the body (or a default) assigns: their seeds are `let`, their lanes copied before they are written.
  const assigned = assignedParameters(fn, tangentParameters, signature.parameters);
  w.from(fn.getStart(cx.sf), () =>
    w.block(header, () => {
      if (cx.valueOnly) writeGradientEntry(cx, w, tangentParameters, assigned);
      if (lanes && !lanes.unrolled) for (const t of lanes.allocate) w.line(`const ${t} = ${zeroLanes(lanes.count)};`);
      w.append(defaults);
      if (lanes && !lanes.unrolled) for (const p of assigned) w.line(`${cx.names.tangent(p)} = ${cx.names.tangent(p)}.slice();`);
      w.append(body);
    }),
  );
  return w.text();
}
