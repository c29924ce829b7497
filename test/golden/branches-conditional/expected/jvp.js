function logOrSquare_jvp(x, dx, y, dy) {
    let t1;
    let dt1;
    if (x > 1) {
        t1 = Math.log(x);
        dt1 = dx / x;
    }
    else {
        t1 = y * y;
        dt1 = dy * y + dy * y;
    }
    const t = t1;
    // tangent of: const t = x > 1 ? Math.log(x) : y * y;
    const dt = dt1;
    return [t * x, dt * x + dx * t];
}
