function countDown_gradient(x) {
    const dx_dx = 1;
    let total = x * x;
    // tangent of: let total = x * x;
    const t1 = x + x;
    let dtotal_dx = dx_dx * t1;
    do {
        // tangent of: total -= x;
        dtotal_dx = dtotal_dx - dx_dx;
        total = total - x;
    } while (total > 100);
    const valueSize = Math.abs(total);
    return valueSize < Infinity ? [dtotal_dx] : undefined;
}
