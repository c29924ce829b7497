function countDown_chunkJvp(K, x, dx) {
    const dtotal = new Array(K).fill(0);
    let total = x * x;
    // tangent of: let total = x * x;
    const t1 = x + x;
    for (let k = 0; k < K; k++)
        dtotal[k] = dx[k] * t1;
    do {
        // tangent of: total -= x;
        for (let k = 0; k < K; k++)
            dtotal[k] = dtotal[k] - dx[k];
        total = total - x;
    } while (total > 100);
    return [total, dtotal];
}
