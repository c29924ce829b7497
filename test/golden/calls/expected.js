// diagnostics: none

// Calls between differentiable functions: in the same file (recursion
// included) and imported from another module (looked up at run time).
import { softplus } from "./activations.js";
Object.defineProperty(sigmoid, Symbol.for("dualts.derivative"), { value: {
        contract: 1,
        name: "sigmoid",
        parameters: ["z"],
        kinds: ["scalar"],
        wrt: [0],
        result: "scalar",
        jvp: sigmoid_jvp,
        chunkJvp: sigmoid_chunkJvp,
        record: sigmoid_record,
        gradient: sigmoid_gradient,
        generic: sigmoid_generic,
    } });
Object.defineProperty(power, Symbol.for("dualts.derivative"), { value: {
        contract: 1,
        name: "power",
        parameters: ["x", "n"],
        kinds: ["scalar", "scalar"],
        wrt: [0],
        result: "scalar",
        jvp: power_jvp,
        chunkJvp: power_chunkJvp,
        record: power_record,
        generic: power_generic,
    } });
Object.defineProperty(model, Symbol.for("dualts.derivative"), { value: {
        contract: 1,
        name: "model",
        parameters: ["w", "x"],
        kinds: ["scalar", "scalar"],
        wrt: [0, 1],
        result: "scalar",
        jvp: model_jvp,
        record: model_record,
        generic: model_generic,
    } });
/** @differentiable */
export function sigmoid(z) {
    return 1 / (1 + Math.exp(-z));
}
function sigmoid_jvp(z, dz) {
    const t1 = Math.exp(-z);
    const t2 = 1 + t1;
    const t3 = 1 / t2;
    return [t3, dz * t1 * (t3 / t2)];
}
function sigmoid_generic(ops, z) {
    return ops.div(1, (ops.add(1, ops.exp(ops.neg(z)))));
}
function sigmoid_chunkJvp(K, z, dz) {
    const dt4 = new Array(K).fill(0);
    const t1 = Math.exp(-z);
    const t2 = 1 + t1;
    const t3 = 1 / t2;
    const t5 = t1 * (t3 / t2);
    for (let k = 0; k < K; k++)
        dt4[k] = dz[k] * t5;
    return [t3, dt4];
}
function sigmoid_record(tape, z, zNode) {
    const t1 = Math.exp(-z);
    const t2 = 1 + t1;
    const t3 = 1 / t2;
    return [t3, tape.node1(zNode, t1 * (t3 / t2))];
}
function sigmoid_gradient(z) {
    const dz_dz = 1;
    const t1 = Math.exp(-z);
    const t2 = 1 + t1;
    const t3 = 1 / t2;
    const t4 = t1 * (t3 / t2);
    const valueSize = 1 / Math.abs((1 + Math.exp(-z)));
    return valueSize < Infinity ? [dz_dz * t4] : undefined;
}
/** @differentiable wrt(x) */
export function power(x, n) {
    return n === 0 ? 1 : x * power(x, n - 1);
}
function power_jvp(x, dx, n) {
    let t1;
    let dt1;
    if (n === 0) {
        t1 = 1;
        dt1 = 0;
    }
    else {
        const [t2, dt2] = power_jvp(x, dx, n - 1);
        t1 = x * t2;
        dt1 = dx * t2 + dt2 * x;
    }
    return [t1, dt1];
}
function power_generic(ops, x, n) {
    return n === 0 ? 1 : ops.mul(x, power_generic(ops, x, n - 1));
}
function power_chunkJvp(K, x, dx, n) {
    const dt1 = new Array(K).fill(0);
    let t1;
    if (n === 0) {
        t1 = 1;
        for (let k = 0; k < K; k++)
            dt1[k] = 0;
    }
    else {
        const [t2, dt2] = power_chunkJvp(K, x, dx, n - 1);
        t1 = x * t2;
        for (let k = 0; k < K; k++)
            dt1[k] = dx[k] * t2 + dt2[k] * x;
    }
    return [t1, dt1];
}
function power_record(tape, x, xNode, n) {
    let t1;
    let t1Node;
    if (n === 0) {
        t1 = 1;
        t1Node = 0;
    }
    else {
        const [t2, t2Node] = power_record(tape, x, xNode, n - 1);
        t1 = x * t2;
        t1Node = tape.node2(xNode, t2, t2Node, x);
    }
    return [t1, t1Node];
}
/** @differentiable */
export function model(w, x) {
    return sigmoid(w * x) + softplus(w) + power(w, 3);
}
function model_jvp(w, dw, x, dx) {
    const [t1, dt1] = sigmoid_jvp(w * x, dw * x + dx * w);
    const [t2, dt2] = __dualtsCall(softplus, "input.ts:18:27", [w], [dw]);
    const [t3, dt3] = power_jvp(w, dw, 3);
    return [t1 + t2 + t3, dt1 + dt2 + dt3];
}
function model_generic(ops, w, x) {
    return ops.add(ops.add(sigmoid_generic(ops, ops.mul(w, x)), __dualtsGeneric(softplus, "input.ts:18:27")(ops, w)), power_generic(ops, w, 3));
}
function model_record(tape, w, wNode, x, xNode) {
    const [t1, t1Node] = sigmoid_record(tape, w * x, tape.node2(wNode, x, xNode, w));
    const [t2, t2Node] = __dualtsRecord(softplus, "input.ts:18:27", tape, [w], [wNode]);
    const [t3, t3Node] = power_record(tape, w, wNode, 3);
    return [t1 + t2 + t3, tape.node3(t1Node, 1, t2Node, 1, t3Node, 1)];
}
/** dualts: the derivative registered on a function by the transform (for calls across modules). */
function __dualtsDerivative(f, where) {
    const derivative = f?.[Symbol.for("dualts.derivative")];
    if (!derivative) {
        throw new TypeError(where + ": " + (f?.name || "the callee") + " has no derivative: mark it @differentiable and compile its module with the dualts transform");
    }
    if (derivative.contract !== 1) {
        const name = derivative.name || f.name || "the callee";
        throw new Error(where + ": " + name + " was compiled by another version of the dualts transform (its registration has " + (derivative.contract === undefined ? "no contract version" : "contract version " + derivative.contract) + "; this module was compiled for contract version 1). Recompile " + name + "'s module with the installed dualts, and this module too if another dualts compiled it: every compiled module must come from the dualts it runs with.");
    }
    if (derivative.diagnostics) {
        throw new Error(where + ": " + derivative.name + " is marked @differentiable, but the dualts transform could not differentiate it:\n  " + derivative.diagnostics.join("\n  ") + "\nFix them and compile again: then " + derivative.name + " is differentiable.");
    }
    return derivative;
}
/**
 * dualts: the arguments of a call of f's generated code, each differentiable one followed by its
 * tangent or its node on the tape (given as undefined, and passed as zeros, where it carries none). A
 * parameter the call leaves out gets undefined for both (f's code computes its default); the arguments
 * for a rest parameter are gathered into one array, their tangents or nodes into another.
 */
