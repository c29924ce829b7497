function loops_chunkJvp(K, x, dx, n) {
    const dtotal = new Array(K).fill(0);
    let total = 0;
    for (let lane = 0; lane < K; lane++)
        dtotal[lane] = 0;
    for (let i = 0; i < n; i++) {
        if (i === 2)
            continue;
        if (i > 5)
            break;
        // tangent of: total += x ** i;
        const t1 = x === 0 && i === 0 ? 0 : i * x ** (i - 1);
        for (let lane = 0; lane < K; lane++)
            dtotal[lane] = dtotal[lane] + dx[lane] * t1;
        total = total + x ** i;
    }
    let k = 0;
    while (k < 3) {
        // tangent of: total = total * x + 1;
        for (let lane = 0; lane < K; lane++)
            dtotal[lane] = dtotal[lane] * x + dx[lane] * total;
        total = total * x + 1;
        k++;
    }
    do {
        // tangent of: total -= x;
        for (let lane = 0; lane < K; lane++)
            dtotal[lane] = dtotal[lane] - dx[lane];
        total = total - x;
    } while (total > 100);
    return [total, dtotal];
}
