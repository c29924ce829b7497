function clipped_chunkJvp(K, x, dx, y, dy) {
    const dt1 = new Array(K).fill(0);
    const dt2 = new Array(K).fill(0);
    const dt3 = new Array(K).fill(0);
    if (x > y) {
        for (let k = 0; k < K; k++)
            dt1[k] = dx[k] * y + dy[k] * x;
        return [x * y, dt1];
    }
    else {
        if (x < 0) {
            for (let k = 0; k < K; k++)
                dt2[k] = -dx[k];
            return [-x, dt2];
        }
    }
    for (let k = 0; k < K; k++)
        dt3[k] = dx[k] + dy[k];
    return [x + y, dt3];
}
