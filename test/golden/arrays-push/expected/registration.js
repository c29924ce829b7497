Object.defineProperty(cumulative, Symbol.for("dualts.derivative"), { value: {
        contract: 1,
        name: "cumulative",
        parameters: ["v"],
        kinds: ["array"],
        wrt: [0],
        result: "array",
        jvp: cumulative_jvp,
        chunkJvp: cumulative_chunkJvp,
        record: cumulative_record,
        generic: cumulative_generic,
    } });
