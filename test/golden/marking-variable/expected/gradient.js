function cube_gradient(x) {
    const dx_dx = 1;
    const t1 = x * x;
    const t2 = (x + x) * x + t1;
    const valueSize = Math.abs(x) * Math.abs(x) * Math.abs(x);
    return valueSize < Infinity ? [dx_dx * t2] : undefined;
}
