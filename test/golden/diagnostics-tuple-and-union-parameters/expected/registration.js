Object.defineProperty(pair, Symbol.for("dualts.derivative"), { value: {
        contract: 1,
        name: "pair",
        parameters: ["p", "either"],
        diagnostics: ["input.ts:5:22 - error DUALTS1013: pair cannot be differentiated with respect to its parameter 'p': its type [number, number] holds numbers that dualts cannot differentiate yet (only number, number[] and Float64Array parameters are): pass the numbers as number or number[] parameters, or leave it out of the differentiated parameters with wrt(\u2026) (then it is data)", "input.ts:5:43 - error DUALTS1013: pair cannot be differentiated with respect to its parameter 'either': its type number | number[] may be a number or an array: dualts must know which; give it one type, or leave it out of the differentiated parameters with wrt(\u2026) (then it is data)"],
    } });
