function sumOfSquares_jvp(v, dv) {
    let total = 0;
    let dtotal = 0;
    for (let i = 0; i < v.length; i++) {
        const x = v[i];
        const dx = dv[i];
        // tangent of: total += x * x;
        dtotal = dtotal + (dx * x + dx * x);
        total = total + x * x;
    }
    return [total, dtotal];
}
