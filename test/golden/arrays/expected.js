// diagnostics: none

Object.defineProperty(sumOfSquares, Symbol.for("dualts.derivative"), { value: {
        contract: 1,
        name: "sumOfSquares",
        parameters: ["v"],
        kinds: ["array"],
        wrt: [0],
        result: "scalar",
        jvp: sumOfSquares_jvp,
        chunkJvp: sumOfSquares_chunkJvp,
        record: sumOfSquares_record,
        generic: sumOfSquares_generic,
    } });
Object.defineProperty(linear, Symbol.for("dualts.derivative"), { value: {
        contract: 1,
        name: "linear",
        parameters: ["x", "a"],
        kinds: ["array", "data"],
        wrt: [0],
        result: "array",
        jvp: linear_jvp,
        chunkJvp: linear_chunkJvp,
        record: linear_record,
        generic: linear_generic,
    } });
Object.defineProperty(cumulative, Symbol.for("dualts.derivative"), { value: {
        contract: 1,
        name: "cumulative",
        parameters: ["v"],
        kinds: ["array"],
        wrt: [0],
        result: "array",
        jvp: cumulative_jvp,
        chunkJvp: cumulative_chunkJvp,
        record: cumulative_record,
        generic: cumulative_generic,
    } });
Object.defineProperty(scratch, Symbol.for("dualts.derivative"), { value: {
        contract: 1,
        name: "scratch",
        parameters: ["x", "y"],
        kinds: ["scalar", "scalar"],
        wrt: [0, 1],
        result: "scalar",
        jvp: scratch_jvp,
        chunkJvp: scratch_chunkJvp,
        record: scratch_record,
        generic: scratch_generic,
    } });
