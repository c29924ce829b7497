function logOrSquare_chunkJvp(K, x, dx, y, dy) {
    const dt1 = new Array(K).fill(0);
    const dt = new Array(K).fill(0);
    const dt4 = new Array(K).fill(0);
    let t1;
    if (x > 1) {
        t1 = Math.log(x);
        const t2 = 1 / x;
        for (let k = 0; k < K; k++)
            dt1[k] = dx[k] * t2;
    }
    else {
        t1 = y * y;
        const t3 = y + y;
        for (let k = 0; k < K; k++)
            dt1[k] = dy[k] * t3;
    }
    const t = t1;
    // tangent of: const t = x > 1 ? Math.log(x) : y * y;
    for (let k = 0; k < K; k++)
        dt[k] = dt1[k];
    for (let k = 0; k < K; k++)
        dt4[k] = dt[k] * x + dx[k] * t;
    return [t * x, dt4];
}
