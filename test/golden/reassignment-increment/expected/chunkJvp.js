function expOfItself_chunkJvp(K, x, dx) {
    const dy = new Array(K).fill(0);
    const dt2 = new Array(K).fill(0);
    let y = x;
    // tangent of: let y = x;
    for (let k = 0; k < K; k++)
        dy[k] = dx[k];
    const t1 = Math.exp(y);
    // tangent of: y = Math.exp(y);
    for (let k = 0; k < K; k++)
        dy[k] = dy[k] * t1;
    y = t1;
    let n = 0;
    n++;
    for (let k = 0; k < K; k++)
        dt2[k] = dy[k] * n;
    return [y * n, dt2];
}
