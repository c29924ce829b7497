function sigmoid_jvp(z, dz) {
    const t1 = Math.exp(-z);
    const t2 = 1 + t1;
    const t3 = 1 / t2;
    return [t3, dz * t1 * (t3 / t2)];
}

function logistic_jvp(w, dw, x, dx) {
    const [t1, dt1] = sigmoid_jvp(w * x, dw * x + dx * w);
    return [t1, dt1];
}
