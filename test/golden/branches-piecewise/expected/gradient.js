function piecewise_gradient(x, y) {
    const dx_dx = 1, dx_dy = 0;
    const dy_dx = 0, dy_dy = 1;
    let inDomain = true;
    if (x > y) {
        const valueSize = Math.abs(x) * Math.abs(y);
        return valueSize < Infinity && inDomain ? [dx_dx * y + dy_dx * x, dx_dy * y + dy_dy * x] : undefined;
    }
    else {
        if (x < 0) {
            const resultSize = Math.abs(x);
            return resultSize < Infinity && inDomain ? [-dx_dx, -dx_dy] : undefined;
        }
    }
    let t1;
    let dt1_dx = 0;
    let dt1_dy = 0;
    if (x > 1) {
        t1 = Math.log(x);
        const t2 = 1 / x;
        dt1_dx = dx_dx * t2;
        dt1_dy = dx_dy * t2;
    }
    else {
        t1 = y * y;
        const t3 = y + y;
        dt1_dx = dy_dx * t3;
        dt1_dy = dy_dy * t3;
    }
    const tSize = (x > 1 ? 745 : Math.abs(y) * Math.abs(y));
    inDomain = inDomain && (x > 1 ? x > 0 && x < Infinity : true);
    // tangent of: const t = x > 1 ? Math.log(x) : y * y;
    const dt_dx = dt1_dx;
    const dt_dy = dt1_dy;
    switch (Math.sign(y)) {
        case 1: {
            const valueSize2 = tSize + Math.abs(y);
            return valueSize2 < Infinity && inDomain ? [dt_dx + dy_dx, dt_dy + dy_dy] : undefined;
        }
        case -1: {
            const valueSize3 = tSize + Math.abs(y);
            return valueSize3 < Infinity && inDomain ? [dt_dx - dy_dx, dt_dy - dy_dy] : undefined;
        }
        default: {
            const valueSize4 = tSize;
            return valueSize4 < Infinity && inDomain ? [dt_dx, dt_dy] : undefined;
        }
    }
}
