function scaled_record(tape, x, xNode, k) {
    return [x * k, tape.node1(xNode, k)];
}
