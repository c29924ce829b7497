function logOrSquare_gradient(x, y) {
    const dx_dx = 1, dx_dy = 0;
    const dy_dx = 0, dy_dy = 1;
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
    const t = t1;
    // tangent of: const t = x > 1 ? Math.log(x) : y * y;
    const dt_dx = dt1_dx;
    const dt_dy = dt1_dy;
    const valueSize = Math.abs(t) * Math.abs(x);
    return valueSize < Infinity ? [dt_dx * x + dx_dx * t, dt_dy * x + dx_dy * t] : undefined;
}
