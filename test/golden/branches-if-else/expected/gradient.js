function clipped_gradient(x, y) {
    const dx_dx = 1, dx_dy = 0;
    const dy_dx = 0, dy_dy = 1;
    if (x > y) {
        const valueSize = Math.abs(x) * Math.abs(y);
        return valueSize < Infinity ? [dx_dx * y + dy_dx * x, dx_dy * y + dy_dy * x] : undefined;
    }
    else {
        if (x < 0) {
            const resultSize = Math.abs(x);
            return resultSize < Infinity ? [-dx_dx, -dx_dy] : undefined;
        }
    }
    const valueSize2 = Math.abs(x) + Math.abs(y);
    return valueSize2 < Infinity ? [dx_dx + dy_dx, dx_dy + dy_dy] : undefined;
}
