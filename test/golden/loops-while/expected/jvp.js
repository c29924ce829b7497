function horner_jvp(x, dx) {
    let total = 1;
    let dtotal = 0;
    let k = 0;
    while (k < 3) {
        // tangent of: total = total * x + 1;
        dtotal = dtotal * x + dx * total;
        total = total * x + 1;
        k++;
    }
    return [total, dtotal];
}
