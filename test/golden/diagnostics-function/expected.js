// diagnostics:
//   diagnostics-function/input.ts:4:1 - error DUALTS1002: generator is a generator; a differentiable function must return its result (a number or an array of numbers): collect the values into an array
//   diagnostics-function/input.ts:9:1 - error DUALTS1003: later is async; a differentiable function must compute its result synchronously: await the data first and pass it in as a parameter
//   diagnostics-function/input.ts:9:41 - error DUALTS1006: later returns 'Promise<number>'; a differentiable function returns a number or an array of numbers
//   diagnostics-function/input.ts:14:35 - error DUALTS1006: label returns 'string'; a differentiable function returns a number or an array of numbers
//   diagnostics-function/input.ts:18:5 - error DUALTS1007: wrt names 'w3', which is not a parameter of missing(w0); list only its parameters
//   diagnostics-function/input.ts:23:5 - error DUALTS1010: cannot read '@differentiable with respect to everything': write '@differentiable', '@differentiable wrt(a, b)', '@differentiable noDerivative(n)' or '@differentiable nansafe'

Object.defineProperty(generator, Symbol.for("dualts.derivative"), { value: {
        contract: 1,
        name: "generator",
        parameters: ["x"],
        diagnostics: ["diagnostics-function/input.ts:4:1 - error DUALTS1002: generator is a generator; a differentiable function must return its result (a number or an array of numbers): collect the values into an array"],
    } });
Object.defineProperty(later, Symbol.for("dualts.derivative"), { value: {
        contract: 1,
        name: "later",
        parameters: ["x"],
        diagnostics: ["diagnostics-function/input.ts:9:1 - error DUALTS1003: later is async; a differentiable function must compute its result synchronously: await the data first and pass it in as a parameter", "diagnostics-function/input.ts:9:41 - error DUALTS1006: later returns 'Promise<number>'; a differentiable function returns a number or an array of numbers"],
    } });
Object.defineProperty(label, Symbol.for("dualts.derivative"), { value: {
        contract: 1,
        name: "label",
        parameters: ["x"],
        diagnostics: ["diagnostics-function/input.ts:14:35 - error DUALTS1006: label returns 'string'; a differentiable function returns a number or an array of numbers"],
    } });
// Diagnostics about a function as a whole, and about its marker.
/** @differentiable */
export function* generator(x) {
    yield x;
}
/** @differentiable */
export async function later(x) {
    return x;
}
/** @differentiable */
export function label(x) {
    return "x = " + x;
}
/** @differentiable wrt(w3) */
export function missing(w0) {
    return w0;
}
/** @differentiable with respect to everything */
export function unreadable(w0) {
    return w0;
}
