// Calls to differentiable functions inside a differentiated function: one
// of the same file calls that function's JVP, chunk-mode JVP or record form
// directly, with a tangent (lanes, a node) after each differentiated
// argument; one imported or registered at run time goes through the
// generated helpers __dualtsCall / __dualtsRecord, which find its derivative
// on the function object when the call runs (register.ts).
//
// The arguments are emitted by tangent.ts, like any operands, between
// callOperands (which of them) and emitDifferentiableCall (the call).

import ts = require("typescript");
import { sourceOf, ATOM_PRECEDENCE } from "../../src/rules/algebra.js";
import { unwrap } from "../activity.js";
import { copiedArray } from "../shapes.js";
import { codes } from "../diagnostics.js";
import { hoist, report, unsupported, where, type Callee, type EmitContext, type Emitted, type Writer } from "./context.js";
import { laneArgument, noLanes, tangentRef } from "./lanes.js";

/**
 * The arguments of a call of the differentiable function `name` to emit: all of them, but a spread
 * of one named array for a rest parameter, which fitArguments copies. Undefined (reported) for a
 * spread the call cannot pass.
 */
export function callOperands(cx: EmitContext, call: ts.CallExpression, name: string): readonly ts.Expression[] | undefined {
  const callee = cx.callees.get(name);
  // `g(a, ...xs)` for g(a, ...rest): a copy of the spread array is the rest parameter (fitArguments).
  const last = call.arguments[call.arguments.length - 1];
  const spreadRest = callee?.rest === true && last !== undefined && ts.isSpreadElement(last);
  const spread = call.arguments.find(ts.isSpreadElement);
  if (callee && spread && !(spreadRest && spread === last && call.arguments.length === callee.parameters.length && ts.isIdentifier(unwrap(last.expression)))) {
    const array = spread.expression.getText(cx.sf);
    const fix = callee.rest ? `spread one named array alone, for ${name}'s rest parameter only, or list the values` : `pass the elements themselves (${name}(${array}[0], ${array}[1], …))`;
    unsupported(cx, spread, `the spread '...${array}' in this call of ${name}`, fix);
    return undefined;
  }
  return spreadRest ? call.arguments.slice(0, -1) : call.arguments;
}

/**
 * `g(a, b)` for a differentiable g, its arguments emitted (callOperands's): its value and tangent
 * (lanes, node) from g's own derivative code. Undefined (reported) where the call passes too few or too many.
 */
