function cube_generic(ops, x) {
    return ops.mul(ops.mul(x, x), x);
}
