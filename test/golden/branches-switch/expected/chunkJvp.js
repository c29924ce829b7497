function bySign_chunkJvp(K, x, dx, y, dy) {
    const dt1 = new Array(K).fill(0);
    const dt2 = new Array(K).fill(0);
    switch (Math.sign(y)) {
        case 1: {
            for (let k = 0; k < K; k++)
                dt1[k] = dx[k] + dy[k];
            return [x + y, dt1];
        }
        case -1: {
            for (let k = 0; k < K; k++)
                dt2[k] = dx[k] - dy[k];
            return [x - y, dt2];
        }
        default: {
            return [x, dx];
        }
    }
}
