function scaled_jvp(x, dx, k, dk) {
    return [x * k, dx * k + dk * x];
}
