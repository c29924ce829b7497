// diagnostics: none

Object.defineProperty(sumOfSquares, Symbol.for("dualts.derivative"), { value: {
        name: "sumOfSquares",
        parameters: ["v"],
        kinds: ["array"],
        wrt: [0],
        result: "scalar",
        jvp: sumOfSquares_jvp,
        generic: sumOfSquares_generic,
    } });
Object.defineProperty(linear, Symbol.for("dualts.derivative"), { value: {
        name: "linear",
        parameters: ["x", "a"],
        kinds: ["array", "data"],
        wrt: [0],
        result: "array",
        jvp: linear_jvp,
        generic: linear_generic,
    } });
Object.defineProperty(cumulative, Symbol.for("dualts.derivative"), { value: {
        name: "cumulative",
        parameters: ["v"],
        kinds: ["array"],
        wrt: [0],
        result: "array",
        jvp: cumulative_jvp,
        generic: cumulative_generic,
    } });
Object.defineProperty(scratch, Symbol.for("dualts.derivative"), { value: {
        name: "scratch",
        parameters: ["x", "y"],
        kinds: ["scalar", "scalar"],
        wrt: [0, 1],
        result: "scalar",
        jvp: scratch_jvp,
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
        out.push(running * running);
        dout.push(drunning * running + drunning * running);
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
