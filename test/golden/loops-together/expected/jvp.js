function loops_jvp(x, dx, n) {
    let total = 0;
    let dtotal = 0;
    for (let i = 0; i < n; i++) {
        if (i === 2)
            continue;
        if (i > 5)
            break;
        // tangent of: total += x ** i;
        dtotal = dtotal + dx * (x === 0 && i === 0 ? 0 : i * x ** (i - 1));
        total = total + x ** i;
    }
    let k = 0;
    while (k < 3) {
        // tangent of: total = total * x + 1;
        dtotal = dtotal * x + dx * total;
        total = total * x + 1;
        k++;
    }
    do {
        // tangent of: total -= x;
        dtotal = dtotal - dx;
        total = total - x;
    } while (total > 100);
    return [total, dtotal];
}
