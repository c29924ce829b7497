function energy_generic(ops, x) {
    return ops.mul(ops.mul(0.5 * this.stiffness, x), x);
}
