Object.defineProperty(hidesLocal, Symbol.for("dualts.derivative"), { value: {
        contract: 1,
        name: "hidesLocal",
        parameters: ["x"],
        diagnostics: ["input.ts:11:11 - error DUALTS1008: hidesLocal declares 't' again inside a block, hiding the outer 't', which carries a derivative; the generated code names derivatives after variables: use another name"],
    } });
