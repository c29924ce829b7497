function cumulative_generic(ops, v) {
    const out = [];
    let running = 0;
    for (let i = 0; i < v.length; i++) {
        running = ops.add(running, v[i]);
        out.push(ops.mul(running, running));
    }
    return out;
}
