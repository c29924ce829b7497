function sigmoid_record(tape, z, zNode) {
    const t1 = Math.exp(-z);
    const t2 = 1 + t1;
    const t3 = 1 / t2;
    return [t3, tape.node1(zNode, t1 * (t3 / t2))];
}

function logistic_record(tape, w, wNode, x, xNode) {
    const [t1, t1Node] = sigmoid_record(tape, w * x, tape.node2(wNode, x, xNode, w));
    return [t1, t1Node];
}
