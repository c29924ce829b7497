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

function logistic_chunkJvp(K, w, dw, x, dx) {
    const dt2 = new Array(K).fill(0);
    for (let k = 0; k < K; k++)
        dt2[k] = dw[k] * x + dx[k] * w;
    const [t1, dt1] = sigmoid_chunkJvp(K, w * x, dt2);
    return [t1, dt1];
}
