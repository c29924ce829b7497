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
