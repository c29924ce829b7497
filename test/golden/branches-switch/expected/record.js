function bySign_record(tape, x, xNode, y, yNode) {
    switch (Math.sign(y)) {
        case 1: {
            return [x + y, tape.node2(xNode, 1, yNode, 1)];
        }
        case -1: {
            return [x - y, tape.node2(xNode, 1, yNode, -1)];
        }
        default: {
            return [x, xNode];
        }
    }
}
