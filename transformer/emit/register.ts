// Stage 4c: registration — how grad(f) finds f's generated code.
//
// What a registration holds is the contract of src/contract.ts, which the
// runtime reads: here each form is source text (a generated function's name
// or a function expression). It is stored on the function object itself
// under Symbol.for("dualts.derivative"), so no import is needed and any copy
// of the runtime finds it:
//
//   Object.defineProperty(loss, Symbol.for("dualts.derivative"), { value: {
//     contract: 1, name: "loss", parameters: ["w0", "w1", "xs", "ys"], kinds: [...],
//     wrt: [0, 1], result: "scalar", jvp: loss_jvp, …, generic: loss_generic } });
//
// Calls to differentiable functions of other modules go through small
// helpers, written once per file that needs them; they refuse a callee
// registered under another contract version.

import { CONTRACT_VERSION, DERIVATIVE_KEY, FORMS, isFailed, type FormsAs, type Registration } from "../../src/contract.js";

/** A registration as the transform writes it: each form as source text. */
export type WrittenRegistration = Registration<FormsAs<string>>;

/** The expression of the symbol a registration is stored under. */
const derivativeSymbol = `Symbol.for(${JSON.stringify(DERIVATIVE_KEY)})`;

/** The information object: metadata, then each form present (in FORMS' order), or the diagnostics. */
export function infoObject(r: WrittenRegistration): string {
  const fields = [`contract: ${r.contract}`, `name: ${JSON.stringify(r.name)}`, `parameters: ${JSON.stringify(r.parameters)}`];
  if (isFailed(r)) {
    fields.push(`diagnostics: [${r.diagnostics.map((d) => JSON.stringify(d)).join(", ")}]`);
  } else {
    fields.push(`kinds: ${JSON.stringify(r.kinds)}`);
    if (r.required !== undefined) fields.push(`required: ${r.required}`);
    if (r.rest) fields.push("rest: true");
    fields.push(`wrt: ${JSON.stringify(r.wrt)}`, `result: ${JSON.stringify(r.result)}`);
    for (const form of FORMS) {
      const code = r[form];
      if (code !== undefined) fields.push(`${form}: ${code}`);
    }
  }
  return ["{", ...fields.map((field) => `  ${field},`), "}"].join("\n");
}

export function registerDeclaration(r: WrittenRegistration): string {
  return `Object.defineProperty(${r.name}, ${derivativeSymbol}, { value: ${infoObject(r)} });`;
}

export const runtimeHelpers = `
/** dualts: the derivative registered on a function by the transform (for calls across modules). */
function __dualtsDerivative(f: any, where: string): any {
  const derivative = f?.[${derivativeSymbol}];
  if (!derivative) {
    throw new TypeError(where + ": " + (f?.name || "the callee") + " has no derivative: mark it @differentiable and compile its module with the dualts transform");
  }
  if (derivative.contract !== ${CONTRACT_VERSION}) {
    const name = derivative.name || f.name || "the callee";
    throw new Error(where + ": " + name + " was compiled by another version of the dualts transform (its registration has " + (derivative.contract === undefined ? "no contract version" : "contract version " + derivative.contract) + "; this module was compiled for contract version ${CONTRACT_VERSION}). Recompile " + name + "'s module with the installed dualts, and this module too if another dualts compiled it: every compiled module must come from the dualts it runs with.");
  }
  if (derivative.diagnostics) {
    throw new Error(where + ": " + derivative.name + " is marked @differentiable, but the dualts transform could not differentiate it:\\n  " + derivative.diagnostics.join("\\n  ") + "\\nFix them and compile again: then " + derivative.name + " is differentiable.");
  }
  return derivative;
}

/**
 * dualts: the arguments of a call of f's generated code, each differentiable one followed by its
 * tangent or its node on the tape (given as undefined, and passed as zeros, where it carries none). A
 * parameter the call leaves out gets undefined for both (f's code computes its default); the arguments
 * for a rest parameter are gathered into one array, their tangents or nodes into another.
 */
function __dualtsSlots(derivative: any, where: string, given: any[], givenDerivatives: any[]): any[] {
  const count = derivative.parameters.length;
  let args = given;
  let derivatives = givenDerivatives;
  if (derivative.rest) {
    const tail = given.slice(count - 1);
    let tails: any[] | undefined;
    for (let j = 0; j < tail.length; j++) {
      if (givenDerivatives[count - 1 + j] !== undefined) tails = tail.map(function (_: any, k: number) { return givenDerivatives[count - 1 + k] ?? 0; });
    }
    args = [...given.slice(0, count - 1), tail];
    derivatives = [...givenDerivatives.slice(0, count - 1), tails];
  }
  const slots: any[] = [];
  for (let i = 0; i < count; i++) {
    const arg = args[i];
    slots.push(arg);
    if (derivative.wrt.includes(i)) {
      slots.push(arg === undefined ? undefined : derivatives[i] ?? (typeof arg === "number" ? 0 : new Array(arg.length).fill(0)));
    } else if (derivatives[i] !== undefined) {
      throw new TypeError(where + ": " + derivative.name + " is not differentiable with respect to its parameter '" + derivative.parameters[i] + "', but this argument depends on differentiated values: add it to " + derivative.name + "'s wrt");
    }
  }
  return slots;
}

/** dualts: calls f's JVP with a tangent for each argument (undefined where it carries none). */
function __dualtsCall(f: any, where: string, args: any[], tangents: any[]): [any, any] {
  const derivative = __dualtsDerivative(f, where);
  if (!derivative.jvp) throw new TypeError(where + ": " + derivative.name + " takes derivatives itself, so it has no tangent code; differentiate the caller with hessian or mode: 'reverse'");
  return derivative.jvp(...__dualtsSlots(derivative, where, args, tangents));
}

/**
 * dualts: records f's call onto the tape through f's record form (generated reverse mode), with a node
 * for each argument (undefined where it carries none). Where f has none, the error says so, and the API
 * runs the caller's reverse mode on its generic form instead.
 */
function __dualtsRecord(f: any, where: string, tape: any, args: any[], nodes: any[]): [any, any] {
  const derivative = __dualtsDerivative(f, where);
  if (!derivative.record) {
    throw Object.assign(new TypeError(where + ": " + derivative.name + " has no record form (generated reverse mode)"), { dualtsNoRecord: true });
  }
  return derivative.record(tape, ...__dualtsSlots(derivative, where, args, nodes));
}

/** dualts: f over dualts' generic operations (the arguments for a rest parameter gathered into one array). */
function __dualtsGeneric(f: any, where: string): any {
  const derivative = __dualtsDerivative(f, where);
  if (!derivative.rest) return derivative.generic;
  const count = derivative.parameters.length;
  return function (ops: any, ...args: any[]) {
    return derivative.generic(ops, ...args.slice(0, count - 1), args.slice(count - 1));
  };
}
`;
