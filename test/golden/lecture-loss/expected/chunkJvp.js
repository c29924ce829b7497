function loss_chunkJvp(K, w0, dw0, w1, dw1, xs, ys) {
    const dtotal = new Array(K).fill(0);
    const dz = new Array(K).fill(0);
    const dp = new Array(K).fill(0);
    const dt7 = new Array(K).fill(0);
    let total = 0;
    for (let k = 0; k < K; k++)
        dtotal[k] = 0;
    for (let i = 0; i < xs.length; i++) {
        const z = w0 + w1 * xs[i];
        // tangent of: const z = w0 + w1 * xs[i];
        for (let k = 0; k < K; k++)
            dz[k] = dw0[k] + dw1[k] * xs[i];
        const t1 = Math.exp(-z);
        const t2 = 1 + t1;
        const p = 1 / t2;
        // tangent of: const p = 1 / (1 + Math.exp(-z));
        const t3 = t1 * (p / t2);
        for (let k = 0; k < K; k++)
            dp[k] = dz[k] * t3;
        const t4 = 1 - p;
        const t5 = 1 - ys[i];
        // tangent of: total += ys[i] * Math.log(p) + (1 - ys[i]) * Math.log(1 - p);
        const t6 = ys[i] / p - t5 / t4;
        for (let k = 0; k < K; k++)
            dtotal[k] = dtotal[k] + dp[k] * t6;
        total = total + (ys[i] * Math.log(p) + t5 * Math.log(t4));
    }
    const t8 = 1 / xs.length;
    for (let k = 0; k < K; k++)
        dt7[k] = -(dtotal[k] * t8);
    return [-total / xs.length, dt7];
}
