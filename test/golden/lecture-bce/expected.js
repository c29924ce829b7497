// diagnostics: none

Object.defineProperty(loss, Symbol.for("dualts.derivative"), { value: {
        contract: 1,
        name: "loss",
        parameters: ["w0", "w1", "xs", "ys"],
        kinds: ["scalar", "scalar", "array", "array"],
        wrt: [0, 1],
        result: "scalar",
        jvp: loss_jvp,
        chunkJvp: loss_chunkJvp,
        record: loss_record,
        gradient: loss_gradient,
        recordGradient: loss_recordGradient,
        generic: loss_generic,
    } });
Object.defineProperty(polynomial, Symbol.for("dualts.derivative"), { value: {
        contract: 1,
        name: "polynomial",
        parameters: ["w0", "w1", "w2"],
        kinds: ["scalar", "scalar", "scalar"],
        wrt: [0, 1, 2],
        result: "scalar",
        jvp: polynomial_jvp,
        chunkJvp: polynomial_chunkJvp,
        record: polynomial_record,
        gradient: polynomial_gradient,
        generic: polynomial_generic,
    } });
// The lecture's functions as a user writes them: plain TypeScript, marked.
/** @differentiable wrt(w0, w1) */
export function loss(w0, w1, xs, ys) {
    let total = 0;
    for (let i = 0; i < xs.length; i++) {
        const z = w0 + w1 * xs[i];
        const p = 1 / (1 + Math.exp(-z));
        total += ys[i] * Math.log(p) + (1 - ys[i]) * Math.log(1 - p);
    }
    return -total / xs.length;
}
function loss_jvp(w0, dw0, w1, dw1, xs, ys) {
    let total = 0;
    let dtotal = 0;
    for (let i = 0; i < xs.length; i++) {
        const z = w0 + w1 * xs[i];
        // tangent of: const z = w0 + w1 * xs[i];
        const dz = dw0 + dw1 * xs[i];
        const t1 = Math.exp(-z);
        const t2 = 1 + t1;
        const p = 1 / t2;
        // tangent of: const p = 1 / (1 + Math.exp(-z));
        const dp = dz * t1 * (p / t2);
        const t3 = 1 - p;
        const t4 = 1 - ys[i];
        // tangent of: total += ys[i] * Math.log(p) + (1 - ys[i]) * Math.log(1 - p);
        dtotal = dtotal + (dp / p * ys[i] - dp / t3 * t4);
        total = total + (ys[i] * Math.log(p) + t4 * Math.log(t3));
    }
    return [-total / xs.length, -(dtotal / xs.length)];
}
function loss_generic(ops, w0, w1, xs, ys) {
    let total = 0;
    for (let i = 0; i < xs.length; i++) {
        const z = ops.add(w0, ops.mul(w1, xs[i]));
        const p = ops.div(1, (ops.add(1, ops.exp(ops.neg(z)))));
        total = ops.add(total, ops.add(ops.mul(ys[i], ops.log(p)), ops.mul((1 - ys[i]), ops.log(ops.sub(1, p)))));
    }
    return ops.div(ops.neg(total), xs.length);
}
function loss_chunkJvp(K, w0, dw0, w1, dw1, xs, ys) {
    const dtotal = new Array(K).fill(0);
    const dz = new Array(K).fill(0);
    const dp = new Array(K).fill(0);
    const dt7 = new Array(K).fill(0);
    let total = 0;
    for (let k = 0; k < K; k++)
        dtotal[k] = 0;
    for (let i = 0; i < xs.length; i++) {
        const z = w0 + w1 * xs[i];
        // tangent of: const z = w0 + w1 * xs[i];
        for (let k = 0; k < K; k++)
            dz[k] = dw0[k] + dw1[k] * xs[i];
        const t1 = Math.exp(-z);
        const t2 = 1 + t1;
        const p = 1 / t2;
        // tangent of: const p = 1 / (1 + Math.exp(-z));
        const t3 = t1 * (p / t2);
        for (let k = 0; k < K; k++)
            dp[k] = dz[k] * t3;
        const t4 = 1 - p;
        const t5 = 1 - ys[i];
        // tangent of: total += ys[i] * Math.log(p) + (1 - ys[i]) * Math.log(1 - p);
        const t6 = ys[i] / p - t5 / t4;
        for (let k = 0; k < K; k++)
            dtotal[k] = dtotal[k] + dp[k] * t6;
        total = total + (ys[i] * Math.log(p) + t5 * Math.log(t4));
    }
    const t8 = 1 / xs.length;
    for (let k = 0; k < K; k++)
        dt7[k] = -(dtotal[k] * t8);
    return [-total / xs.length, dt7];
}
function loss_record(tape, w0, w0Node, w1, w1Node, xs, ys) {
    let total = 0;
    let totalNode = 0;
    for (let i = 0; i < xs.length; i++) {
        const z = w0 + w1 * xs[i];
        // node of: const z = w0 + w1 * xs[i];
        const zNode = tape.node2(w0Node, 1, w1Node, xs[i]);
        const t1 = Math.exp(-z);
        const t2 = 1 + t1;
        const p = 1 / t2;
        // node of: const p = 1 / (1 + Math.exp(-z));
        const pNode = tape.node1(zNode, t1 * (p / t2));
        const t3 = 1 - p;
        const t4 = 1 - ys[i];
        // node of: total += ys[i] * Math.log(p) + (1 - ys[i]) * Math.log(1 - p);
        totalNode = tape.node2(totalNode, 1, pNode, ys[i] / p - t4 / t3);
        total = total + (ys[i] * Math.log(p) + t4 * Math.log(t3));
    }
    return [-total / xs.length, tape.node1(totalNode, -(1 / xs.length))];
}
function loss_gradient(w0, w1, xs, ys) {
    const dw0_dw0 = 1, dw0_dw1 = 0;
    const dw1_dw0 = 0, dw1_dw1 = 1;
    let inDomain = true;
    let totalSize = 0;
    let dtotal_dw0 = 0;
    let dtotal_dw1 = 0;
    for (let i = 0; i < xs.length; i++) {
        const z = w0 + w1 * xs[i];
        // tangent of: const z = w0 + w1 * xs[i];
        const dz_dw0 = dw0_dw0 + dw1_dw0 * xs[i];
        const dz_dw1 = dw0_dw1 + dw1_dw1 * xs[i];
        const t1 = Math.exp(-z);
        const t2 = 1 + t1;
        const p = 1 / t2;
        // tangent of: const p = 1 / (1 + Math.exp(-z));
        const t3 = t1 * (p / t2);
        const dp_dw0 = dz_dw0 * t3;
        const dp_dw1 = dz_dw1 * t3;
        const t4 = 1 - p;
        const t5 = 1 - ys[i];
        // tangent of: total += ys[i] * Math.log(p) + (1 - ys[i]) * Math.log(1 - p);
        const t6 = ys[i] / p - t5 / t4;
        dtotal_dw0 = dtotal_dw0 + dp_dw0 * t6;
        dtotal_dw1 = dtotal_dw1 + dp_dw1 * t6;
        totalSize = totalSize + (Math.abs(ys[i]) * 745 + (1 + Math.abs(ys[i])) * 745);
        inDomain = inDomain && p > 0 && p < Infinity && (1 - p) > 0 && (1 - p) < Infinity;
    }
    const t7 = 1 / xs.length;
    const valueSize = totalSize / Math.abs(xs.length);
    return valueSize < Infinity && inDomain ? [-(dtotal_dw0 * t7), -(dtotal_dw1 * t7)] : undefined;
}
function loss_recordGradient(tape, w0, w0Node, w1, w1Node, xs, ys) {
    let inDomain = true;
    let totalSize = 0;
    let totalNode = 0;
    for (let i = 0; i < xs.length; i++) {
        const z = w0 + w1 * xs[i];
        // node of: const z = w0 + w1 * xs[i];
        const zNode = tape.node2(w0Node, 1, w1Node, xs[i]);
        const t1 = Math.exp(-z);
        const t2 = 1 + t1;
        const p = 1 / t2;
        // node of: const p = 1 / (1 + Math.exp(-z));
        const pNode = tape.node1(zNode, t1 * (p / t2));
        const t3 = 1 - p;
        const t4 = 1 - ys[i];
        // node of: total += ys[i] * Math.log(p) + (1 - ys[i]) * Math.log(1 - p);
        totalNode = tape.node2(totalNode, 1, pNode, ys[i] / p - t4 / t3);
        totalSize = totalSize + (Math.abs(ys[i]) * 745 + (1 + Math.abs(ys[i])) * 745);
        inDomain = inDomain && p > 0 && p < Infinity && (1 - p) > 0 && (1 - p) < Infinity;
    }
    const valueSize = totalSize / Math.abs(xs.length);
    return valueSize < Infinity && inDomain ? tape.node1(totalNode, -(1 / xs.length)) : undefined;
}
/** @differentiable */
export function polynomial(w0, w1, w2) {
    return w0 + 3 * w1 ** 2 + 5 * w2 ** 3;
}
function polynomial_jvp(w0, dw0, w1, dw1, w2, dw2) {
    return [w0 + 3 * w1 ** 2 + 5 * w2 ** 3, dw0 + dw1 * (2 * w1) * 3 + dw2 * (3 * w2 ** 2) * 5];
}
function polynomial_generic(ops, w0, w1, w2) {
    return ops.add(ops.add(w0, ops.mul(3, ops.pow(w1, 2))), ops.mul(5, ops.pow(w2, 3)));
}
function polynomial_chunkJvp(K, w0, dw0, w1, dw1, w2, dw2) {
    const dt1 = new Array(K).fill(0);
    const t2 = 2 * w1 * 3;
    const t3 = 3 * w2 ** 2 * 5;
    for (let k = 0; k < K; k++)
        dt1[k] = dw0[k] + dw1[k] * t2 + dw2[k] * t3;
    return [w0 + 3 * w1 ** 2 + 5 * w2 ** 3, dt1];
}
function polynomial_record(tape, w0, w0Node, w1, w1Node, w2, w2Node) {
    return [w0 + 3 * w1 ** 2 + 5 * w2 ** 3, tape.node3(w0Node, 1, w1Node, 2 * w1 * 3, w2Node, 3 * w2 ** 2 * 5)];
}
function polynomial_gradient(w0, w1, w2) {
    const dw0_dw0 = 1, dw0_dw1 = 0, dw0_dw2 = 0;
    const dw1_dw0 = 0, dw1_dw1 = 1, dw1_dw2 = 0;
    const dw2_dw0 = 0, dw2_dw1 = 0, dw2_dw2 = 1;
    const t1 = 2 * w1 * 3;
    const t2 = 3 * w2 ** 2 * 5;
    const valueSize = Math.abs(w0) + 3 * Math.abs(w1 ** 2) + 5 * Math.abs(w2 ** 3);
    return valueSize < Infinity ? [dw0_dw0 + dw1_dw0 * t1 + dw2_dw0 * t2, dw0_dw1 + dw1_dw1 * t1 + dw2_dw1 * t2, dw0_dw2 + dw1_dw2 * t1 + dw2_dw2 * t2] : undefined;
}
