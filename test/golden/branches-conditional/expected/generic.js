function logOrSquare_generic(ops, x, y) {
    const t = ops.primal(x) > 1 ? ops.log(x) : ops.mul(y, y);
    return ops.mul(t, x);
}
