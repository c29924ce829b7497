function norm_gradient(x, y) {
    const dx_dx = 1, dx_dy = 0;
    const dy_dx = 0, dy_dy = 1;
    const t1 = Math.sqrt(x * x + y * y);
    const t2 = (x + x) * (0.5 / t1);
    const t3 = (y + y) * (0.5 / t1);
    const valueSize = Math.abs(Math.sqrt(x * x + y * y));
    return valueSize < Infinity ? [dx_dx * t2 + dy_dx * t3, dx_dy * t2 + dy_dy * t3] : undefined;
}
