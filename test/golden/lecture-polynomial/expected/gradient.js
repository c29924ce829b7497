function polynomial_gradient(w0, w1, w2) {
    const dw0_dw0 = 1, dw0_dw1 = 0, dw0_dw2 = 0;
    const dw1_dw0 = 0, dw1_dw1 = 1, dw1_dw2 = 0;
    const dw2_dw0 = 0, dw2_dw1 = 0, dw2_dw2 = 1;
    const t1 = 2 * w1 * 3;
    const t2 = 3 * w2 ** 2 * 5;
    const valueSize = Math.abs(w0) + 3 * Math.abs(w1 ** 2) + 5 * Math.abs(w2 ** 3);
    return valueSize < Infinity ? [dw0_dw0 + dw1_dw0 * t1 + dw2_dw0 * t2, dw0_dw1 + dw1_dw1 * t1 + dw2_dw1 * t2, dw0_dw2 + dw1_dw2 * t1 + dw2_dw2 * t2] : undefined;
}
