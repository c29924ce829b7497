function sigmoid_gradient(z) {
    const dz_dz = 1;
    const t1 = Math.exp(-z);
    const t2 = 1 + t1;
    const t3 = 1 / t2;
    const t4 = t1 * (t3 / t2);
    const valueSize = 1 / Math.abs((1 + Math.exp(-z)));
    return valueSize < Infinity ? [dz_dz * t4] : undefined;
}
