Object.defineProperty(indices, Symbol.for("dualts.derivative"), { value: {
        contract: 1,
        name: "indices",
        parameters: ["xs"],
        diagnostics: ["input.ts:8:3 - error DUALTS1008: a for\u2026in loop is not supported on differentiated values in indices: loop over the indices instead: for (let i = 0; i < xs.length; i++)"],
    } });
