function cumulative_chunkJvp(K, v, dv) {
    const drunning = new Array(K).fill(0);
    const out = [];
    const dout = [];
    let running = 0;
    for (let k = 0; k < K; k++)
        drunning[k] = 0;
    for (let i = 0; i < v.length; i++) {
        // tangent of: running += v[i];
        for (let k = 0; k < K; k++)
            drunning[k] = drunning[k] + dv[i * K + k];
        running = running + v[i];
        // tangent of: out.push(running * running);
        for (let k = 0; k < K; k++)
            dout.push(drunning[k] * (running + running));
        out.push(running * running);
    }
    return [out, dout];
}
