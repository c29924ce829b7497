Object.defineProperty(bad, Symbol.for("dualts.derivative"), { value: {
        contract: 1,
        name: "bad",
        parameters: ["x", "xs"],
        diagnostics: ["input.ts:13:3 - error DUALTS1004: bad assigns to 'counter', which is declared outside it; a differentiable function may not change outer state (it runs once per derivative pass): return the value instead", "input.ts:14:3 - error DUALTS1012: bad writes into its parameter 'xs'; copy it into a local array first (const copy = [...xs])", "input.ts:15:13 - error DUALTS1001: helper(\u2026) has no derivative, but its arguments depend on the differentiated parameters of bad: mark helper @differentiable, use a Math function, or wrap an argument in noDerivative(\u2026) if its derivative should be ignored", "input.ts:16:32 - error DUALTS1011: the nested function uses 'x', which carries a derivative; closures over differentiated values are not supported: write a loop, or mark the helper @differentiable and pass 'x' as an argument", "input.ts:17:14 - error DUALTS1005: eval cannot be differentiated: write the computation as code in the function"],
    } });
