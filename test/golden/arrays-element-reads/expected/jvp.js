function weightedSum_jvp(xs, dxs, weights, dweights) {
    let total = 0;
    let dtotal = 0;
    for (let i = 0; i < xs.length; i++) {
        // tangent of: total += weights[i] * xs[i];
        dtotal = dtotal + (dweights[i] * xs[i] + dxs[i] * weights[i]);
        total = total + weights[i] * xs[i];
    }
    return [total, dtotal];
}
