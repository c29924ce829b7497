function predictData_generic(ops, layer, x) {
    return ops.mul(layer.b, x);
}