export function emitDifferentiableCall(cx: EmitContext, w: Writer, call: ts.CallExpression, name: string, args: readonly Emitted[]): Emitted | undefined {
  const callee = cx.callees.get(name);
  const value = cx.names.temp();
  const tangent = cx.names.tangent(value);
  const result = { primal: sourceOf(value, ATOM_PRECEDENCE), tangent: tangentRef(cx, value), simple: true };
  // The gradient form unrolls its lanes into variables, which no callee's code takes: it is not emitted.
  if (cx.lanes?.unrolled) noLanes(cx);
  if (!callee) {
    // Imported: its derivative is looked up at run time, where its wrt is known.
    noLanes(cx);
    cx.needs.add("call");
    const [helper, leading] = cx.record ? ["__dualtsRecord", `${cx.record.tape}, `] : ["__dualtsCall", ""];
    w.line(
      `const [${value}, ${tangent}] = ${helper}(${name}, ${JSON.stringify(where(cx, call))}, ${leading}[${args.map((a) => a.primal.text).join(", ")}], [${args.map((a) => a.tangent?.text ?? "undefined").join(", ")}]);`,
    );
    return result;
  }
  cx.calls.add(name);
  const fitted = fitArguments(cx, call, callee, args);
  if (!fitted) {
    unsupported(cx, call, `calling ${name} with ${args.length} of its ${callee.parameters.length} arguments`, "pass every argument it has no default for");
    return undefined;
  }
  const slots = fitted.flatMap((a, i) => {
    const parameter = callee.parameters[i];
    // Left out: undefined for the value and its derivative, which the callee's code computes from the default.
    if (a === OMITTED) return callee.wrt.includes(i) ? ["undefined", "undefined"] : ["undefined"];
    if (!callee.wrt.includes(i)) {
      if (a.tangent !== null) {
        report(
          cx,
          codes.noDerivative,
          call.arguments[i],
          `${name} is not differentiable with respect to its parameter '${parameter.name}', but this argument depends on differentiated values of ${cx.functionName}: add '${parameter.name}' to ${name}'s wrt`,
        );
      }
      return [a.primal.text];
    }
    if (parameter.kind === "array") {
      const array = hoist(cx, w, a);
      const argument = a.gathered ? undefined : call.arguments[i] && unwrap(call.arguments[i]);
      if (a.tangent === null) {
        const length = cx.lanes ? `${array.primal.text}.length * ${cx.lanes.count}` : `${array.primal.text}.length`;
        return [array.primal.text, cx.lanes ? `new Float64Array(${length})` : `new Array(${length}).fill(0)`];
      }
      // A named array, or a copy of one ([...xs], xs.slice()): the callee reads its tangents and writes none.
      const named = argument && (ts.isIdentifier(argument) ? argument.text : copiedArray(argument));
      if (named === undefined) {
        // (The arguments gathered for a rest parameter, and an array literal, bring their own array of tangents.)
        if (a.gathered || (argument && ts.isArrayLiteralExpression(argument))) return [array.primal.text, a.tangent!.text];
        const computed = call.arguments[i].getText(cx.sf);
        unsupported(
          cx,
          call.arguments[i],
          "an array argument computed in the call",
          `declare it in a statement of its own (const values = ${computed.length > 40 ? "…" : computed};) and pass the name`,
        );
        return [array.primal.text];
      }
      return [array.primal.text, cx.names.tangent(named)];
    }
    return [a.primal.text, cx.lanes ? laneArgument(cx, w, a.tangent) : (a.tangent?.text ?? "0")];
  });
  const jvp = cx.lanes
    ? `${callee.chunkName}(${[cx.lanes.count, ...slots].join(", ")})`
    : cx.record
      ? `${callee.recordName}(${[cx.record.tape, ...slots].join(", ")})`
      : `${callee.jvpName}(${slots.join(", ")})`;
  w.line(`const [${value}, ${tangent}] = ${jvp};`);
  return result;
}

/** A parameter the call leaves out (it has a default, or is optional). */
type Argument = Emitted & { readonly gathered?: boolean };

const OMITTED: Argument = { primal: sourceOf("undefined", ATOM_PRECEDENCE), tangent: null, simple: true };

/**
 * The arguments lined up with the callee's parameters: the ones a call leaves out as OMITTED; for a
 * rest parameter, the trailing arguments gathered into one array and an array of their tangents (a
 * spread of one named array, `...xs`, is a copy of it). Undefined where the call passes too few.
 */
function fitArguments(cx: EmitContext, call: ts.CallExpression, callee: Callee, args: readonly Emitted[]): readonly Argument[] | undefined {
  const count = callee.parameters.length;
  if (!callee.rest) return args.length < callee.required || args.length > count ? undefined : [...args, ...new Array(count - args.length).fill(OMITTED)];
  if (args.length < callee.required) return undefined;
  const leading = args.slice(0, count - 1);
  const trailing = call.arguments.slice(count - 1);
  // (callOperands has reported every other spread: this one is alone, of a named array.)
  const spread = trailing.length === 1 && ts.isSpreadElement(trailing[0]) ? unwrap(trailing[0].expression) : undefined;
  if (spread && ts.isIdentifier(spread)) {
    const active = cx.activity.active.has(spread.text);
    // The rest parameter is a new plain array, as JavaScript's spread makes it (of a typed array too).
    return [
      ...leading,
      { primal: sourceOf(`[...${spread.text}]`, ATOM_PRECEDENCE), tangent: active ? sourceOf(cx.names.tangent(spread.text), ATOM_PRECEDENCE) : null, simple: false, gathered: active },
    ];
  }
  // Lanes would need one flat array of every argument's lanes: chunk mode leaves this call to the plain JVP.
  noLanes(cx);
  const values = args.slice(count - 1);
  const primal = sourceOf(`[${values.map((v) => v.primal.text).join(", ")}]`, ATOM_PRECEDENCE);
  const anyTangent = values.some((v) => v.tangent !== null);
  const tangent = anyTangent ? sourceOf(`[${values.map((v) => v.tangent?.text ?? "0").join(", ")}]`, ATOM_PRECEDENCE) : null;
  return [...leading, { primal, tangent, simple: false, gathered: anyTangent }];
}
