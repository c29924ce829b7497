Object.defineProperty(label, Symbol.for("dualts.derivative"), { value: {
        contract: 1,
        name: "label",
        parameters: ["x"],
        diagnostics: ["input.ts:4:35 - error DUALTS1006: label returns 'string'; a differentiable function returns a number or an array of numbers"],
    } });
