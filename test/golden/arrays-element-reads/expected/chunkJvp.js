function weightedSum_chunkJvp(K, xs, dxs, weights, dweights) {
    const dtotal = new Array(K).fill(0);
    let total = 0;
    for (let k = 0; k < K; k++)
        dtotal[k] = 0;
    for (let i = 0; i < xs.length; i++) {
        // tangent of: total += weights[i] * xs[i];
        for (let k = 0; k < K; k++)
            dtotal[k] = dtotal[k] + dweights[i * K + k] * xs[i] + dxs[i * K + k] * weights[i];
        total = total + weights[i] * xs[i];
    }
    return [total, dtotal];
}
