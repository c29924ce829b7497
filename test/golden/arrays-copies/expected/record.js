function scaledEnds_record(tape, xs, xsNode) {
    const copy = xs.slice();
    const copyNode = xsNode.slice();
    // node of: copy[0] = copy[0] * 2;
    copyNode[0] = tape.node1(copyNode[0], 2);
    copy[0] = copy[0] * 2;
    const spread = [...xs];
    const spreadNode = xsNode.slice();
    return [copy[0] + spread[spread.length - 1], tape.node2(copyNode[0], 1, spreadNode[spread.length - 1], 1)];
}
