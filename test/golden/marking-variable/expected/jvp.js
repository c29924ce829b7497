function cube_jvp(x, dx) {
    const t1 = x * x;
    return [t1 * x, (dx * x + dx * x) * x + dx * t1];
}
