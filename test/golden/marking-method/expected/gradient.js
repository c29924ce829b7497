function energy_gradient(x) {
    const dx_dx = 1;
    const t1 = 0.5 * this.stiffness;
    const t2 = t1 * x;
    const t3 = t1 * x + t2;
    const valueSize = 0.5 * Math.abs(this.stiffness) * Math.abs(x) * Math.abs(x);
    return valueSize < Infinity ? [dx_dx * t3] : undefined;
}
