function norm_jvp(x, dx, y, dy) {
    const t1 = Math.sqrt(x * x + y * y);
    return [t1, (dx * x + dx * x + (dy * y + dy * y)) * (0.5 / t1)];
}
