function smooth_record(tape, w, wNode) {
    const [t1, t1Node] = __dualtsRecord(softplus, "input.ts:8:14", tape, [w], [wNode]);
    return [w * t1, tape.node2(wNode, t1, t1Node, w)];
}
