Object.defineProperty(sigmoid, Symbol.for("dualts.derivative"), { value: {
        name: "sigmoid",
        parameters: ["z"],
        kinds: ["scalar"],
        wrt: [0],
        result: "scalar",
        jvp: sigmoid_jvp,
        generic: sigmoid_generic,
    } });
// A differentiable helper in its own module: loss.ts imports and calls it,
// so the transform must reach its derivative across the module boundary.
/** @differentiable */
export function sigmoid(z) {
    return 1 / (1 + Math.exp(-z));
}
function sigmoid_jvp(z, dz) {
    const t1 = Math.exp(-z);
    const t2 = 1 + t1;
    const t3 = 1 / t2;
    return [t3, (dz * t1) * (t3 / t2)];
}
function sigmoid_generic(ops, z) {
    return ops.div(1, (ops.add(1, ops.exp(ops.neg(z)))));
}
