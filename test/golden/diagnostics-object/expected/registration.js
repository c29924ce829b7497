Object.defineProperty(inObject, Symbol.for("dualts.derivative"), { value: {
        contract: 1,
        name: "inObject",
        parameters: ["x"],
        diagnostics: ["input.ts:8:13 - error DUALTS1008: an object literal is not supported on differentiated values in inObject: keep the values in variables or in a local array of numbers"],
    } });
