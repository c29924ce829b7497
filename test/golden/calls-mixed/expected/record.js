function sigmoid_record(tape, z, zNode) {
    const t1 = Math.exp(-z);
    const t2 = 1 + t1;
    const t3 = 1 / t2;
    return [t3, tape.node1(zNode, t1 * (t3 / t2))];
}

function power_record(tape, x, xNode, n) {
    let t1;
    let t1Node;
    if (n === 0) {
        t1 = 1;
        t1Node = 0;
    }
    else {
        const [t2, t2Node] = power_record(tape, x, xNode, n - 1);
        t1 = x * t2;
        t1Node = tape.node2(xNode, t2, t2Node, x);
    }
    return [t1, t1Node];
}

function model_record(tape, w, wNode, x, xNode) {
    const [t1, t1Node] = sigmoid_record(tape, w * x, tape.node2(wNode, x, xNode, w));
    const [t2, t2Node] = __dualtsRecord(softplus, "input.ts:18:27", tape, [w], [wNode]);
    const [t3, t3Node] = power_record(tape, w, wNode, 3);
    return [t1 + t2 + t3, tape.node3(t1Node, 1, t2Node, 1, t3Node, 1)];
}
