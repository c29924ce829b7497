function square_generic(ops, x) {
    let y = x;
    y = ops.mul(y, y);
    y = ops.add(y, ops.sin(y));
    y = ops.mul(y, 2);
    y = ops.sub(y, ops.div(x, 3));
    y = ops.div(y, ops.add(1, ops.mul(x, x)));
    y = ops.pow(y, 2);
    return y;
}
