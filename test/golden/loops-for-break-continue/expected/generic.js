function partialPowers_generic(ops, x, n) {
    let total = 0;
    for (let i = 0; i < n; i++) {
        if (i === 2)
            continue;
        if (i > 5)
            break;
        total = ops.add(total, ops.pow(x, i));
    }
    return total;
}
