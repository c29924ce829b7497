function sumOfSquares_chunkJvp(K, v, dv) {
    const dtotal = new Array(K).fill(0);
    const dx = new Array(K).fill(0);
    let total = 0;
    for (let k = 0; k < K; k++)
        dtotal[k] = 0;
    for (let i = 0; i < v.length; i++) {
        const x = v[i];
        for (let k = 0; k < K; k++)
            dx[k] = dv[i * K + k];
        // tangent of: total += x * x;
        const t1 = x + x;
        for (let k = 0; k < K; k++)
            dtotal[k] = dtotal[k] + dx[k] * t1;
        total = total + x * x;
    }
    return [total, dtotal];
}
