function piecewise_record(tape, x, xNode, y, yNode) {
    if (x > y) {
        return [x * y, tape.node2(xNode, y, yNode, x)];
    }
    else {
        if (x < 0) {
            return [-x, tape.node1(xNode, -1)];
        }
    }
    let t1;
    let t1Node;
    if (x > 1) {
        t1 = Math.log(x);
        t1Node = tape.node1(xNode, 1 / x);
    }
    else {
        t1 = y * y;
        t1Node = tape.node1(yNode, y + y);
    }
    const t = t1;
    // node of: const t = x > 1 ? Math.log(x) : y * y;
    const tNode = t1Node;
    switch (Math.sign(y)) {
        case 1: {
            return [t + y, tape.node2(tNode, 1, yNode, 1)];
        }
        case -1: {
            return [t - y, tape.node2(tNode, 1, yNode, -1)];
        }
        default: {
            return [t, tNode];
        }
    }
}
