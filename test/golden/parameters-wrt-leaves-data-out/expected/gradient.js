function predictData_gradient(layer, x) {
    const dx_dx = 1;
    const valueSize = Math.abs(layer.b) * Math.abs(x);
    return valueSize < Infinity ? [dx_dx * layer.b] : undefined;
}
