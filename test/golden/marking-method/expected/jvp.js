function energy_jvp(x, dx) {
    const t1 = 0.5 * this.stiffness;
    const t2 = t1 * x;
    return [t2 * x, dx * t1 * x + dx * t2];
}
