function loops_gradient(x, n) {
    const dx_dx = 1;
    let total = 0;
    let dtotal_dx = 0;
    for (let i = 0; i < n; i++) {
        if (i === 2)
            continue;
        if (i > 5)
            break;
        // tangent of: total += x ** i;
        const t1 = x === 0 && i === 0 ? 0 : i * x ** (i - 1);
        dtotal_dx = dtotal_dx + dx_dx * t1;
        total = total + x ** i;
    }
    let k = 0;
    while (k < 3) {
        // tangent of: total = total * x + 1;
        dtotal_dx = dtotal_dx * x + dx_dx * total;
        total = total * x + 1;
        k++;
    }
    do {
        // tangent of: total -= x;
        dtotal_dx = dtotal_dx - dx_dx;
        total = total - x;
    } while (total > 100);
    const valueSize = Math.abs(total);
    return valueSize < Infinity ? [dtotal_dx] : undefined;
}
