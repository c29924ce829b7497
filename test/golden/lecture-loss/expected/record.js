function loss_record(tape, w0, w0Node, w1, w1Node, xs, ys) {
    let total = 0;
    let totalNode = 0;
    for (let i = 0; i < xs.length; i++) {
        const z = w0 + w1 * xs[i];
        // node of: const z = w0 + w1 * xs[i];
        const zNode = tape.node2(w0Node, 1, w1Node, xs[i]);
        const t1 = Math.exp(-z);
        const t2 = 1 + t1;
        const p = 1 / t2;
        // node of: const p = 1 / (1 + Math.exp(-z));
        const pNode = tape.node1(zNode, t1 * (p / t2));
        const t3 = 1 - p;
        const t4 = 1 - ys[i];
        // node of: total += ys[i] * Math.log(p) + (1 - ys[i]) * Math.log(1 - p);
        totalNode = tape.node2(totalNode, 1, pNode, ys[i] / p - t4 / t3);
        total = total + (ys[i] * Math.log(p) + t4 * Math.log(t3));
    }
    return [-total / xs.length, tape.node1(totalNode, -(1 / xs.length))];
}
