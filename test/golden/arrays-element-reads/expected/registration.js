Object.defineProperty(weightedSum, Symbol.for("dualts.derivative"), { value: {
        contract: 1,
        name: "weightedSum",
        parameters: ["xs", "weights"],
        kinds: ["array", "array"],
        wrt: [0, 1],
        result: "scalar",
        jvp: weightedSum_jvp,
        chunkJvp: weightedSum_chunkJvp,
        record: weightedSum_record,
        generic: weightedSum_generic,
    } });
