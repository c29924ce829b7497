function power_generic(ops, x, n) {
    return n === 0 ? 1 : ops.mul(x, power_generic(ops, x, n - 1));
}
