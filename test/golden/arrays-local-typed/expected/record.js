function scratch_record(tape, x, xNode, y, yNode) {
    const buffer = new Float64Array(2);
    const bufferNode = new Int32Array(buffer.length);
    // node of: buffer[0] = x * y;
    bufferNode[0] = tape.node2(xNode, y, yNode, x);
    buffer[0] = x * y;
    const t1 = Math.hypot(x, y);
    // node of: buffer[1] = buffer[0] + Math.hypot(x, y);
    bufferNode[1] = tape.node3(bufferNode[0], 1, xNode, t1 === 0 ? 0 : x / t1, yNode, t1 === 0 ? 0 : y / t1);
    buffer[1] = buffer[0] + t1;
    return [buffer[1], bufferNode[1]];
}
