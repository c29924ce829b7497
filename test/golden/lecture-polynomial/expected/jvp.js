function polynomial_jvp(w0, dw0, w1, dw1, w2, dw2) {
    return [w0 + 3 * w1 ** 2 + 5 * w2 ** 3, dw0 + dw1 * (2 * w1) * 3 + dw2 * (3 * w2 ** 2) * 5];
}
