function piecewise_generic(ops, x, y) {
    if (ops.primal(x) > ops.primal(y)) {
        return ops.mul(x, y);
    }
    else if (ops.primal(x) < 0) {
        return ops.neg(x);
    }
    const t = ops.primal(x) > 1 ? ops.log(x) : ops.mul(y, y);
    switch (Math.sign(ops.primal(y))) {
        case 1: return ops.add(t, y);
        case -1: return ops.sub(t, y);
        default: return t;
    }
}
