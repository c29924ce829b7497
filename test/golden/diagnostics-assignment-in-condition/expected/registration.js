Object.defineProperty(inCondition, Symbol.for("dualts.derivative"), { value: {
        contract: 1,
        name: "inCondition",
        parameters: ["x"],
        diagnostics: ["input.ts:10:11 - error DUALTS1008: assigning to 'y' inside an expression is not supported on differentiated values in inCondition: assign in a statement of its own"],
    } });
