// Stage 4c: registration — how grad(f) finds f's generated code.
//
// The derivative information is stored on the function object itself under
// Symbol.for("dualts.derivative"), so no import is needed and any copy of
// the runtime finds it:
//
//   Object.defineProperty(loss, Symbol.for("dualts.derivative"), { value: {
//     name: "loss", parameters: ["w0", "w1", "xs", "ys"], kinds: [...], wrt: [0, 1],
//     result: "scalar", jvp: loss_jvp, generic: loss_generic } });
//
// Calls to differentiable functions of other modules go through two small
// helpers, written once per file that needs them.

export interface Registration {
  readonly name: string;
  readonly parameters: readonly string[];
  /** How many leading parameters a call must pass, where fewer than all (the rest have defaults or are optional). */
  readonly required?: number;
  /** The last parameter is a rest parameter: every form takes it as one array, which the API gathers. */
  readonly rest?: boolean;
  /** Absent, like every form, where the function could not be differentiated: `diagnostics` says why. */
  readonly kinds?: readonly ("scalar" | "array" | "data")[];
  readonly wrt?: readonly number[];
  readonly result?: "scalar" | "array";
  /** Absent for a function that takes derivatives itself (derivative(g)(x)): its generic form serves every mode. */
  readonly jvp?: string;
  /** The chunk-mode JVP (K tangents per pass), where the function has one. */
  readonly chunkJvp?: string;
  /** The record form (generated reverse mode: records onto a tape), where the function has one. */
  readonly record?: string;
  /** The gradient form (grad's one pass for a few numbers: the gradient, or undefined), where the function has one. */
  readonly gradient?: string;
  /** The record form's twin for grad: the result's node, or undefined where the value might not be finite. */
  readonly recordGradient?: string;
  readonly generic?: string;
  /** Why the function could not be differentiated: its diagnostics, each `file:line:col - error DUALTSxxxx: message`. */
  readonly diagnostics?: readonly string[];
}

export const DERIVATIVE_KEY = `Symbol.for("dualts.derivative")`;

/** The information object, with the two functions given as names or as function expressions. */
export function infoObject(r: Registration): string {
  return [
    "{",
    `  name: ${JSON.stringify(r.name)},`,
    `  parameters: ${JSON.stringify(r.parameters)},`,
    ...(r.kinds ? [`  kinds: ${JSON.stringify(r.kinds)},`] : []),
    ...(r.required !== undefined ? [`  required: ${r.required},`] : []),
    ...(r.rest ? ["  rest: true,"] : []),
    ...(r.wrt ? [`  wrt: ${JSON.stringify(r.wrt)},`] : []),
    ...(r.result ? [`  result: ${JSON.stringify(r.result)},`] : []),
    ...(r.jvp ? [`  jvp: ${r.jvp},`] : []),
    ...(r.chunkJvp ? [`  chunkJvp: ${r.chunkJvp},`] : []),
    ...(r.record ? [`  record: ${r.record},`] : []),
    ...(r.gradient ? [`  gradient: ${r.gradient},`] : []),
    ...(r.recordGradient ? [`  recordGradient: ${r.recordGradient},`] : []),
    ...(r.generic ? [`  generic: ${r.generic},`] : []),
    ...(r.diagnostics ? [`  diagnostics: [${r.diagnostics.map((d) => JSON.stringify(d)).join(", ")}],`] : []),
    "}",
  ].join("\n");
}

export function registerDeclaration(r: Registration): string {
  return `Object.defineProperty(${r.name}, ${DERIVATIVE_KEY}, { value: ${infoObject(r)} });`;
}

export const runtimeHelpers = `
/** dualts: the derivative registered on a function by the transform (for calls across modules). */
function __dualtsDerivative(f: any, where: string): any {
  const derivative = f?.[${DERIVATIVE_KEY}];
  if (!derivative) {
    throw new TypeError(where + ": " + (f?.name || "the callee") + " has no derivative: mark it @differentiable and compile its module with the dualts transform");
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
