function countDown_jvp(x, dx) {
    let total = x * x;
    // tangent of: let total = x * x;
    let dtotal = dx * x + dx * x;
    do {
        // tangent of: total -= x;
        dtotal = dtotal - dx;
        total = total - x;
    } while (total > 100);
    return [total, dtotal];
}
