// diagnostics:
//   diagnostics-lost/input.ts:9:11 - error DUALTS1008: assigning to 'y' inside an expression is not supported on differentiated values in inCondition: assign in a statement of its own
//   diagnostics-lost/input.ts:16:3 - error DUALTS1008: the operator '||=' is not supported on differentiated values in logicalAssignment: branch with if/else and assign inside it
//   diagnostics-lost/input.ts:22:13 - error DUALTS1008: an object literal is not supported on differentiated values in inObject: keep the values in variables or in a local array of numbers
//   diagnostics-lost/input.ts:28:25 - error DUALTS1008: turning a value into a string is not supported on differentiated values in throughString: keep it a number (noDerivative(x) drops a derivative on purpose)
//   diagnostics-lost/input.ts:37:11 - error DUALTS1008: hidesParameter declares 'x' again inside a block, hiding the outer 'x', which carries a derivative; the generated code names derivatives after variables: use another name
//   diagnostics-lost/input.ts:48:11 - error DUALTS1008: hidesLocal declares 't' again inside a block, hiding the outer 't', which carries a derivative; the generated code names derivatives after variables: use another name
//   diagnostics-lost/input.ts:58:9 - error DUALTS1008: this declaration of 'y' reads 'y' itself, which is not supported in readsItself: declare 'y' once and assign to it (y = …)
//   diagnostics-lost/input.ts:64:26 - error DUALTS1008: withThis declares a 'this' parameter; a differentiable function is a plain function of its parameters: pass the object's numbers as parameters

Object.defineProperty(inCondition, Symbol.for("dualts.derivative"), { value: {
        contract: 1,
        name: "inCondition",
        parameters: ["x"],
        diagnostics: ["diagnostics-lost/input.ts:9:11 - error DUALTS1008: assigning to 'y' inside an expression is not supported on differentiated values in inCondition: assign in a statement of its own"],
    } });
Object.defineProperty(logicalAssignment, Symbol.for("dualts.derivative"), { value: {
        contract: 1,
        name: "logicalAssignment",
        parameters: ["x"],
        diagnostics: ["diagnostics-lost/input.ts:16:3 - error DUALTS1008: the operator '||=' is not supported on differentiated values in logicalAssignment: branch with if/else and assign inside it"],
    } });
Object.defineProperty(inObject, Symbol.for("dualts.derivative"), { value: {
        contract: 1,
        name: "inObject",
        parameters: ["x"],
        diagnostics: ["diagnostics-lost/input.ts:22:13 - error DUALTS1008: an object literal is not supported on differentiated values in inObject: keep the values in variables or in a local array of numbers"],
    } });
Object.defineProperty(throughString, Symbol.for("dualts.derivative"), { value: {
        contract: 1,
        name: "throughString",
        parameters: ["x"],
        diagnostics: ["diagnostics-lost/input.ts:28:25 - error DUALTS1008: turning a value into a string is not supported on differentiated values in throughString: keep it a number (noDerivative(x) drops a derivative on purpose)"],
    } });
Object.defineProperty(hidesParameter, Symbol.for("dualts.derivative"), { value: {
        contract: 1,
        name: "hidesParameter",
        parameters: ["x"],
        diagnostics: ["diagnostics-lost/input.ts:37:11 - error DUALTS1008: hidesParameter declares 'x' again inside a block, hiding the outer 'x', which carries a derivative; the generated code names derivatives after variables: use another name"],
    } });
Object.defineProperty(hidesLocal, Symbol.for("dualts.derivative"), { value: {
        contract: 1,
        name: "hidesLocal",
        parameters: ["x"],
        diagnostics: ["diagnostics-lost/input.ts:48:11 - error DUALTS1008: hidesLocal declares 't' again inside a block, hiding the outer 't', which carries a derivative; the generated code names derivatives after variables: use another name"],
    } });
Object.defineProperty(readsItself, Symbol.for("dualts.derivative"), { value: {
        contract: 1,
        name: "readsItself",
        parameters: ["x"],
        diagnostics: ["diagnostics-lost/input.ts:58:9 - error DUALTS1008: this declaration of 'y' reads 'y' itself, which is not supported in readsItself: declare 'y' once and assign to it (y = \u2026)"],
    } });
Object.defineProperty(withThis, Symbol.for("dualts.derivative"), { value: {
        contract: 1,
        name: "withThis",
        parameters: ["this", "x"],
        diagnostics: ["diagnostics-lost/input.ts:64:26 - error DUALTS1008: withThis declares a 'this' parameter; a differentiable function is a plain function of its parameters: pass the object's numbers as parameters"],
    } });
// Derivatives that would be lost without a word: each is reported where it
// happens, with how to write it instead. (These compiled before, and their
// derivatives came out wrong or the generated code did not load.)
/** @differentiable */
export function inCondition(x) {
    let y = x;
    let i = 0;
    while ((y = y * 1.1) < 100 && i++ < 3) { }
    return y;
}
/** @differentiable */
export function logicalAssignment(x) {
    let y = 0;
    y ||= x * x;
    return y;
}
/** @differentiable */
export function inObject(x) {
    const o = { v: x * x };
    return o.v * 2;
}
/** @differentiable */
export function throughString(x) {
    const scaled = Number(`${x * 2}`);
    console.log(`x = ${x}`); // a message nobody reads back: fine
    return scaled;
}
/** @differentiable */
export function hidesParameter(x) {
    let s = 0;
    for (let k = 0; k < 2; k++) {
        const x = k;
        s += x;
    }
    return s * x;
}
/** @differentiable */
export function hidesLocal(x) {
    const t = x * 2;
    let s = t;
    {
        const t = x * x; // chunk mode shared one set of lanes for both t
        s += t;
    }
    return s + t;
}
/** @differentiable */
export function readsItself(x) {
    var y = x;
    for (let i = 0; i < 2; i++) {
        var y = y * x;
    }
    return y;
}
/** @differentiable */
export function withThis(x) {
    return x * x;
}
