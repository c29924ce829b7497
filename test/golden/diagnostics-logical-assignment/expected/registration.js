Object.defineProperty(logicalAssignment, Symbol.for("dualts.derivative"), { value: {
        contract: 1,
        name: "logicalAssignment",
        parameters: ["x"],
        diagnostics: ["input.ts:9:3 - error DUALTS1008: the operator '||=' is not supported on differentiated values in logicalAssignment: branch with if/else and assign inside it"],
    } });
