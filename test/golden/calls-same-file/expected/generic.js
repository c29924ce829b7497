function sigmoid_generic(ops, z) {
    return ops.div(1, (ops.add(1, ops.exp(ops.neg(z)))));
}

function logistic_generic(ops, w, x) {
    return sigmoid_generic(ops, ops.mul(w, x));
}
