function piecewise_jvp(x, dx, y, dy) {
    if (x > y) {
        return [x * y, dx * y + dy * x];
    }
    else {
        if (x < 0) {
            return [-x, -dx];
        }
    }
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
    switch (Math.sign(y)) {
        case 1: {
            return [t + y, dt + dy];
        }
        case -1: {
            return [t - y, dt - dy];
        }
        default: {
            return [t, dt];
        }
    }
}
