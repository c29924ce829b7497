function linear_record(tape, x, xNode, a) {
    const y = new Array(a.length).fill(0);
    const yNode = new Array(y.length).fill(0);
    for (let i = 0; i < a.length; i++) {
        for (let j = 0; j < x.length; j++) {
            // node of: y[i] += a[i][j] * x[j];
            yNode[i] = tape.node2(yNode[i], 1, xNode[j], a[i][j]);
            y[i] = y[i] + a[i][j] * x[j];
        }
    }
    return [y, yNode];
}
