function expOfItself_record(tape, x, xNode) {
    let y = x;
    // node of: let y = x;
    let yNode = xNode;
    const t1 = Math.exp(y);
    // node of: y = Math.exp(y);
    yNode = tape.node1(yNode, t1);
    y = t1;
    let n = 0;
    n++;
    return [y * n, tape.node1(yNode, n)];
}
