function partialPowers_gradient(x, n) {
    const dx_dx = 1;
    let totalSize = 0;
    let dtotal_dx = 0;
    for (let i = 0; i < n; i++) {
        if (i === 2)
            continue;
        if (i > 5)
            break;
        // tangent of: total += x ** i;
        const t1 = x === 0 && i === 0 ? 0 : i * x ** (i - 1);
        dtotal_dx = dtotal_dx + dx_dx * t1;
        totalSize = totalSize + Math.abs(x ** i);
    }
    const valueSize = totalSize;
    return valueSize < Infinity ? [dtotal_dx] : undefined;
}
