function loops_record(tape, x, xNode, n) {
    let total = 0;
    let totalNode = 0;
    for (let i = 0; i < n; i++) {
        if (i === 2)
            continue;
        if (i > 5)
            break;
        // node of: total += x ** i;
        totalNode = tape.node2(totalNode, 1, xNode, x === 0 && i === 0 ? 0 : i * x ** (i - 1));
        total = total + x ** i;
    }
    let k = 0;
    while (k < 3) {
        // node of: total = total * x + 1;
        totalNode = tape.node2(totalNode, x, xNode, total);
        total = total * x + 1;
        k++;
    }
    do {
        // node of: total -= x;
        totalNode = tape.node2(totalNode, 1, xNode, -1);
        total = total - x;
    } while (total > 100);
    return [total, totalNode];
}
