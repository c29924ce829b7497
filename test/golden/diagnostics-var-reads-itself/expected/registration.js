Object.defineProperty(readsItself, Symbol.for("dualts.derivative"), { value: {
        contract: 1,
        name: "readsItself",
        parameters: ["x"],
        diagnostics: ["input.ts:10:9 - error DUALTS1008: this declaration of 'y' reads 'y' itself, which is not supported in readsItself: declare 'y' once and assign to it (y = \u2026)"],
    } });
