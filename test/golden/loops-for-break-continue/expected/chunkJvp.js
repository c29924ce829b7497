function partialPowers_chunkJvp(K, x, dx, n) {
    const dtotal = new Array(K).fill(0);
    let total = 0;
    for (let k = 0; k < K; k++)
        dtotal[k] = 0;
    for (let i = 0; i < n; i++) {
        if (i === 2)
            continue;
        if (i > 5)
            break;
        // tangent of: total += x ** i;
        const t1 = x === 0 && i === 0 ? 0 : i * x ** (i - 1);
        for (let k = 0; k < K; k++)
            dtotal[k] = dtotal[k] + dx[k] * t1;
        total = total + x ** i;
    }
    return [total, dtotal];
}
