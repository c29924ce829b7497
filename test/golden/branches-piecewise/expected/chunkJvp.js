function piecewise_chunkJvp(K, x, dx, y, dy) {
    const dt1 = new Array(K).fill(0);
    const dt2 = new Array(K).fill(0);
    const dt3 = new Array(K).fill(0);
    const dt = new Array(K).fill(0);
    const dt6 = new Array(K).fill(0);
    const dt7 = new Array(K).fill(0);
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
    let t3;
    if (x > 1) {
        t3 = Math.log(x);
        const t4 = 1 / x;
        for (let k = 0; k < K; k++)
            dt3[k] = dx[k] * t4;
    }
    else {
        t3 = y * y;
        const t5 = y + y;
        for (let k = 0; k < K; k++)
            dt3[k] = dy[k] * t5;
    }
    const t = t3;
    // tangent of: const t = x > 1 ? Math.log(x) : y * y;
    for (let k = 0; k < K; k++)
        dt[k] = dt3[k];
    switch (Math.sign(y)) {
        case 1: {
            for (let k = 0; k < K; k++)
                dt6[k] = dt[k] + dy[k];
            return [t + y, dt6];
        }
        case -1: {
            for (let k = 0; k < K; k++)
                dt7[k] = dt[k] - dy[k];
            return [t - y, dt7];
        }
        default: {
            return [t, dt];
        }
    }
}
