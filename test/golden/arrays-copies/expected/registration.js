Object.defineProperty(scaledEnds, Symbol.for("dualts.derivative"), { value: {
        contract: 1,
        name: "scaledEnds",
        parameters: ["xs"],
        kinds: ["array"],
        wrt: [0],
        result: "scalar",
        jvp: scaledEnds_jvp,
        chunkJvp: scaledEnds_chunkJvp,
        record: scaledEnds_record,
        generic: scaledEnds_generic,
    } });
