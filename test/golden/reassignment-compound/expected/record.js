function square_record(tape, x, xNode) {
    let y = x;
    // node of: let y = x;
    let yNode = xNode;
    // node of: y = y * y;
    yNode = tape.node1(yNode, y + y);
    y = y * y;
    // node of: y += Math.sin(y);
    yNode = tape.node1(yNode, 1 + Math.cos(y));
    y = y + Math.sin(y);
    // node of: y *= 2;
    yNode = tape.node1(yNode, 2);
    y = y * 2;
    // node of: y -= x / 3;
    yNode = tape.node2(yNode, 1, xNode, -(1 / 3));
    y = y - x / 3;
    const t1 = 1 + x * x;
    const t2 = y / t1;
    // node of: y /= 1 + x * x;
    yNode = tape.node2(yNode, 1 / t1, xNode, -((x + x) * (t2 / t1)));
    y = t2;
    // node of: y **= 2;
    yNode = tape.node1(yNode, 2 * y);
    y = y ** 2;
    return [y, yNode];
}
