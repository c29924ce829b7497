function polynomial_chunkJvp(K, w0, dw0, w1, dw1, w2, dw2) {
    const dt1 = new Array(K).fill(0);
    const t2 = 2 * w1 * 3;
    const t3 = 3 * w2 ** 2 * 5;
    for (let k = 0; k < K; k++)
        dt1[k] = dw0[k] + dw1[k] * t2 + dw2[k] * t3;
    return [w0 + 3 * w1 ** 2 + 5 * w2 ** 3, dt1];
}
