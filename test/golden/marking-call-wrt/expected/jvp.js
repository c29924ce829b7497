function scaled_jvp(x, dx, k) {
    return [x * k, dx * k];
}
