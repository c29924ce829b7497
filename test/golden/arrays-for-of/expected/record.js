function sumOfSquares_record(tape, v, vNode) {
    let total = 0;
    let totalNode = 0;
    for (let i = 0; i < v.length; i++) {
        const x = v[i];
        const xNode = vNode[i];
        // node of: total += x * x;
        totalNode = tape.node2(totalNode, 1, xNode, x + x);
        total = total + x * x;
    }
    return [total, totalNode];
}
