// Calls to differentiable functions inside a differentiated function: one
// of the same file calls that function's JVP, chunk-mode JVP or record form
// directly, with a tangent (lanes, a node) after each differentiated
// argument; one imported or registered at run time goes through the
// generated helpers __dualtsCall / __dualtsRecord, which find its derivative
// on the function object when the call runs (register.ts).

import ts = require("typescript");
import { sourceOf, ATOM_PRECEDENCE } from "../../src/rules/algebra.js";
import { unwrap } from "../activity.js";
import { codes } from "../diagnostics.js";
import { report, unsupported, where, type EmitContext, type Writer } from "./context.js";
import { laneArgument, noLanes, tangentRef } from "./lanes.js";
import { emitOperands, hoist, passive, type Emitted } from "./tangent.js";

/** `g(a, b)` for a differentiable g: its value and tangent (lanes, node) from g's own derivative code. */
export function emitDifferentiableCall(cx: EmitContext, w: Writer, call: ts.CallExpression, name: string): Emitted {
  const args = emitOperands(cx, w, call.arguments);
  const value = cx.names.temp();
  const tangent = cx.names.tangent(value);
  const result = { primal: sourceOf(value, ATOM_PRECEDENCE), tangent: tangentRef(cx, value), simple: true };
  const callee = cx.callees.get(name);
  // The gradient form unrolls its lanes into variables, which no callee's code takes: it is not emitted.
  if (cx.lanes?.unrolled) noLanes(cx);
  if (!callee) {
    // Imported: its derivative is looked up at run time, where its wrt is known.
    noLanes(cx);
    cx.needs.add("call");
    const [helper, leading] = cx.record ? ["__dualtsRecord", `${cx.record.tape}, `] : ["__dualtsCall", ""];
    w.line(`const [${value}, ${tangent}] = ${helper}(${name}, ${JSON.stringify(where(cx, call))}, ${leading}[${args.map((a) => a.primal.text).join(", ")}], [${args.map((a) => a.tangent?.text ?? "undefined").join(", ")}]);`);
    return result;
  }
  cx.calls.add(name);
  if (args.length !== callee.parameters.length) {
    unsupported(cx, call, `calling ${name} with ${args.length} of its ${callee.parameters.length} arguments`, "pass every argument");
    return passive(cx, call);
  }
  const slots = args.flatMap((a, i) => {
    const parameter = callee.parameters[i];
    if (!callee.wrt.includes(i)) {
      if (a.tangent !== null) {
        report(cx, codes.noDerivative, call.arguments[i],
          `${name} is not differentiable with respect to its parameter '${parameter.name}', but this argument depends on differentiated values of ${cx.functionName}: add '${parameter.name}' to ${name}'s wrt`);
      }
      return [a.primal.text];
    }
    if (parameter.kind === "array") {
      const array = hoist(cx, w, a);
      const argument = unwrap(call.arguments[i]);
      if (a.tangent === null) {
        const length = cx.lanes ? `${array.primal.text}.length * ${cx.lanes.count}` : `${array.primal.text}.length`;
        return [array.primal.text, cx.lanes ? `new Float64Array(${length})` : `new Array(${length}).fill(0)`];
      }
      if (!ts.isIdentifier(argument)) {
        unsupported(cx, call.arguments[i], "an array argument computed in the call", "pass a named array");
        return [array.primal.text];
      }
      return [array.primal.text, cx.names.tangent(argument.text)];
    }
    return [a.primal.text, cx.lanes ? laneArgument(cx, w, a.tangent) : a.tangent?.text ?? "0"];
  });
  const jvp = cx.lanes
    ? `${callee.chunkName}(${[cx.lanes.count, ...slots].join(", ")})`
    : cx.record
    ? `${callee.recordName}(${[cx.record.tape, ...slots].join(", ")})`
    : `${callee.jvpName}(${slots.join(", ")})`;
  w.line(`const [${value}, ${tangent}] = ${jvp};`);
  return result;
}
