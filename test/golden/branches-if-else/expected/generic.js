function clipped_generic(ops, x, y) {
    if (ops.primal(x) > ops.primal(y)) {
        return ops.mul(x, y);
    }
    else if (ops.primal(x) < 0) {
        return ops.neg(x);
    }
    return ops.add(x, y);
}
