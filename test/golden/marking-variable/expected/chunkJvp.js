function cube_chunkJvp(K, x, dx) {
    const dt2 = new Array(K).fill(0);
    const t1 = x * x;
    const t3 = (x + x) * x + t1;
    for (let k = 0; k < K; k++)
        dt2[k] = dx[k] * t3;
    return [t1 * x, dt2];
}
