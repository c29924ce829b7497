function sumOfSquares_generic(ops, v) {
    let total = 0;
    for (const x of v) {
        total = ops.add(total, ops.mul(x, x));
    }
    return total;
}
