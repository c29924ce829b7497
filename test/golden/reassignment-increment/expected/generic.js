function expOfItself_generic(ops, x) {
    let y = x;
    y = ops.exp(y);
    let n = 0;
    n++;
    return ops.mul(y, n);
}
