function norm_record(tape, x, xNode, y, yNode) {
    const t1 = Math.sqrt(x * x + y * y);
    return [t1, tape.node2(xNode, (x + x) * (0.5 / t1), yNode, (y + y) * (0.5 / t1))];
}
