// diagnostics:
//   diagnostics-parameters/input.ts:20:25 - error DUALTS1013: predict cannot be differentiated with respect to its parameter 'layer': its type Layer holds numbers that dualts cannot differentiate yet (only number, number[] and Float64Array parameters are): pass the numbers as number or number[] parameters, or leave it out of the differentiated parameters with wrt(…) (then it is data)
//   diagnostics-parameters/input.ts:30:22 - error DUALTS1013: pair cannot be differentiated with respect to its parameter 'p': its type [number, number] holds numbers that dualts cannot differentiate yet (only number, number[] and Float64Array parameters are): pass the numbers as number or number[] parameters, or leave it out of the differentiated parameters with wrt(…) (then it is data)
//   diagnostics-parameters/input.ts:30:43 - error DUALTS1013: pair cannot be differentiated with respect to its parameter 'either': its type number | number[] may be a number or an array: dualts must know which; give it one type, or leave it out of the differentiated parameters with wrt(…) (then it is data)
//   diagnostics-parameters/input.ts:35:3 - error DUALTS1010: @differentiable marks methods with a body, and this is an accessor field: write it as a method, name(x: number) { … }

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
var __runInitializers = (this && this.__runInitializers) || function (thisArg, initializers, value) {
    var useValue = arguments.length > 2;
    for (var i = 0; i < initializers.length; i++) {
        value = useValue ? initializers[i].call(thisArg, value) : initializers[i].call(thisArg);
    }
    return useValue ? value : void 0;
};
// Parameters are read by their types: a number under another name is a
// number; one that holds numbers dualts cannot differentiate yet is reported
// (never quietly made data), unless wrt(…) leaves it out.
import { differentiable } from "dualts";
Object.defineProperty(scaled, Symbol.for("dualts.derivative"), { value: {
        contract: 1,
        name: "scaled",
        parameters: ["x", "k"],
        kinds: ["scalar", "scalar"],
        wrt: [0, 1],
        result: "scalar",
        jvp: scaled_jvp,
        chunkJvp: scaled_chunkJvp,
        record: scaled_record,
        gradient: scaled_gradient,
        generic: scaled_generic,
    } });
Object.defineProperty(predict, Symbol.for("dualts.derivative"), { value: {
        contract: 1,
        name: "predict",
        parameters: ["layer", "x"],
        diagnostics: ["diagnostics-parameters/input.ts:20:25 - error DUALTS1013: predict cannot be differentiated with respect to its parameter 'layer': its type Layer holds numbers that dualts cannot differentiate yet (only number, number[] and Float64Array parameters are): pass the numbers as number or number[] parameters, or leave it out of the differentiated parameters with wrt(\u2026) (then it is data)"],
    } });
Object.defineProperty(predictData, Symbol.for("dualts.derivative"), { value: {
        contract: 1,
        name: "predictData",
        parameters: ["layer", "x"],
        kinds: ["data", "scalar"],
        wrt: [1],
        result: "scalar",
        jvp: predictData_jvp,
        chunkJvp: predictData_chunkJvp,
        record: predictData_record,
        gradient: predictData_gradient,
        generic: predictData_generic,
    } });
Object.defineProperty(pair, Symbol.for("dualts.derivative"), { value: {
        contract: 1,
        name: "pair",
        parameters: ["p", "either"],
        diagnostics: ["diagnostics-parameters/input.ts:30:22 - error DUALTS1013: pair cannot be differentiated with respect to its parameter 'p': its type [number, number] holds numbers that dualts cannot differentiate yet (only number, number[] and Float64Array parameters are): pass the numbers as number or number[] parameters, or leave it out of the differentiated parameters with wrt(\u2026) (then it is data)", "diagnostics-parameters/input.ts:30:43 - error DUALTS1013: pair cannot be differentiated with respect to its parameter 'either': its type number | number[] may be a number or an array: dualts must know which; give it one type, or leave it out of the differentiated parameters with wrt(\u2026) (then it is data)"],
    } });
/** @differentiable */
export function scaled(x, k) {
    return x * k;
}
function scaled_jvp(x, dx, k, dk) {
    return [x * k, dx * k + dk * x];
}
function scaled_generic(ops, x, k) {
    return ops.mul(x, k);
}
function scaled_chunkJvp(K, x, dx, k, dk) {
    const dt1 = new Array(K).fill(0);
    for (let lane = 0; lane < K; lane++)
        dt1[lane] = dx[lane] * k + dk[lane] * x;
    return [x * k, dt1];
}
function scaled_record(tape, x, xNode, k, kNode) {
    return [x * k, tape.node2(xNode, k, kNode, x)];
}
function scaled_gradient(x, k) {
    const dx_dx = 1, dx_dk = 0;
    const dk_dx = 0, dk_dk = 1;
    const valueSize = Math.abs(x) * Math.abs(k);
    return valueSize < Infinity ? [dx_dx * k + dk_dx * x, dx_dk * k + dk_dk * x] : undefined;
}
/** @differentiable */
export function predict(layer, x) {
    return layer.b * x;
}
/** @differentiable wrt(x) */
export function predictData(layer, x) {
    return layer.b * x;
}
function predictData_jvp(layer, x, dx) {
    return [layer.b * x, dx * layer.b];
}
function predictData_generic(ops, layer, x) {
    return ops.mul(layer.b, x);
}
function predictData_chunkJvp(K, layer, x, dx) {
    const dt1 = new Array(K).fill(0);
    for (let lane = 0; lane < K; lane++)
        dt1[lane] = dx[lane] * layer.b;
    return [layer.b * x, dt1];
}
function predictData_record(tape, layer, x, xNode) {
    return [layer.b * x, tape.node1(xNode, layer.b)];
}
function predictData_gradient(layer, x) {
    const dx_dx = 1;
    const valueSize = Math.abs(layer.b) * Math.abs(x);
    return valueSize < Infinity ? [dx_dx * layer.b] : undefined;
}
/** @differentiable */
export function pair(p, either) {
    return p[0];
}
let Model = (() => {
    let _weight_decorators;
    let _weight_initializers = [];
    let _weight_extraInitializers = [];
    return class Model {
        static {
            const _metadata = typeof Symbol === "function" && Symbol.metadata ? Object.create(null) : void 0;
            _weight_decorators = [differentiable];
            __esDecorate(this, null, _weight_decorators, { kind: "accessor", name: "weight", static: false, private: false, access: { has: obj => "weight" in obj, get: obj => obj.weight, set: (obj, value) => { obj.weight = value; } }, metadata: _metadata }, _weight_initializers, _weight_extraInitializers);
            if (_metadata) Object.defineProperty(this, Symbol.metadata, { enumerable: true, configurable: true, writable: true, value: _metadata });
        }
        #weight_accessor_storage = __runInitializers(this, _weight_initializers, 1);
        get weight() { return this.#weight_accessor_storage; }
        set weight(value) { this.#weight_accessor_storage = value; }
        constructor() {
            __runInitializers(this, _weight_extraInitializers);
        }
    };
})();
export { Model };
