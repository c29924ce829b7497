function sigmoid_jvp(z, dz) {
    const t1 = Math.exp(-z);
    const t2 = 1 + t1;
    const t3 = 1 / t2;
    return [t3, dz * t1 * (t3 / t2)];
}

function power_jvp(x, dx, n) {
    let t1;
    let dt1;
    if (n === 0) {
        t1 = 1;
        dt1 = 0;
    }
    else {
        const [t2, dt2] = power_jvp(x, dx, n - 1);
        t1 = x * t2;
        dt1 = dx * t2 + dt2 * x;
    }
    return [t1, dt1];
}

function model_jvp(w, dw, x, dx) {
    const [t1, dt1] = sigmoid_jvp(w * x, dw * x + dx * w);
    const [t2, dt2] = __dualtsCall(softplus, "input.ts:18:27", [w], [dw]);
    const [t3, dt3] = power_jvp(w, dw, 3);
    return [t1 + t2 + t3, dt1 + dt2 + dt3];
}
