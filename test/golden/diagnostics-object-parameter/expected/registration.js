Object.defineProperty(predict, Symbol.for("dualts.derivative"), { value: {
        contract: 1,
        name: "predict",
        parameters: ["layer", "x"],
        diagnostics: ["input.ts:10:25 - error DUALTS1013: predict cannot be differentiated with respect to its parameter 'layer': its type Layer holds numbers that dualts cannot differentiate yet (only number, number[] and Float64Array parameters are): pass the numbers as number or number[] parameters, or leave it out of the differentiated parameters with wrt(\u2026) (then it is data)"],
    } });
