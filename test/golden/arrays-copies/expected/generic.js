function scaledEnds_generic(ops, xs) {
    const copy = xs.slice();
    copy[0] = ops.mul(copy[0], 2);
    const spread = [...xs];
    return ops.add(copy[0], spread[spread.length - 1]);
}
