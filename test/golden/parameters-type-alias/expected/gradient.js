function scaled_gradient(x, k) {
    const dx_dx = 1, dx_dk = 0;
    const dk_dx = 0, dk_dk = 1;
    const valueSize = Math.abs(x) * Math.abs(k);
    return valueSize < Infinity ? [dx_dx * k + dk_dx * x, dx_dk * k + dk_dk * x] : undefined;
}
