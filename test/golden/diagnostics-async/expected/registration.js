Object.defineProperty(later, Symbol.for("dualts.derivative"), { value: {
        contract: 1,
        name: "later",
        parameters: ["x"],
        diagnostics: ["input.ts:4:1 - error DUALTS1003: later is async; a differentiable function must compute its result synchronously: await the data first and pass it in as a parameter", "input.ts:4:41 - error DUALTS1006: later returns 'Promise<number>'; a differentiable function returns a number or an array of numbers"],
    } });
