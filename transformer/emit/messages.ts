// What the user reads when a call in a differentiated function has no
// derivative (DUALTS1001) or a statement is beyond the subset (DUALTS1008):
// the construct in the user's words, and a fix that applies to it — never
// "mark f @differentiable" for what cannot be marked (a parameter, a
// method of a library), never a TypeScript syntax kind's name.

import ts = require("typescript");
import { unwrap } from "../activity.js";
import { DERIVATIVE_APIS } from "../markers.js";
import { resolveName } from "../scope.js";
import { text, type EmitContext } from "./context.js";

/** dualts' exports a user may have meant when calling a function of that name. */
const DUALTS_EXPORTS = new Set(["noDerivative", "label", "differentiable", "defineJvp", ...DERIVATIVE_APIS]);

const IGNORE = "or wrap an argument in noDerivative(…) if its derivative should be ignored";

/** The message for a call whose arguments carry derivatives but whose callee has none. */
export function noDerivativeMessage(cx: EmitContext, call: ts.CallExpression): string {
  const callee = unwrap(call.expression);
  const name = text(cx, call.expression);
  const opening = `${name}(…) has no derivative, but its arguments depend on the differentiated parameters of ${cx.functionName}`;
  // Array.prototype.slice.call(xs), Math.max.apply(null, xs): a method borrowed for an array.
  const borrowed = /^(?:Array\.prototype|\[\])\.(\w+)\.(call|apply)$/.exec(name);
  if (borrowed && call.arguments.length > 0) {
    const array = text(cx, call.arguments[0]);
    const fix = borrowed[1] === "slice" ? `write ${array}.slice() (a copy of an array is supported)` : `write a loop over ${array}'s elements`;
    return `${opening}: ${fix}`;
  }
  if (ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) && callee.expression.text === "Math") {
    return `${opening}: dualts has no derivative rule for Math.${callee.name.text} (the README's Conventions list the Math functions it has); ` + `write it with those, ${IGNORE}`;
  }
  if (ts.isIdentifier(callee)) {
    const declaration = resolveName(callee.text, callee);
    if (declaration !== "global" && ts.isParameter(declaration)) {
      return (
        `${opening}: '${callee.text}' is a parameter, a function passed in, which dualts cannot differentiate through yet; ` +
        `call a @differentiable function of this module by name instead (f(x) where f is marked), ${IGNORE}`
      );
    }
    if (DUALTS_EXPORTS.has(callee.text)) {
      const where = declaration === "global" ? "it is not imported" : "it is declared in this module";
      return `${opening}: this ${callee.text} is not dualts' ${callee.text} (${where}); import { ${callee.text} } from "dualts" to use dualts' own`;
    }
    if (declaration !== "global" && aliasesMath(declaration)) {
      return `${opening}: '${callee.text}' is an alias of Math's ${callee.text} declared with let or var, which may change; declare it with const (const { ${callee.text} } = Math) for dualts to know it is Math's`;
    }
    const nested = declaration !== "global" && isInside(declaration, cx) ? " and declare it outside this function" : "";
    return `${opening}: mark ${name} @differentiable${nested}, use a Math function, ${IGNORE}`;
  }
  return `${opening}: call a @differentiable function or a Math function instead, ${IGNORE}`;
}

/** Whether a declaration takes its value from Math (const-ness aside): `let sqrt = Math.sqrt`, `let { sin } = Math`. */
function aliasesMath(declaration: ts.Node): boolean {
  const holder = ts.isBindingElement(declaration) ? declaration.parent.parent : declaration;
  if (!ts.isVariableDeclaration(holder) || !holder.initializer) return false;
  const init = unwrap(holder.initializer);
  return (ts.isIdentifier(init) && init.text === "Math") || (ts.isPropertyAccessExpression(init) && ts.isIdentifier(init.expression) && init.expression.text === "Math");
}

/** Whether a declaration stands inside the function being differentiated. */
function isInside(declaration: ts.Node, cx: EmitContext): boolean {
  for (let n: ts.Node | undefined = declaration.parent; n; n = n.parent) if (n === cx.fn) return true;
  return false;
}

/** A statement beyond the subset, in the user's words, with what to write instead. */
export function unsupportedStatement(s: ts.Statement): [string, string] {
  if (ts.isForInStatement(s)) {
    const over = ts.isIdentifier(s.expression) ? s.expression.text : "xs";
    return ["a for…in loop", `loop over the indices instead: for (let i = 0; i < ${over}.length; i++)`];
  }
  if (ts.isTryStatement(s)) return ["try/catch", "move the try/catch around the call of the differentiable function, outside it"];
  if (ts.isClassDeclaration(s)) return ["a class declared inside a differentiable function", "declare the class outside the function"];
  if (ts.isFunctionDeclaration(s)) return ["a function declared inside a differentiable function", "declare it outside and mark it @differentiable, passing the values it uses as arguments"];
  if (ts.isWithStatement(s)) return ["'with'", "name the object's properties explicitly"];
  return ["this statement", "see the supported subset in the README"];
}
