// The lecture's logistic regression: binary cross-entropy of σ(w0 + w1·x),
// written as plain TypeScript with a loop, Math.log and an imported helper.
import { sigmoid } from "./sigmoid.js";
Object.defineProperty(loss, Symbol.for("dualts.derivative"), { value: {
        name: "loss",
        parameters: ["w0", "w1", "xs", "ys"],
        kinds: ["scalar", "scalar", "array", "array"],
        wrt: [0, 1],
        result: "scalar",
        jvp: loss_jvp,
        generic: loss_generic,
    } });
Object.defineProperty(lossInline, Symbol.for("dualts.derivative"), { value: {
        name: "lossInline",
        parameters: ["w0", "w1", "xs", "ys"],
        kinds: ["scalar", "scalar", "array", "array"],
        wrt: [0, 1],
        result: "scalar",
        jvp: lossInline_jvp,
        generic: lossInline_generic,
    } });
/** @differentiable wrt(w0, w1) */
export function loss(w0, w1, xs, ys) {
    let total = 0;
    for (let i = 0; i < xs.length; i++) {
        const p = sigmoid(w0 + w1 * xs[i]);
        total += ys[i] * Math.log(p) + (1 - ys[i]) * Math.log(1 - p);
    }
    return -total / xs.length;
}
function loss_jvp(w0, dw0, w1, dw1, xs, ys) {
    let total = 0;
    // tangent of: let total = 0;
    let dtotal = 0;
    for (let i = 0; i < xs.length; i++) {
        const [t1, dt1] = __dualtsCall(sigmoid, "loss.ts:10:15", [w0 + w1 * xs[i]], [dw0 + dw1 * xs[i]]);
        const p = t1;
        // tangent of: const p = sigmoid(w0 + w1 * xs[i]);
        const dp = dt1;
        const t2 = 1 - p;
        const t3 = 1 - ys[i];
        // tangent of: total += ys[i] * Math.log(p) + (1 - ys[i]) * Math.log(1 - p);
        dtotal = dtotal + (dp / p * ys[i] - ((dp / t2) * t3));
        total = total + (ys[i] * Math.log(p) + t3 * Math.log(t2));
    }
    return [-total / xs.length, -(dtotal / xs.length)];
}
function loss_generic(ops, w0, w1, xs, ys) {
    let total = 0;
    for (let i = 0; i < xs.length; i++) {
        const p = __dualtsGeneric(sigmoid, "loss.ts:10:15")(ops, ops.add(w0, ops.mul(w1, xs[i])));
        total = ops.add(total, ops.add(ops.mul(ys[i], ops.log(p)), ops.mul((1 - ys[i]), ops.log(ops.sub(1, p)))));
    }
    return ops.div(ops.neg(total), xs.length);
}
/**
 * The same loss with σ written in place.
 * @differentiable wrt(w0, w1)
 */
export function lossInline(w0, w1, xs, ys) {
    let total = 0;
    for (let i = 0; i < xs.length; i++) {
        const p = 1 / (1 + Math.exp(-(w0 + w1 * xs[i])));
        total += ys[i] * Math.log(p) + (1 - ys[i]) * Math.log(1 - p);
    }
    return -total / xs.length;
}
function lossInline_jvp(w0, dw0, w1, dw1, xs, ys) {
    let total = 0;
    // tangent of: let total = 0;
    let dtotal = 0;
    for (let i = 0; i < xs.length; i++) {
        const t1 = Math.exp(-(w0 + w1 * xs[i]));
        const t2 = 1 + t1;
        const p = 1 / t2;
        // tangent of: const p = 1 / (1 + Math.exp(-(w0 + w1 * xs[i])));
        const dp = ((dw0 + dw1 * xs[i]) * t1) * (p / t2);
        const t3 = 1 - p;
        const t4 = 1 - ys[i];
        // tangent of: total += ys[i] * Math.log(p) + (1 - ys[i]) * Math.log(1 - p);
        dtotal = dtotal + (dp / p * ys[i] - ((dp / t3) * t4));
        total = total + (ys[i] * Math.log(p) + t4 * Math.log(t3));
    }
    return [-total / xs.length, -(dtotal / xs.length)];
}
function lossInline_generic(ops, w0, w1, xs, ys) {
    let total = 0;
    for (let i = 0; i < xs.length; i++) {
        const p = ops.div(1, (ops.add(1, ops.exp(ops.neg((ops.add(w0, ops.mul(w1, xs[i]))))))));
        total = ops.add(total, ops.add(ops.mul(ys[i], ops.log(p)), ops.mul((1 - ys[i]), ops.log(ops.sub(1, p)))));
    }
    return ops.div(ops.neg(total), xs.length);
}
/** dualts: the derivative registered on a function by the transform (for calls across modules). */
function __dualtsDerivative(f, where) {
    const derivative = f?.[Symbol.for("dualts.derivative")];
    if (!derivative) {
        throw new TypeError(where + ": " + (f?.name || "the callee") + " has no derivative: mark it @differentiable and compile its module with the dualts transform");
    }
    return derivative;
}
/** dualts: calls f's JVP with a tangent for each argument (undefined where it carries none). */
function __dualtsCall(f, where, args, tangents) {
    const derivative = __dualtsDerivative(f, where);
    const slots = [];
    args.forEach((arg, i) => {
        slots.push(arg);
        if (derivative.wrt.includes(i)) {
            slots.push(tangents[i] ?? (typeof arg === "number" ? 0 : new Array(arg.length).fill(0)));
        }
        else if (tangents[i] !== undefined) {
            throw new TypeError(where + ": " + derivative.name + " is not differentiable with respect to its parameter '" + derivative.parameters[i] + "', but this argument depends on differentiated values: add it to " + derivative.name + "'s wrt");
        }
    });
    return derivative.jvp(...slots);
}
/** dualts: f over dualts' generic operations. */
function __dualtsGeneric(f, where) {
    return __dualtsDerivative(f, where).generic;
}
