function horner_gradient(x) {
    const dx_dx = 1;
    let total = 1;
    let dtotal_dx = 0;
    let k = 0;
    while (k < 3) {
        // tangent of: total = total * x + 1;
        dtotal_dx = dtotal_dx * x + dx_dx * total;
        total = total * x + 1;
        k++;
    }
    const valueSize = Math.abs(total);
    return valueSize < Infinity ? [dtotal_dx] : undefined;
}
