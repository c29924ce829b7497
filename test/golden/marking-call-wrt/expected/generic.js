function scaled_generic(ops, x, k) {
    return ops.mul(x, k);
}
