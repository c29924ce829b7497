Object.defineProperty(unsupportedHere, Symbol.for("dualts.derivative"), { value: {
        contract: 1,
        name: "unsupportedHere",
        parameters: ["x"],
        diagnostics: ["input.ts:5:18 - error DUALTS1008: the operator '||' is not supported on differentiated values in unsupportedHere: use arithmetic operators, or branch with if/else on a comparison", "input.ts:7:8 - error DUALTS1009: the header of this loop computes a value that carries a derivative in unsupportedHere; keep the loop counter a plain number and compute the value in the body"],
    } });