// Arrays: parameters, local arrays written in place, push, for…of, and a
// vector result (for jacobian).
/** @differentiable */
export function sumOfSquares(v) {
    let total = 0;
    for (const x of v) {
        total += x * x;
    }
    return total;
}
function sumOfSquares_jvp(v, dv) {
    let total = 0;
    let dtotal = 0;
    for (let k = 0; k < v.length; k++) {
        const x = v[k];
        const dx = dv[k];
        // tangent of: total += x * x;
        dtotal = dtotal + (dx * x + dx * x);
        total = total + x * x;
    }
    return [total, dtotal];
}
function sumOfSquares_generic(ops, v) {
    let total = 0;
    for (const x of v) {
        total = ops.add(total, ops.mul(x, x));
    }
    return total;
}
function sumOfSquares_chunkJvp(K, v, dv) {
    const dtotal = new Array(K).fill(0);
    const dx = new Array(K).fill(0);
    let total = 0;
    for (let k = 0; k < K; k++)
        dtotal[k] = 0;
    for (let index = 0; index < v.length; index++) {
        const x = v[index];
        for (let k = 0; k < K; k++)
            dx[k] = dv[index * K + k];
        // tangent of: total += x * x;
        const t1 = x + x;
        for (let k = 0; k < K; k++)
            dtotal[k] = dtotal[k] + dx[k] * t1;
        total = total + x * x;
    }
    return [total, dtotal];
}
function sumOfSquares_record(tape, v, vNode) {
    let total = 0;
    let totalNode = 0;
    for (let k = 0; k < v.length; k++) {
        const x = v[k];
        const xNode = vNode[k];
        // node of: total += x * x;
        totalNode = tape.node2(totalNode, 1, xNode, x + x);
        total = total + x * x;
    }
    return [total, totalNode];
}
/** @differentiable wrt(x) */
export function linear(x, a) {
    const y = new Array(a.length).fill(0);
    for (let i = 0; i < a.length; i++) {
        for (let j = 0; j < x.length; j++) {
            y[i] += a[i][j] * x[j];
        }
    }
    return y;
}
function linear_jvp(x, dx, a) {
    const y = new Array(a.length).fill(0);
    const dy = new Array(y.length).fill(0);
    for (let i = 0; i < a.length; i++) {
        for (let j = 0; j < x.length; j++) {
            // tangent of: y[i] += a[i][j] * x[j];
            dy[i] = dy[i] + dx[j] * a[i][j];
            y[i] = y[i] + a[i][j] * x[j];
        }
    }
    return [y, dy];
}
function linear_generic(ops, x, a) {
    const y = new Array(a.length).fill(0);
    for (let i = 0; i < a.length; i++) {
        for (let j = 0; j < x.length; j++) {
            y[i] = ops.add(y[i], ops.mul(a[i][j], x[j]));
        }
    }
    return y;
}
function linear_chunkJvp(K, x, dx, a) {
    const y = new Array(a.length).fill(0);
    const dy = new Float64Array(y.length * K);
    for (let i = 0; i < a.length; i++) {
        for (let j = 0; j < x.length; j++) {
            // tangent of: y[i] += a[i][j] * x[j];
            const t1 = a[i][j];
            for (let k = 0; k < K; k++)
                dy[i * K + k] = dy[i * K + k] + dx[j * K + k] * t1;
            y[i] = y[i] + a[i][j] * x[j];
        }
    }
    return [y, dy];
}
function linear_record(tape, x, xNode, a) {
    const y = new Array(a.length).fill(0);
    const yNode = new Array(y.length).fill(0);
    for (let i = 0; i < a.length; i++) {
        for (let j = 0; j < x.length; j++) {
            // node of: y[i] += a[i][j] * x[j];
            yNode[i] = tape.node2(yNode[i], 1, xNode[j], a[i][j]);
            y[i] = y[i] + a[i][j] * x[j];
        }
    }
    return [y, yNode];
}
/** @differentiable */
export function cumulative(v) {
    const out = [];
    let running = 0;
    for (let i = 0; i < v.length; i++) {
        running += v[i];
        out.push(running * running);
    }
    return out;
}
function cumulative_jvp(v, dv) {
    const out = [];
    const dout = [];
    let running = 0;
    let drunning = 0;
    for (let i = 0; i < v.length; i++) {
        // tangent of: running += v[i];
        drunning = drunning + dv[i];
        running = running + v[i];
        // tangent of: out.push(running * running);
        dout.push(drunning * running + drunning * running);
        out.push(running * running);
    }
    return [out, dout];
}
function cumulative_generic(ops, v) {
    const out = [];
    let running = 0;
    for (let i = 0; i < v.length; i++) {
        running = ops.add(running, v[i]);
        out.push(ops.mul(running, running));
    }
    return out;
}
function cumulative_chunkJvp(K, v, dv) {
    const drunning = new Array(K).fill(0);
    const out = [];
    const dout = [];
    let running = 0;
    for (let k = 0; k < K; k++)
        drunning[k] = 0;
    for (let i = 0; i < v.length; i++) {
        // tangent of: running += v[i];
        for (let k = 0; k < K; k++)
            drunning[k] = drunning[k] + dv[i * K + k];
        running = running + v[i];
        // tangent of: out.push(running * running);
        for (let k = 0; k < K; k++)
            dout.push(drunning[k] * (running + running));
        out.push(running * running);
    }
    return [out, dout];
}
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
/** @differentiable */
export function scratch(x, y) {
    const buffer = new Float64Array(2);
    buffer[0] = x * y;
    buffer[1] = buffer[0] + Math.hypot(x, y);
    return buffer[1];
}
function scratch_jvp(x, dx, y, dy) {
    const buffer = new Float64Array(2);
    const dbuffer = new Float64Array(buffer.length);
    // tangent of: buffer[0] = x * y;
    dbuffer[0] = dx * y + dy * x;
    buffer[0] = x * y;
    const t1 = Math.hypot(x, y);
    // tangent of: buffer[1] = buffer[0] + Math.hypot(x, y);
    dbuffer[1] = dbuffer[0] + (dx * (t1 === 0 ? 0 : x / t1) + dy * (t1 === 0 ? 0 : y / t1));
    buffer[1] = buffer[0] + t1;
    return [buffer[1], dbuffer[1]];
}
function scratch_generic(ops, x, y) {
    const buffer = new Array(2).fill(0);
    buffer[0] = ops.mul(x, y);
    buffer[1] = ops.add(buffer[0], ops.hypot(x, y));
    return buffer[1];
}
function scratch_chunkJvp(K, x, dx, y, dy) {
    const dt4 = new Array(K).fill(0);
    const buffer = new Float64Array(2);
    const dbuffer = new Float64Array(buffer.length * K);
    // tangent of: buffer[0] = x * y;
    for (let k = 0; k < K; k++)
        dbuffer[0 * K + k] = dx[k] * y + dy[k] * x;
    buffer[0] = x * y;
    const t1 = Math.hypot(x, y);
    // tangent of: buffer[1] = buffer[0] + Math.hypot(x, y);
    const t2 = t1 === 0 ? 0 : x / t1;
    const t3 = t1 === 0 ? 0 : y / t1;
    for (let k = 0; k < K; k++)
        dbuffer[1 * K + k] = dbuffer[0 * K + k] + dx[k] * t2 + dy[k] * t3;
    buffer[1] = buffer[0] + t1;
    for (let k = 0; k < K; k++)
        dt4[k] = dbuffer[1 * K + k];
    return [buffer[1], dt4];
}
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
