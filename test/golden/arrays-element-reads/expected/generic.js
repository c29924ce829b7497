function weightedSum_generic(ops, xs, weights) {
    let total = 0;
    for (let i = 0; i < xs.length; i++) {
        total = ops.add(total, ops.mul(weights[i], xs[i]));
    }
    return total;
}
