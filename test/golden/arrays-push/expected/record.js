function cumulative_record(tape, v, vNode) {
    const out = [];
    const outNode = [];
    let running = 0;
    let runningNode = 0;
    for (let i = 0; i < v.length; i++) {
        // node of: running += v[i];
        runningNode = tape.node2(runningNode, 1, vNode[i], 1);
        running = running + v[i];
        // node of: out.push(running * running);
        outNode.push(tape.node1(runningNode, running + running));
        out.push(running * running);
    }
    return [out, outNode];
}
