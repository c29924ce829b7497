Object.defineProperty(hidesParameter, Symbol.for("dualts.derivative"), { value: {
        contract: 1,
        name: "hidesParameter",
        parameters: ["x"],
        diagnostics: ["input.ts:10:11 - error DUALTS1008: hidesParameter declares 'x' again inside a block, hiding the outer 'x', which carries a derivative; the generated code names derivatives after variables: use another name"],
    } });
