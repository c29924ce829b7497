function predictData_record(tape, layer, x, xNode) {
    return [layer.b * x, tape.node1(xNode, layer.b)];
}
