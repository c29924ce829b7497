function scaled_record(tape, x, xNode, k, kNode) {
    return [x * k, tape.node2(xNode, k, kNode, x)];
}
