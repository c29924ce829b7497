function loss_gradient(w0, w1, xs, ys) {
    const dw0_dw0 = 1, dw0_dw1 = 0;
    const dw1_dw0 = 0, dw1_dw1 = 1;
    let inDomain = true;
    let totalSize = 0;
    let dtotal_dw0 = 0;
    let dtotal_dw1 = 0;
    for (let i = 0; i < xs.length; i++) {
        const z = w0 + w1 * xs[i];
        // tangent of: const z = w0 + w1 * xs[i];
        const dz_dw0 = dw0_dw0 + dw1_dw0 * xs[i];
        const dz_dw1 = dw0_dw1 + dw1_dw1 * xs[i];
        const t1 = Math.exp(-z);
        const t2 = 1 + t1;
        const p = 1 / t2;
        // tangent of: const p = 1 / (1 + Math.exp(-z));
        const t3 = t1 * (p / t2);
        const dp_dw0 = dz_dw0 * t3;
        const dp_dw1 = dz_dw1 * t3;
        const t4 = 1 - p;
        const t5 = 1 - ys[i];
        // tangent of: total += ys[i] * Math.log(p) + (1 - ys[i]) * Math.log(1 - p);
        const t6 = ys[i] / p - t5 / t4;
        dtotal_dw0 = dtotal_dw0 + dp_dw0 * t6;
        dtotal_dw1 = dtotal_dw1 + dp_dw1 * t6;
        totalSize = totalSize + (Math.abs(ys[i]) * 745 + (1 + Math.abs(ys[i])) * 745);
        inDomain = inDomain && p > 0 && p < Infinity && (1 - p) > 0 && (1 - p) < Infinity;
    }
    const t7 = 1 / xs.length;
    const valueSize = totalSize / Math.abs(xs.length);
    return valueSize < Infinity && inDomain ? [-(dtotal_dw0 * t7), -(dtotal_dw1 * t7)] : undefined;
}
