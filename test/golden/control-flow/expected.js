// diagnostics: none

Object.defineProperty(piecewise, Symbol.for("dualts.derivative"), { value: {
        contract: 1,
        name: "piecewise",
        parameters: ["x", "y"],
        kinds: ["scalar", "scalar"],
        wrt: [0, 1],
        result: "scalar",
        jvp: piecewise_jvp,
        chunkJvp: piecewise_chunkJvp,
        record: piecewise_record,
        gradient: piecewise_gradient,
        recordGradient: piecewise_recordGradient,
        generic: piecewise_generic,
    } });
Object.defineProperty(loops, Symbol.for("dualts.derivative"), { value: {
        contract: 1,
        name: "loops",
        parameters: ["x", "n"],
        kinds: ["scalar", "scalar"],
        wrt: [0],
        result: "scalar",
        jvp: loops_jvp,
        chunkJvp: loops_chunkJvp,
        record: loops_record,
        gradient: loops_gradient,
        generic: loops_generic,
    } });
// Branches and loops: conditions read primal values; break, continue and
// early returns keep their places.
/** @differentiable */
export function piecewise(x, y) {
    if (x > y) {
        return x * y;
    }
    else if (x < 0) {
        return -x;
    }
    const t = x > 1 ? Math.log(x) : y * y;
    switch (Math.sign(y)) {
        case 1:
            return t + y;
        case -1:
            return t - y;
        default:
            return t;
    }
}
function piecewise_jvp(x, dx, y, dy) {
    if (x > y) {
        return [x * y, dx * y + dy * x];
    }
    else {
        if (x < 0) {
            return [-x, -dx];
        }
    }
    let t1;
    let dt1;
    if (x > 1) {
        t1 = Math.log(x);
        dt1 = dx / x;
    }
    else {
        t1 = y * y;
        dt1 = dy * y + dy * y;
    }
    const t = t1;
    // tangent of: const t = x > 1 ? Math.log(x) : y * y;
    const dt = dt1;
    switch (Math.sign(y)) {
        case 1: {
            return [t + y, dt + dy];
        }
        case -1: {
            return [t - y, dt - dy];
        }
        default: {
            return [t, dt];
        }
    }
}
function piecewise_generic(ops, x, y) {
    if (ops.primal(x) > ops.primal(y)) {
        return ops.mul(x, y);
    }
    else if (ops.primal(x) < 0) {
        return ops.neg(x);
    }
    const t = ops.primal(x) > 1 ? ops.log(x) : ops.mul(y, y);
    switch (Math.sign(ops.primal(y))) {
        case 1: return ops.add(t, y);
        case -1: return ops.sub(t, y);
        default: return t;
    }
}
function piecewise_chunkJvp(K, x, dx, y, dy) {
    const dt1 = new Array(K).fill(0);
    const dt2 = new Array(K).fill(0);
    const dt3 = new Array(K).fill(0);
    const dt = new Array(K).fill(0);
    const dt6 = new Array(K).fill(0);
    const dt7 = new Array(K).fill(0);
    if (x > y) {
        for (let lane = 0; lane < K; lane++)
            dt1[lane] = dx[lane] * y + dy[lane] * x;
        return [x * y, dt1];
    }
    else {
        if (x < 0) {
            for (let lane = 0; lane < K; lane++)
                dt2[lane] = -dx[lane];
            return [-x, dt2];
        }
    }
    let t3;
    if (x > 1) {
        t3 = Math.log(x);
        const t4 = 1 / x;
        for (let lane = 0; lane < K; lane++)
            dt3[lane] = dx[lane] * t4;
    }
    else {
        t3 = y * y;
        const t5 = y + y;
        for (let lane = 0; lane < K; lane++)
            dt3[lane] = dy[lane] * t5;
    }
    const t = t3;
    // tangent of: const t = x > 1 ? Math.log(x) : y * y;
    for (let lane = 0; lane < K; lane++)
        dt[lane] = dt3[lane];
    switch (Math.sign(y)) {
        case 1: {
            for (let lane = 0; lane < K; lane++)
                dt6[lane] = dt[lane] + dy[lane];
            return [t + y, dt6];
        }
        case -1: {
            for (let lane = 0; lane < K; lane++)
                dt7[lane] = dt[lane] - dy[lane];
            return [t - y, dt7];
        }
        default: {
            return [t, dt];
        }
    }
}
function piecewise_record(tape, x, xNode, y, yNode) {
    if (x > y) {
        return [x * y, tape.node2(xNode, y, yNode, x)];
    }
    else {
        if (x < 0) {
            return [-x, tape.node1(xNode, -1)];
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
    const t = t1;
    // node of: const t = x > 1 ? Math.log(x) : y * y;
    const tNode = t1Node;
    switch (Math.sign(y)) {
        case 1: {
            return [t + y, tape.node2(tNode, 1, yNode, 1)];
        }
        case -1: {
            return [t - y, tape.node2(tNode, 1, yNode, -1)];
        }
        default: {
            return [t, tNode];
        }
    }
}
function piecewise_gradient(x, y) {
    const dx_dx = 1, dx_dy = 0;
    const dy_dx = 0, dy_dy = 1;
    let inDomain = true;
    if (x > y) {
        const valueSize = Math.abs(x) * Math.abs(y);
        return valueSize < Infinity && inDomain ? [dx_dx * y + dy_dx * x, dx_dy * y + dy_dy * x] : undefined;
    }
    else {
        if (x < 0) {
            const resultSize = Math.abs(x);
            return resultSize < Infinity && inDomain ? [-dx_dx, -dx_dy] : undefined;
        }
    }
    let t1;
    let dt1_dx = 0;
    let dt1_dy = 0;
    if (x > 1) {
        t1 = Math.log(x);
        const t2 = 1 / x;
        dt1_dx = dx_dx * t2;
        dt1_dy = dx_dy * t2;
    }
    else {
        t1 = y * y;
        const t3 = y + y;
        dt1_dx = dy_dx * t3;
        dt1_dy = dy_dy * t3;
    }
    const tSize = (x > 1 ? 745 : Math.abs(y) * Math.abs(y));
    inDomain = inDomain && (x > 1 ? x > 0 && x < Infinity : true);
    // tangent of: const t = x > 1 ? Math.log(x) : y * y;
    const dt_dx = dt1_dx;
    const dt_dy = dt1_dy;
    switch (Math.sign(y)) {
        case 1: {
            const valueSize2 = tSize + Math.abs(y);
            return valueSize2 < Infinity && inDomain ? [dt_dx + dy_dx, dt_dy + dy_dy] : undefined;
        }
        case -1: {
            const valueSize3 = tSize + Math.abs(y);
            return valueSize3 < Infinity && inDomain ? [dt_dx - dy_dx, dt_dy - dy_dy] : undefined;
        }
        default: {
            const valueSize4 = tSize;
            return valueSize4 < Infinity && inDomain ? [dt_dx, dt_dy] : undefined;
        }
    }
}
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
/** @differentiable wrt(x) */
export function loops(x, n) {
    let total = 0;
    for (let i = 0; i < n; i++) {
        if (i === 2)
            continue;
        if (i > 5)
            break;
        total += x ** i;
    }
    let k = 0;
    while (k < 3) {
        total = total * x + 1;
        k++;
    }
    do {
        total -= x;
    } while (total > 100);
    return total;
}
function loops_jvp(x, dx, n) {
    let total = 0;
    let dtotal = 0;
    for (let i = 0; i < n; i++) {
        if (i === 2)
            continue;
        if (i > 5)
            break;
        // tangent of: total += x ** i;
        dtotal = dtotal + dx * (x === 0 && i === 0 ? 0 : i * x ** (i - 1));
        total = total + x ** i;
    }
    let k = 0;
    while (k < 3) {
        // tangent of: total = total * x + 1;
        dtotal = dtotal * x + dx * total;
        total = total * x + 1;
        k++;
    }
    do {
        // tangent of: total -= x;
        dtotal = dtotal - dx;
        total = total - x;
    } while (total > 100);
    return [total, dtotal];
}
function loops_generic(ops, x, n) {
    let total = 0;
    for (let i = 0; i < n; i++) {
        if (i === 2)
            continue;
        if (i > 5)
            break;
        total = ops.add(total, ops.pow(x, i));
    }
    let k = 0;
    while (k < 3) {
        total = ops.add(ops.mul(total, x), 1);
        k++;
    }
    do {
        total = ops.sub(total, x);
    } while (ops.primal(total) > 100);
    return total;
}
function loops_chunkJvp(K, x, dx, n) {
    const dtotal = new Array(K).fill(0);
    let total = 0;
    for (let lane = 0; lane < K; lane++)
        dtotal[lane] = 0;
    for (let i = 0; i < n; i++) {
        if (i === 2)
            continue;
        if (i > 5)
            break;
        // tangent of: total += x ** i;
        const t1 = x === 0 && i === 0 ? 0 : i * x ** (i - 1);
        for (let lane = 0; lane < K; lane++)
            dtotal[lane] = dtotal[lane] + dx[lane] * t1;
        total = total + x ** i;
    }
    let k = 0;
    while (k < 3) {
        // tangent of: total = total * x + 1;
        for (let lane = 0; lane < K; lane++)
            dtotal[lane] = dtotal[lane] * x + dx[lane] * total;
        total = total * x + 1;
        k++;
    }
    do {
        // tangent of: total -= x;
        for (let lane = 0; lane < K; lane++)
            dtotal[lane] = dtotal[lane] - dx[lane];
        total = total - x;
    } while (total > 100);
    return [total, dtotal];
}
function loops_record(tape, x, xNode, n) {
    let total = 0;
    let totalNode = 0;
    for (let i = 0; i < n; i++) {
        if (i === 2)
            continue;
        if (i > 5)
            break;
        // node of: total += x ** i;
        totalNode = tape.node2(totalNode, 1, xNode, x === 0 && i === 0 ? 0 : i * x ** (i - 1));
        total = total + x ** i;
    }
    let k = 0;
    while (k < 3) {
        // node of: total = total * x + 1;
        totalNode = tape.node2(totalNode, x, xNode, total);
        total = total * x + 1;
        k++;
    }
    do {
        // node of: total -= x;
        totalNode = tape.node2(totalNode, 1, xNode, -1);
        total = total - x;
    } while (total > 100);
    return [total, totalNode];
}
function loops_gradient(x, n) {
    const dx_dx = 1;
    let total = 0;
    let dtotal_dx = 0;
    for (let i = 0; i < n; i++) {
        if (i === 2)
            continue;
        if (i > 5)
            break;
        // tangent of: total += x ** i;
        const t1 = x === 0 && i === 0 ? 0 : i * x ** (i - 1);
        dtotal_dx = dtotal_dx + dx_dx * t1;
        total = total + x ** i;
    }
    let k = 0;
    while (k < 3) {
        // tangent of: total = total * x + 1;
        dtotal_dx = dtotal_dx * x + dx_dx * total;
        total = total * x + 1;
        k++;
    }
    do {
        // tangent of: total -= x;
        dtotal_dx = dtotal_dx - dx_dx;
        total = total - x;
    } while (total > 100);
    const valueSize = Math.abs(total);
    return valueSize < Infinity ? [dtotal_dx] : undefined;
}
