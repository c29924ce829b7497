// diagnostics:
//   diagnostics-names/input.ts:11:9 - error DUALTS1008: ownMath sees this 'Math', which is not JavaScript's Math; the derivative code dualts generates calls JavaScript's Math functions (Math.cos, Math.log, …): rename your own 'Math'
//   diagnostics-names/input.ts:17:10 - error DUALTS1001: noDerivative(…) has no derivative, but its arguments depend on the differentiated parameters of ownStop: this noDerivative is not dualts' noDerivative (it is declared in this module); import { noDerivative } from "dualts" to use dualts' own
//   diagnostics-names/input.ts:23:3 - error DUALTS1008: a for…in loop is not supported on differentiated values in indices: loop over the indices instead: for (let i = 0; i < xs.length; i++)
//   diagnostics-names/input.ts:29:16 - error DUALTS1001: Array.prototype.slice.call(…) has no derivative, but its arguments depend on the differentiated parameters of borrowed: write xs.slice() (a copy of an array is supported)

Object.defineProperty(ownMath, Symbol.for("dualts.derivative"), { value: {
        contract: 1,
        name: "ownMath",
        parameters: ["x"],
        diagnostics: ["diagnostics-names/input.ts:11:9 - error DUALTS1008: ownMath sees this 'Math', which is not JavaScript's Math; the derivative code dualts generates calls JavaScript's Math functions (Math.cos, Math.log, \u2026): rename your own 'Math'"],
    } });
Object.defineProperty(ownStop, Symbol.for("dualts.derivative"), { value: {
        contract: 1,
        name: "ownStop",
        parameters: ["x"],
        diagnostics: ["diagnostics-names/input.ts:17:10 - error DUALTS1001: noDerivative(\u2026) has no derivative, but its arguments depend on the differentiated parameters of ownStop: this noDerivative is not dualts' noDerivative (it is declared in this module); import { noDerivative } from \"dualts\" to use dualts' own"],
    } });
Object.defineProperty(indices, Symbol.for("dualts.derivative"), { value: {
        contract: 1,
        name: "indices",
        parameters: ["xs"],
        diagnostics: ["diagnostics-names/input.ts:23:3 - error DUALTS1008: a for\u2026in loop is not supported on differentiated values in indices: loop over the indices instead: for (let i = 0; i < xs.length; i++)"],
    } });
Object.defineProperty(borrowed, Symbol.for("dualts.derivative"), { value: {
        contract: 1,
        name: "borrowed",
        parameters: ["xs"],
        diagnostics: ["diagnostics-names/input.ts:29:16 - error DUALTS1001: Array.prototype.slice.call(\u2026) has no derivative, but its arguments depend on the differentiated parameters of borrowed: write xs.slice() (a copy of an array is supported)"],
    } });
// Names are resolved by scope, never by spelling: a Math that is not
// JavaScript's, and a noDerivative that is not dualts', are reported; the
// messages name the construct in the user's words.
function noDerivative(x) {
    return x * x;
}
/** @differentiable */
export function ownMath(x) {
    const Math = { sin: (v) => 2 * v };
    return Math.sin(x);
}
/** @differentiable */
export function ownStop(x) {
    return noDerivative(x) * x;
}
/** @differentiable */
export function indices(xs) {
    let s = 0;
    for (const i in xs)
        s += xs[i];
    return s;
}
/** @differentiable */
export function borrowed(xs) {
    const copy = Array.prototype.slice.call(xs);
    return copy[0];
}
