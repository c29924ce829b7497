function sigmoid_generic(ops, z) {
    return ops.div(1, (ops.add(1, ops.exp(ops.neg(z)))));
}

function power_generic(ops, x, n) {
    return n === 0 ? 1 : ops.mul(x, power_generic(ops, x, n - 1));
}

function model_generic(ops, w, x) {
    return ops.add(ops.add(sigmoid_generic(ops, ops.mul(w, x)), __dualtsGeneric(softplus, "input.ts:18:27")(ops, w)), power_generic(ops, w, 3));
}
