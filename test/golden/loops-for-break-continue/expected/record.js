function partialPowers_record(tape, x, xNode, n) {
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
    return [total, totalNode];
}
