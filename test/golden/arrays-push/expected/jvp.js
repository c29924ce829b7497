function cumulative_jvp(v, dv) {
    const out = [];
    const dout = [];
    let running = 0;
    let drunning = 0;
    for (let i = 0; i < v.length; i++) {
        // tangent of: running += v[i];
        drunning = drunning + dv[i];
        running = running + v[i];
        // tangent of: out.push(running * running);
        dout.push(drunning * running + drunning * running);
        out.push(running * running);
    }
    return [out, dout];
}
