function scaledEnds_jvp(xs, dxs) {
    const copy = xs.slice();
    const dcopy = dxs.slice();
    // tangent of: copy[0] = copy[0] * 2;
    dcopy[0] = dcopy[0] * 2;
    copy[0] = copy[0] * 2;
    const spread = [...xs];
    const dspread = dxs.slice();
    return [copy[0] + spread[spread.length - 1], dcopy[0] + dspread[spread.length - 1]];
}
