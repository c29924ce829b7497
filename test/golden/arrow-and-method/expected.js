// diagnostics: none

// The other two ways to mark: differentiable(…) around a function
// expression, and the @differentiable decorator on a class method.
import { differentiable } from "dualts";
export const norm = differentiable((x, y) => Math.sqrt(x * x + y * y), {
    contract: 1,
    name: "norm",
    parameters: ["x", "y"],
    kinds: ["scalar", "scalar"],
    wrt: [0, 1],
    result: "scalar",
    jvp: function (x, dx, y, dy) {
        const t1 = Math.sqrt(x * x + y * y);
        return [t1, (dx * x + dx * x + (dy * y + dy * y)) * (0.5 / t1)];
    },
    chunkJvp: function (K, x, dx, y, dy) {
        const dt2 = new Array(K).fill(0);
        const t1 = Math.sqrt(x * x + y * y);
        const t3 = (x + x) * (0.5 / t1);
        const t4 = (y + y) * (0.5 / t1);
        for (let lane = 0; lane < K; lane++)
            dt2[lane] = dx[lane] * t3 + dy[lane] * t4;
        return [t1, dt2];
    },
    record: function (tape, x, xNode, y, yNode) {
        const t1 = Math.sqrt(x * x + y * y);
        return [t1, tape.node2(xNode, (x + x) * (0.5 / t1), yNode, (y + y) * (0.5 / t1))];
    },
    gradient: function (x, y) {
        const dx_dx = 1, dx_dy = 0;
        const dy_dx = 0, dy_dy = 1;
        const t1 = Math.sqrt(x * x + y * y);
        const t2 = (x + x) * (0.5 / t1);
        const t3 = (y + y) * (0.5 / t1);
        const valueSize = Math.abs(Math.sqrt(x * x + y * y));
        return valueSize < Infinity ? [dx_dx * t2 + dy_dx * t3, dx_dy * t2 + dy_dy * t3] : undefined;
    },
    generic: function (ops, x, y) {
        return ops.sqrt(ops.add(ops.mul(x, x), ops.mul(y, y)));
    },
});
export const scaled = differentiable((x, k) => x * k, {
    contract: 1,
    name: "scaled",
    parameters: ["x", "k"],
    kinds: ["scalar", "scalar"],
    wrt: [0],
    result: "scalar",
    jvp: function (x, dx, k) {
        return [x * k, dx * k];
    },
    chunkJvp: function (K, x, dx, k) {
        const dt1 = new Array(K).fill(0);
        for (let lane = 0; lane < K; lane++)
            dt1[lane] = dx[lane] * k;
        return [x * k, dt1];
    },
    record: function (tape, x, xNode, k) {
        return [x * k, tape.node1(xNode, k)];
    },
    gradient: function (x, k) {
        const dx_dx = 1;
        const valueSize = Math.abs(x) * Math.abs(k);
        return valueSize < Infinity ? [dx_dx * k] : undefined;
    },
    generic: function (ops, x, k) {
        return ops.mul(x, k);
    },
});
export class Spring {
    stiffness;
    constructor(stiffness) {
        this.stiffness = stiffness;
    }
    energy(x) {
        return 0.5 * this.stiffness * x * x;
    }
    static {
        differentiable.method(this, "energy", {
            contract: 1,
            name: "energy",
            parameters: ["x"],
            kinds: ["scalar"],
            wrt: [0],
            result: "scalar",
            jvp: function (x, dx) {
                const t1 = 0.5 * this.stiffness;
                const t2 = t1 * x;
                return [t2 * x, dx * t1 * x + dx * t2];
            },
            chunkJvp: function (K, x, dx) {
                const dt3 = new Array(K).fill(0);
                const t1 = 0.5 * this.stiffness;
                const t2 = t1 * x;
                const t4 = t1 * x + t2;
                for (let lane = 0; lane < K; lane++)
                    dt3[lane] = dx[lane] * t4;
                return [t2 * x, dt3];
            },
            record: function (tape, x, xNode) {
                const t1 = 0.5 * this.stiffness;
                const t2 = t1 * x;
                return [t2 * x, tape.node1(xNode, t1 * x + t2)];
            },
            gradient: function (x) {
                const dx_dx = 1;
                const t1 = 0.5 * this.stiffness;
                const t2 = t1 * x;
                const t3 = t1 * x + t2;
                const valueSize = 0.5 * Math.abs(this.stiffness) * Math.abs(x) * Math.abs(x);
                return valueSize < Infinity ? [dx_dx * t3] : undefined;
            },
            generic: function (ops, x) {
                return ops.mul(ops.mul(0.5 * this.stiffness, x), x);
            },
        });
    }
}
