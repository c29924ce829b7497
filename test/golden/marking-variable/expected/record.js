function cube_record(tape, x, xNode) {
    const t1 = x * x;
    return [t1 * x, tape.node1(xNode, (x + x) * x + t1)];
}
