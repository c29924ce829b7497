function polynomial_record(tape, w0, w0Node, w1, w1Node, w2, w2Node) {
    return [w0 + 3 * w1 ** 2 + 5 * w2 ** 3, tape.node3(w0Node, 1, w1Node, 2 * w1 * 3, w2Node, 3 * w2 ** 2 * 5)];
}
