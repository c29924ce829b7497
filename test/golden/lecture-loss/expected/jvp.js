function loss_jvp(w0, dw0, w1, dw1, xs, ys) {
    let total = 0;
    let dtotal = 0;
    for (let i = 0; i < xs.length; i++) {
        const z = w0 + w1 * xs[i];
        // tangent of: const z = w0 + w1 * xs[i];
        const dz = dw0 + dw1 * xs[i];
        const t1 = Math.exp(-z);
        const t2 = 1 + t1;
        const p = 1 / t2;
        // tangent of: const p = 1 / (1 + Math.exp(-z));
        const dp = dz * t1 * (p / t2);
        const t3 = 1 - p;
        const t4 = 1 - ys[i];
        // tangent of: total += ys[i] * Math.log(p) + (1 - ys[i]) * Math.log(1 - p);
        dtotal = dtotal + (dp / p * ys[i] - dp / t3 * t4);
        total = total + (ys[i] * Math.log(p) + t4 * Math.log(t3));
    }
    return [-total / xs.length, -(dtotal / xs.length)];
}
