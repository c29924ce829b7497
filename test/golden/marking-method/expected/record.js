function energy_record(tape, x, xNode) {
    const t1 = 0.5 * this.stiffness;
    const t2 = t1 * x;
    return [t2 * x, tape.node1(xNode, t1 * x + t2)];
}
