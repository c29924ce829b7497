// diagnostics: none

Object.defineProperty(piecewise, Symbol.for("dualts.derivative"), { value: {
        name: "piecewise",
        parameters: ["x", "y"],
        kinds: ["scalar", "scalar"],
        wrt: [0, 1],
        result: "scalar",
        jvp: piecewise_jvp,
        generic: piecewise_generic,
    } });
Object.defineProperty(loops, Symbol.for("dualts.derivative"), { value: {
        name: "loops",
        parameters: ["x", "n"],
        kinds: ["scalar", "scalar"],
        wrt: [0],
        result: "scalar",
        jvp: loops_jvp,
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
        dtotal = dtotal + dx * (i === 0 ? 0 : i * x ** (i - 1));
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
