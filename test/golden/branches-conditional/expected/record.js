function logOrSquare_record(tape, x, xNode, y, yNode) {
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
    return [t * x, tape.node2(tNode, x, xNode, t)];
}
