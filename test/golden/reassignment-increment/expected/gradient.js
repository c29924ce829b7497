function expOfItself_gradient(x) {
    const dx_dx = 1;
    let y = x;
    // tangent of: let y = x;
    let dy_dx = dx_dx;
    const t1 = Math.exp(y);
    // tangent of: y = Math.exp(y);
    dy_dx = dy_dx * t1;
    y = t1;
    let n = 0;
    n++;
    const valueSize = Math.abs(y) * Math.abs(n);
    return valueSize < Infinity ? [dy_dx * n] : undefined;
}
