Object.defineProperty(borrowed, Symbol.for("dualts.derivative"), { value: {
        contract: 1,
        name: "borrowed",
        parameters: ["xs"],
        diagnostics: ["input.ts:7:16 - error DUALTS1001: Array.prototype.slice.call(\u2026) has no derivative, but its arguments depend on the differentiated parameters of borrowed: write xs.slice() (a copy of an array is supported)"],
    } });