function __dualtsSlots(derivative, where, given, givenDerivatives) {
    const count = derivative.parameters.length;
    let args = given;
    let derivatives = givenDerivatives;
    if (derivative.rest) {
        const tail = given.slice(count - 1);
        let tails;
        for (let j = 0; j < tail.length; j++) {
            if (givenDerivatives[count - 1 + j] !== undefined)
                tails = tail.map(function (_, k) { return givenDerivatives[count - 1 + k] ?? 0; });
        }
        args = [...given.slice(0, count - 1), tail];
        derivatives = [...givenDerivatives.slice(0, count - 1), tails];
    }
    const slots = [];
    for (let i = 0; i < count; i++) {
        const arg = args[i];
        slots.push(arg);
        if (derivative.wrt.includes(i)) {
            slots.push(arg === undefined ? undefined : derivatives[i] ?? (typeof arg === "number" ? 0 : new Array(arg.length).fill(0)));
        }
        else if (derivatives[i] !== undefined) {
            throw new TypeError(where + ": " + derivative.name + " is not differentiable with respect to its parameter '" + derivative.parameters[i] + "', but this argument depends on differentiated values: add it to " + derivative.name + "'s wrt");
        }
    }
    return slots;
}
/** dualts: calls f's JVP with a tangent for each argument (undefined where it carries none). */
function __dualtsCall(f, where, args, tangents) {
    const derivative = __dualtsDerivative(f, where);
    if (!derivative.jvp)
        throw new TypeError(where + ": " + derivative.name + " takes derivatives itself, so it has no tangent code; differentiate the caller with hessian or mode: 'reverse'");
    return derivative.jvp(...__dualtsSlots(derivative, where, args, tangents));
}
/**
 * dualts: records f's call onto the tape through f's record form (generated reverse mode), with a node
 * for each argument (undefined where it carries none). Where f has none, the error says so, and the API
 * runs the caller's reverse mode on its generic form instead.
 */
function __dualtsRecord(f, where, tape, args, nodes) {
    const derivative = __dualtsDerivative(f, where);
    if (!derivative.record) {
        throw Object.assign(new TypeError(where + ": " + derivative.name + " has no record form (generated reverse mode)"), { dualtsNoRecord: true });
    }
    return derivative.record(tape, ...__dualtsSlots(derivative, where, args, nodes));
}
/** dualts: f over dualts' generic operations (the arguments for a rest parameter gathered into one array). */
function __dualtsGeneric(f, where) {
    const derivative = __dualtsDerivative(f, where);
    if (!derivative.rest)
        return derivative.generic;
    const count = derivative.parameters.length;
    return function (ops, ...args) {
        return derivative.generic(ops, ...args.slice(0, count - 1), args.slice(count - 1));
    };
}
