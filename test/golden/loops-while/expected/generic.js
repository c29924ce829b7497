function horner_generic(ops, x) {
    let total = 1;
    let k = 0;
    while (k < 3) {
        total = ops.add(ops.mul(total, x), 1);
        k++;
    }
    return total;
}
