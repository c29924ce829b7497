function scratch_jvp(x, dx, y, dy) {
    const buffer = new Float64Array(2);
    const dbuffer = new Float64Array(buffer.length);
    // tangent of: buffer[0] = x * y;
    dbuffer[0] = dx * y + dy * x;
    buffer[0] = x * y;
    const t1 = Math.hypot(x, y);
    // tangent of: buffer[1] = buffer[0] + Math.hypot(x, y);
    dbuffer[1] = dbuffer[0] + (dx * (t1 === 0 ? 0 : x / t1) + dy * (t1 === 0 ? 0 : y / t1));
    buffer[1] = buffer[0] + t1;
    return [buffer[1], dbuffer[1]];
}
