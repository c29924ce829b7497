function loops_generic(ops, x, n) {
    let total = 0;
    for (let i = 0; i < n; i++) {
        if (i === 2)
            continue;
        if (i > 5)
            break;
        total = ops.add(total, ops.pow(x, i));
    }
    let k = 0;
    while (k < 3) {
        total = ops.add(ops.mul(total, x), 1);
        k++;
    }
    do {
        total = ops.sub(total, x);
    } while (ops.primal(total) > 100);
    return total;
}
