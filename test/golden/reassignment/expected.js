// diagnostics: none

Object.defineProperty(square, Symbol.for("dualts.derivative"), { value: {
        contract: 1,
        name: "square",
        parameters: ["x"],
        kinds: ["scalar"],
        wrt: [0],
        result: "scalar",
        jvp: square_jvp,
        chunkJvp: square_chunkJvp,
        record: square_record,
        gradient: square_gradient,
        generic: square_generic,
    } });
Object.defineProperty(expOfItself, Symbol.for("dualts.derivative"), { value: {
        contract: 1,
        name: "expOfItself",
        parameters: ["x"],
        kinds: ["scalar"],
        wrt: [0],
        result: "scalar",
        jvp: expOfItself_jvp,
        chunkJvp: expOfItself_chunkJvp,
        record: expOfItself_record,
        gradient: expOfItself_gradient,
        generic: expOfItself_generic,
    } });
// Reassignment, compound assignment and increments: the tangent of
// `y = y * y` must use the old y.
/** @differentiable */
export function square(x) {
    let y = x;
    y = y * y;
    y += Math.sin(y);
    y *= 2;
    y -= x / 3;
    y /= 1 + x * x;
    y **= 2;
    return y;
}
function square_jvp(x, dx) {
    let y = x;
    // tangent of: let y = x;
    let dy = dx;
    // tangent of: y = y * y;
    dy = dy * y + dy * y;
    y = y * y;
    // tangent of: y += Math.sin(y);
    dy = dy + dy * Math.cos(y);
    y = y + Math.sin(y);
    // tangent of: y *= 2;
    dy = dy * 2;
    y = y * 2;
    // tangent of: y -= x / 3;
    dy = dy - dx / 3;
    y = y - x / 3;
    const t1 = 1 + x * x;
    const t2 = y / t1;
    // tangent of: y /= 1 + x * x;
    dy = dy / t1 - (dx * x + dx * x) * (t2 / t1);
    y = t2;
    // tangent of: y **= 2;
    dy = dy * (2 * y);
    y = y ** 2;
    return [y, dy];
}
function square_generic(ops, x) {
    let y = x;
    y = ops.mul(y, y);
    y = ops.add(y, ops.sin(y));
    y = ops.mul(y, 2);
    y = ops.sub(y, ops.div(x, 3));
    y = ops.div(y, ops.add(1, ops.mul(x, x)));
    y = ops.pow(y, 2);
    return y;
}
function square_chunkJvp(K, x, dx) {
    const dy = new Array(K).fill(0);
    let y = x;
    // tangent of: let y = x;
    for (let k = 0; k < K; k++)
        dy[k] = dx[k];
    // tangent of: y = y * y;
    const t1 = y + y;
    for (let k = 0; k < K; k++)
        dy[k] = dy[k] * t1;
    y = y * y;
    // tangent of: y += Math.sin(y);
    const t2 = 1 + Math.cos(y);
    for (let k = 0; k < K; k++)
        dy[k] = dy[k] * t2;
    y = y + Math.sin(y);
    // tangent of: y *= 2;
    for (let k = 0; k < K; k++)
        dy[k] = dy[k] * 2;
    y = y * 2;
    // tangent of: y -= x / 3;
    const t3 = 1 / 3;
    for (let k = 0; k < K; k++)
        dy[k] = dy[k] - dx[k] * t3;
    y = y - x / 3;
    const t4 = 1 + x * x;
    const t5 = y / t4;
    // tangent of: y /= 1 + x * x;
    const t6 = 1 / t4;
    const t7 = (x + x) * (t5 / t4);
    for (let k = 0; k < K; k++)
        dy[k] = dy[k] * t6 - dx[k] * t7;
    y = t5;
    // tangent of: y **= 2;
    const t8 = 2 * y;
    for (let k = 0; k < K; k++)
        dy[k] = dy[k] * t8;
    y = y ** 2;
    return [y, dy];
}
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
function square_gradient(x) {
    const dx_dx = 1;
    let y = x;
    // tangent of: let y = x;
    let dy_dx = dx_dx;
    // tangent of: y = y * y;
    const t1 = y + y;
    dy_dx = dy_dx * t1;
    y = y * y;
    // tangent of: y += Math.sin(y);
    const t2 = 1 + Math.cos(y);
    dy_dx = dy_dx * t2;
    y = y + Math.sin(y);
    // tangent of: y *= 2;
    dy_dx = dy_dx * 2;
    y = y * 2;
    // tangent of: y -= x / 3;
    const t3 = 1 / 3;
    dy_dx = dy_dx - dx_dx * t3;
    y = y - x / 3;
    const t4 = 1 + x * x;
    const t5 = y / t4;
    // tangent of: y /= 1 + x * x;
    const t6 = 1 / t4;
    const t7 = (x + x) * (t5 / t4);
    dy_dx = dy_dx * t6 - dx_dx * t7;
    y = t5;
    // tangent of: y **= 2;
    const t8 = 2 * y;
    dy_dx = dy_dx * t8;
    y = y ** 2;
    const valueSize = Math.abs(y);
    return valueSize < Infinity ? [dy_dx] : undefined;
}
/** @differentiable */
export function expOfItself(x) {
    let y = x;
    y = Math.exp(y);
    let n = 0;
    n++;
    return y * n;
}
function expOfItself_jvp(x, dx) {
    let y = x;
    // tangent of: let y = x;
    let dy = dx;
    const t1 = Math.exp(y);
    // tangent of: y = Math.exp(y);
    dy = dy * t1;
    y = t1;
    let n = 0;
    n++;
    return [y * n, dy * n];
}
function expOfItself_generic(ops, x) {
    let y = x;
    y = ops.exp(y);
    let n = 0;
    n++;
    return ops.mul(y, n);
}
function expOfItself_chunkJvp(K, x, dx) {
    const dy = new Array(K).fill(0);
    const dt2 = new Array(K).fill(0);
    let y = x;
    // tangent of: let y = x;
    for (let k = 0; k < K; k++)
        dy[k] = dx[k];
    const t1 = Math.exp(y);
    // tangent of: y = Math.exp(y);
    for (let k = 0; k < K; k++)
        dy[k] = dy[k] * t1;
    y = t1;
    let n = 0;
    n++;
    for (let k = 0; k < K; k++)
        dt2[k] = dy[k] * n;
    return [y * n, dt2];
}
function expOfItself_record(tape, x, xNode) {
    let y = x;
    // node of: let y = x;
    let yNode = xNode;
    const t1 = Math.exp(y);
    // node of: y = Math.exp(y);
    yNode = tape.node1(yNode, t1);
    y = t1;
    let n = 0;
    n++;
    return [y * n, tape.node1(yNode, n)];
}
function expOfItself_gradient(x) {
    const dx_dx = 1;
    let y = x;
    // tangent of: let y = x;
    let dy_dx = dx_dx;
    const t1 = Math.exp(y);
    // tangent of: y = Math.exp(y);
    dy_dx = dy_dx * t1;
    y = t1;
    let n = 0;
    n++;
    const valueSize = Math.abs(y) * Math.abs(n);
    return valueSize < Infinity ? [dy_dx * n] : undefined;
}
