function energy_chunkJvp(K, x, dx) {
    const dt3 = new Array(K).fill(0);
    const t1 = 0.5 * this.stiffness;
    const t2 = t1 * x;
    const t4 = t1 * x + t2;
    for (let k = 0; k < K; k++)
        dt3[k] = dx[k] * t4;
    return [t2 * x, dt3];
}
