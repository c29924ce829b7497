Object.defineProperty(withThis, Symbol.for("dualts.derivative"), { value: {
        contract: 1,
        name: "withThis",
        parameters: ["this", "x"],
        diagnostics: ["input.ts:7:26 - error DUALTS1008: withThis declares a 'this' parameter; a differentiable function is a plain function of its parameters: pass the object's numbers as parameters"],
    } });
