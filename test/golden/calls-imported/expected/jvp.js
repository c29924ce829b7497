function smooth_jvp(w, dw) {
    const [t1, dt1] = __dualtsCall(softplus, "input.ts:8:14", [w], [dw]);
    return [w * t1, dw * t1 + dt1 * w];
}
