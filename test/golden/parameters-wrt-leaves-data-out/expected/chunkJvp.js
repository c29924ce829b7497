function predictData_chunkJvp(K, layer, x, dx) {
    const dt1 = new Array(K).fill(0);
    for (let k = 0; k < K; k++)
        dt1[k] = dx[k] * layer.b;
    return [layer.b * x, dt1];
}
