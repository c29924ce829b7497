Object.defineProperty(linear, Symbol.for("dualts.derivative"), { value: {
        contract: 1,
        name: "linear",
        parameters: ["x", "a"],
        kinds: ["array", "data"],
        wrt: [0],
        result: "array",
        jvp: linear_jvp,
        chunkJvp: linear_chunkJvp,
        record: linear_record,
        generic: linear_generic,
    } });
