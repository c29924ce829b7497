function scratch_chunkJvp(K, x, dx, y, dy) {
    const dt4 = new Array(K).fill(0);
    const buffer = new Float64Array(2);
    const dbuffer = new Float64Array(buffer.length * K);
    // tangent of: buffer[0] = x * y;
    for (let k = 0; k < K; k++)
        dbuffer[0 * K + k] = dx[k] * y + dy[k] * x;
    buffer[0] = x * y;
    const t1 = Math.hypot(x, y);
    // tangent of: buffer[1] = buffer[0] + Math.hypot(x, y);
    const t2 = t1 === 0 ? 0 : x / t1;
    const t3 = t1 === 0 ? 0 : y / t1;
    for (let k = 0; k < K; k++)
        dbuffer[1 * K + k] = dbuffer[0 * K + k] + dx[k] * t2 + dy[k] * t3;
    buffer[1] = buffer[0] + t1;
    for (let k = 0; k < K; k++)
        dt4[k] = dbuffer[1 * K + k];
    return [buffer[1], dt4];
}
