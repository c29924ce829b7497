function scaled_chunkJvp(K, x, dx, k) {
    const dt1 = new Array(K).fill(0);
    for (let lane = 0; lane < K; lane++)
        dt1[lane] = dx[lane] * k;
    return [x * k, dt1];
}
