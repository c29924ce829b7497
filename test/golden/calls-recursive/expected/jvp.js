function power_jvp(x, dx, n) {
    let t1;
    let dt1;
    if (n === 0) {
        t1 = 1;
        dt1 = 0;
    }
    else {
        const [t2, dt2] = power_jvp(x, dx, n - 1);
        t1 = x * t2;
        dt1 = dx * t2 + dt2 * x;
    }
    return [t1, dt1];
}
