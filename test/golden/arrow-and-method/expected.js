// diagnostics: none

var __runInitializers = (this && this.__runInitializers) || function (thisArg, initializers, value) {
    var useValue = arguments.length > 2;
    for (var i = 0; i < initializers.length; i++) {
        value = useValue ? initializers[i].call(thisArg, value) : initializers[i].call(thisArg);
    }
    return useValue ? value : void 0;
};
var __esDecorate = (this && this.__esDecorate) || function (ctor, descriptorIn, decorators, contextIn, initializers, extraInitializers) {
    function accept(f) { if (f !== void 0 && typeof f !== "function") throw new TypeError("Function expected"); return f; }
    var kind = contextIn.kind, key = kind === "getter" ? "get" : kind === "setter" ? "set" : "value";
    var target = !descriptorIn && ctor ? contextIn["static"] ? ctor : ctor.prototype : null;
    var descriptor = descriptorIn || (target ? Object.getOwnPropertyDescriptor(target, contextIn.name) : {});
    var _, done = false;
    for (var i = decorators.length - 1; i >= 0; i--) {
        var context = {};
        for (var p in contextIn) context[p] = p === "access" ? {} : contextIn[p];
        for (var p in contextIn.access) context.access[p] = contextIn.access[p];
        context.addInitializer = function (f) { if (done) throw new TypeError("Cannot add initializers after decoration has completed"); extraInitializers.push(accept(f || null)); };
        var result = (0, decorators[i])(kind === "accessor" ? { get: descriptor.get, set: descriptor.set } : descriptor[key], context);
        if (kind === "accessor") {
            if (result === void 0) continue;
            if (result === null || typeof result !== "object") throw new TypeError("Object expected");
            if (_ = accept(result.get)) descriptor.get = _;
            if (_ = accept(result.set)) descriptor.set = _;
            if (_ = accept(result.init)) initializers.unshift(_);
        }
        else if (_ = accept(result)) {
            if (kind === "field") initializers.unshift(_);
            else descriptor[key] = _;
        }
    }
    if (target) Object.defineProperty(target, contextIn.name, descriptor);
    done = true;
};
// The other two ways to mark: differentiable(…) around a function
// expression, and the @differentiable decorator on a class method.
import { differentiable } from "dualts";
export const norm = differentiable((x, y) => Math.sqrt(x * x + y * y), {
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
let Spring = (() => {
    let _instanceExtraInitializers = [];
    let _energy_decorators;
    return class Spring {
        static {
            const _metadata = typeof Symbol === "function" && Symbol.metadata ? Object.create(null) : void 0;
            _energy_decorators = [differentiable({
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
                })];
            __esDecorate(this, null, _energy_decorators, { kind: "method", name: "energy", static: false, private: false, access: { has: obj => "energy" in obj, get: obj => obj.energy }, metadata: _metadata }, null, _instanceExtraInitializers);
            if (_metadata) Object.defineProperty(this, Symbol.metadata, { enumerable: true, configurable: true, writable: true, value: _metadata });
        }
        stiffness = __runInitializers(this, _instanceExtraInitializers);
        constructor(stiffness) {
            this.stiffness = stiffness;
        }
        energy(x) {
            return 0.5 * this.stiffness * x * x;
        }
    };
})();
export { Spring };
