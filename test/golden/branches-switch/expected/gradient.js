function bySign_gradient(x, y) {
    const dx_dx = 1, dx_dy = 0;
    const dy_dx = 0, dy_dy = 1;
    switch (Math.sign(y)) {
        case 1: {
            const valueSize = Math.abs(x) + Math.abs(y);
            return valueSize < Infinity ? [dx_dx + dy_dx, dx_dy + dy_dy] : undefined;
        }
        case -1: {
            const resultSize = Math.abs(x) + Math.abs(y);
            return resultSize < Infinity ? [dx_dx - dy_dx, dx_dy - dy_dy] : undefined;
        }
        default: {
            const valueSize2 = Math.abs(x);
            return valueSize2 < Infinity ? [dx_dx, dx_dy] : undefined;
        }
    }
}
