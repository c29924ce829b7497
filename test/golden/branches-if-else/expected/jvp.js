function clipped_jvp(x, dx, y, dy) {
    if (x > y) {
        return [x * y, dx * y + dy * x];
    }
    else {
        if (x < 0) {
            return [-x, -dx];
        }
    }
    return [x + y, dx + dy];
}
