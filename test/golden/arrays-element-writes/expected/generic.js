function linear_generic(ops, x, a) {
    const y = new Array(a.length).fill(0);
    for (let i = 0; i < a.length; i++) {
        for (let j = 0; j < x.length; j++) {
            y[i] = ops.add(y[i], ops.mul(a[i][j], x[j]));
        }
    }
    return y;
}
