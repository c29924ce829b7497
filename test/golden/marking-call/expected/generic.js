function norm_generic(ops, x, y) {
    return ops.sqrt(ops.add(ops.mul(x, x), ops.mul(y, y)));
}
