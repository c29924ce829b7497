function piecewise_recordGradient(tape, x, xNode, y, yNode) {
    let inDomain = true;
    if (x > y) {
        const valueSize = Math.abs(x) * Math.abs(y);
        return valueSize < Infinity && inDomain ? tape.node2(xNode, y, yNode, x) : undefined;
    }
    else {
        if (x < 0) {
            const resultSize = Math.abs(x);
            return resultSize < Infinity && inDomain ? tape.node1(xNode, -1) : undefined;
        }
    }
    let t1;
    let t1Node;
    if (x > 1) {
        t1 = Math.log(x);
        t1Node = tape.node1(xNode, 1 / x);
    }
    else {
        t1 = y * y;
        t1Node = tape.node1(yNode, y + y);
    }
    const tSize = (x > 1 ? 745 : Math.abs(y) * Math.abs(y));
    inDomain = inDomain && (x > 1 ? x > 0 && x < Infinity : true);
    // node of: const t = x > 1 ? Math.log(x) : y * y;
    const tNode = t1Node;
    switch (Math.sign(y)) {
        case 1: {
            const valueSize2 = tSize + Math.abs(y);
            return valueSize2 < Infinity && inDomain ? tape.node2(tNode, 1, yNode, 1) : undefined;
        }
        case -1: {
            const valueSize3 = tSize + Math.abs(y);
            return valueSize3 < Infinity && inDomain ? tape.node2(tNode, 1, yNode, -1) : undefined;
        }
        default: {
            const valueSize4 = tSize;
            return valueSize4 < Infinity && inDomain ? tNode : undefined;
        }
    }
}
