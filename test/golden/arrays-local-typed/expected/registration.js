Object.defineProperty(scratch, Symbol.for("dualts.derivative"), { value: {
        contract: 1,
        name: "scratch",
        parameters: ["x", "y"],
        kinds: ["scalar", "scalar"],
        wrt: [0, 1],
        result: "scalar",
        jvp: scratch_jvp,
        chunkJvp: scratch_chunkJvp,
        record: scratch_record,
        generic: scratch_generic,
    } });
