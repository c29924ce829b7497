Object.defineProperty(throughString, Symbol.for("dualts.derivative"), { value: {
        contract: 1,
        name: "throughString",
        parameters: ["x"],
        diagnostics: ["input.ts:9:25 - error DUALTS1008: turning a value into a string is not supported on differentiated values in throughString: keep it a number (noDerivative(x) drops a derivative on purpose)"],
    } });
