function bySign_jvp(x, dx, y, dy) {
    switch (Math.sign(y)) {
        case 1: {
            return [x + y, dx + dy];
        }
        case -1: {
            return [x - y, dx - dy];
        }
        default: {
            return [x, dx];
        }
    }
}
