function loss_generic(ops, w0, w1, xs, ys) {
    let total = 0;
    for (let i = 0; i < xs.length; i++) {
        const z = ops.add(w0, ops.mul(w1, xs[i]));
        const p = ops.div(1, (ops.add(1, ops.exp(ops.neg(z)))));
        total = ops.add(total, ops.add(ops.mul(ys[i], ops.log(p)), ops.mul((1 - ys[i]), ops.log(ops.sub(1, p)))));
    }
    return ops.div(ops.neg(total), xs.length);
}
