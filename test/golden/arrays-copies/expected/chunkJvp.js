function scaledEnds_chunkJvp(K, xs, dxs) {
    const dt1 = new Array(K).fill(0);
    const copy = xs.slice();
    const dcopy = dxs.slice();
    // tangent of: copy[0] = copy[0] * 2;
    for (let k = 0; k < K; k++)
        dcopy[0 * K + k] = dcopy[0 * K + k] * 2;
    copy[0] = copy[0] * 2;
    const spread = [...xs];
    const dspread = dxs.slice();
    for (let k = 0; k < K; k++)
        dt1[k] = dcopy[0 * K + k] + dspread[(spread.length - 1) * K + k];
    return [copy[0] + spread[spread.length - 1], dt1];
}
