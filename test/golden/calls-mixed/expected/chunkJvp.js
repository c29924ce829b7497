function sigmoid_chunkJvp(K, z, dz) {
    const dt4 = new Array(K).fill(0);
    const t1 = Math.exp(-z);
    const t2 = 1 + t1;
    const t3 = 1 / t2;
    const t5 = t1 * (t3 / t2);
    for (let k = 0; k < K; k++)
        dt4[k] = dz[k] * t5;
    return [t3, dt4];
}

function power_chunkJvp(K, x, dx, n) {
    const dt1 = new Array(K).fill(0);
    let t1;
    if (n === 0) {
        t1 = 1;
        for (let k = 0; k < K; k++)
            dt1[k] = 0;
    }
    else {
        const [t2, dt2] = power_chunkJvp(K, x, dx, n - 1);
        t1 = x * t2;
        for (let k = 0; k < K; k++)
            dt1[k] = dx[k] * t2 + dt2[k] * x;
    }
    return [t1, dt1];
}
