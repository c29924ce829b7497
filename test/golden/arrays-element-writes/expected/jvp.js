function linear_jvp(x, dx, a) {
    const y = new Array(a.length).fill(0);
    const dy = new Array(y.length).fill(0);
    for (let i = 0; i < a.length; i++) {
        for (let j = 0; j < x.length; j++) {
            // tangent of: y[i] += a[i][j] * x[j];
            dy[i] = dy[i] + dx[j] * a[i][j];
            y[i] = y[i] + a[i][j] * x[j];
        }
    }
    return [y, dy];
}
