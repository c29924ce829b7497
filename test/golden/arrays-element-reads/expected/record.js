function weightedSum_record(tape, xs, xsNode, weights, weightsNode) {
    let total = 0;
    let totalNode = 0;
    for (let i = 0; i < xs.length; i++) {
        // node of: total += weights[i] * xs[i];
        totalNode = tape.node3(totalNode, 1, weightsNode[i], xs[i], xsNode[i], weights[i]);
        total = total + weights[i] * xs[i];
    }
    return [total, totalNode];
}
