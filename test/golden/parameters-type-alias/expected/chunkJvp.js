function scaled_chunkJvp(K, x, dx, k, dk) {
    const dt1 = new Array(K).fill(0);
    for (let lane = 0; lane < K; lane++)
        dt1[lane] = dx[lane] * k + dk[lane] * x;
    return [x * k, dt1];
}
