Object.defineProperty(ownMath, Symbol.for("dualts.derivative"), { value: {
        contract: 1,
        name: "ownMath",
        parameters: ["x"],
        diagnostics: ["input.ts:7:9 - error DUALTS1008: ownMath sees this 'Math', which is not JavaScript's Math; the derivative code dualts generates calls JavaScript's Math functions (Math.cos, Math.log, \u2026): rename your own 'Math'"],
    } });
