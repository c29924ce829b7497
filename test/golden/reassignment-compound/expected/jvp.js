function square_jvp(x, dx) {
    let y = x;
    // tangent of: let y = x;
    let dy = dx;
    // tangent of: y = y * y;
    dy = dy * y + dy * y;
    y = y * y;
    // tangent of: y += Math.sin(y);
    dy = dy + dy * Math.cos(y);
    y = y + Math.sin(y);
    // tangent of: y *= 2;
    dy = dy * 2;
    y = y * 2;
    // tangent of: y -= x / 3;
    dy = dy - dx / 3;
    y = y - x / 3;
    const t1 = 1 + x * x;
    const t2 = y / t1;
    // tangent of: y /= 1 + x * x;
    dy = dy / t1 - (dx * x + dx * x) * (t2 / t1);
    y = t2;
    // tangent of: y **= 2;
    dy = dy * (2 * y);
    y = y ** 2;
    return [y, dy];
}
