function countDown_record(tape, x, xNode) {
    let total = x * x;
    // node of: let total = x * x;
    let totalNode = tape.node1(xNode, x + x);
    do {
        // node of: total -= x;
        totalNode = tape.node2(totalNode, 1, xNode, -1);
        total = total - x;
    } while (total > 100);
    return [total, totalNode];
}
