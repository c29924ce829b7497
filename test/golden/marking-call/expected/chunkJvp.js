function norm_chunkJvp(K, x, dx, y, dy) {
    const dt2 = new Array(K).fill(0);
    const t1 = Math.sqrt(x * x + y * y);
    const t3 = (x + x) * (0.5 / t1);
    const t4 = (y + y) * (0.5 / t1);
    for (let k = 0; k < K; k++)
        dt2[k] = dx[k] * t3 + dy[k] * t4;
    return [t1, dt2];
}
