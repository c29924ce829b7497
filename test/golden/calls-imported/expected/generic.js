function smooth_generic(ops, w) {
    return ops.mul(w, __dualtsGeneric(softplus, "input.ts:8:14")(ops, w));
}
