function horner_chunkJvp(K, x, dx) {
    const dtotal = new Array(K).fill(0);
    let total = 1;
    for (let lane = 0; lane < K; lane++)
        dtotal[lane] = 0;
    let k = 0;
    while (k < 3) {
        // tangent of: total = total * x + 1;
        for (let lane = 0; lane < K; lane++)
            dtotal[lane] = dtotal[lane] * x + dx[lane] * total;
        total = total * x + 1;
        k++;
    }
    return [total, dtotal];
}
