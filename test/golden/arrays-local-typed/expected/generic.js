function scratch_generic(ops, x, y) {
    const buffer = new Array(2).fill(0);
    buffer[0] = ops.mul(x, y);
    buffer[1] = ops.add(buffer[0], ops.hypot(x, y));
    return buffer[1];
}
