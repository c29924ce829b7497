// diagnostics:
//   diagnostics-calls/input.ts:12:3 - error DUALTS1004: bad assigns to 'counter', which is declared outside it; a differentiable function may not change outer state (it runs once per derivative pass): return the value instead
//   diagnostics-calls/input.ts:13:3 - error DUALTS1012: bad writes into its parameter 'xs'; copy it into a local array first (const copy = [...xs])
//   diagnostics-calls/input.ts:14:13 - error DUALTS1001: helper(…) has no derivative, but its arguments depend on the differentiated parameters of bad: mark helper @differentiable, use a Math function, or wrap an argument in noDerivative(…) if its derivative should be ignored
//   diagnostics-calls/input.ts:15:32 - error DUALTS1011: the nested function uses 'x', which carries a derivative; closures over differentiated values are not supported: write a loop, or mark the helper @differentiable and pass 'x' as an argument
//   diagnostics-calls/input.ts:16:14 - error DUALTS1005: eval cannot be differentiated: write the computation as code in the function
//   diagnostics-calls/input.ts:21:18 - error DUALTS1008: the operator '||' is not supported on differentiated values in unsupportedHere: use arithmetic operators, or branch with if/else on a comparison
//   diagnostics-calls/input.ts:23:8 - error DUALTS1009: the header of this loop computes a value that carries a derivative in unsupportedHere; keep the loop counter a plain number and compute the value in the body

Object.defineProperty(bad, Symbol.for("dualts.derivative"), { value: {
        contract: 1,
        name: "bad",
        parameters: ["x", "xs"],
        diagnostics: ["diagnostics-calls/input.ts:12:3 - error DUALTS1004: bad assigns to 'counter', which is declared outside it; a differentiable function may not change outer state (it runs once per derivative pass): return the value instead", "diagnostics-calls/input.ts:13:3 - error DUALTS1012: bad writes into its parameter 'xs'; copy it into a local array first (const copy = [...xs])", "diagnostics-calls/input.ts:14:13 - error DUALTS1001: helper(\u2026) has no derivative, but its arguments depend on the differentiated parameters of bad: mark helper @differentiable, use a Math function, or wrap an argument in noDerivative(\u2026) if its derivative should be ignored", "diagnostics-calls/input.ts:15:32 - error DUALTS1011: the nested function uses 'x', which carries a derivative; closures over differentiated values are not supported: write a loop, or mark the helper @differentiable and pass 'x' as an argument", "diagnostics-calls/input.ts:16:14 - error DUALTS1005: eval cannot be differentiated: write the computation as code in the function"],
    } });
Object.defineProperty(unsupportedHere, Symbol.for("dualts.derivative"), { value: {
        contract: 1,
        name: "unsupportedHere",
        parameters: ["x"],
        diagnostics: ["diagnostics-calls/input.ts:21:18 - error DUALTS1008: the operator '||' is not supported on differentiated values in unsupportedHere: use arithmetic operators, or branch with if/else on a comparison", "diagnostics-calls/input.ts:23:8 - error DUALTS1009: the header of this loop computes a value that carries a derivative in unsupportedHere; keep the loop counter a plain number and compute the value in the body"],
    } });
// Diagnostics inside a function: each names the construct, says how to
// fix it, and points at it.
function helper(x) {
    return x + 1;
}
let counter = 0;
/** @differentiable */
export function bad(x, xs) {
    counter = counter + 1;
    xs[0] = x;
    const y = helper(x);
    const f = (t) => t * x;
    return y + eval("x") + f(1);
}
/** @differentiable */
export function unsupportedHere(x) {
    const either = x || 1;
    let total = 0;
    for (let s = x; s < 10; s = s * 2) {
        total += s;
    }
    return either + total;
}
