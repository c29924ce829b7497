function clipped_record(tape, x, xNode, y, yNode) {
    if (x > y) {
        return [x * y, tape.node2(xNode, y, yNode, x)];
    }
    else {
        if (x < 0) {
            return [-x, tape.node1(xNode, -1)];
        }
    }
    return [x + y, tape.node2(xNode, 1, yNode, 1)];
}
