function bySign_generic(ops, x, y) {
    switch (Math.sign(ops.primal(y))) {
        case 1: return ops.add(x, y);
        case -1: return ops.sub(x, y);
        default: return x;
    }
}
