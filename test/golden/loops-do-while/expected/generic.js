function countDown_generic(ops, x) {
    let total = ops.mul(x, x);
    do {
        total = ops.sub(total, x);
    } while (ops.primal(total) > 100);
    return total;
}
