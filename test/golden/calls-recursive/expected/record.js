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
