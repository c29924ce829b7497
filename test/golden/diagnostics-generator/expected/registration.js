Object.defineProperty(generator, Symbol.for("dualts.derivative"), { value: {
        contract: 1,
        name: "generator",
        parameters: ["x"],
        diagnostics: ["input.ts:4:1 - error DUALTS1002: generator is a generator; a differentiable function must return its result (a number or an array of numbers): collect the values into an array"],
    } });
