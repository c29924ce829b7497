function linear_chunkJvp(K, x, dx, a) {
    const y = new Array(a.length).fill(0);
    const dy = new Float64Array(y.length * K);
    for (let i = 0; i < a.length; i++) {
        for (let j = 0; j < x.length; j++) {
            // tangent of: y[i] += a[i][j] * x[j];
            const t1 = a[i][j];
            for (let k = 0; k < K; k++)
                dy[i * K + k] = dy[i * K + k] + dx[j * K + k] * t1;
            y[i] = y[i] + a[i][j] * x[j];
        }
    }
    return [y, dy];
}
