function horner_record(tape, x, xNode) {
    let total = 1;
    let totalNode = 0;
    let k = 0;
    while (k < 3) {
        // node of: total = total * x + 1;
        totalNode = tape.node2(totalNode, x, xNode, total);
        total = total * x + 1;
        k++;
    }
    return [total, totalNode];
}
