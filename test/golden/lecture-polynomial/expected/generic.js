function polynomial_generic(ops, w0, w1, w2) {
    return ops.add(ops.add(w0, ops.mul(3, ops.pow(w1, 2))), ops.mul(5, ops.pow(w2, 3)));
}
