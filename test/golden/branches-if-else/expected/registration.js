Object.defineProperty(clipped, Symbol.for("dualts.derivative"), { value: {
        contract: 1,
        name: "clipped",
        parameters: ["x", "y"],
        kinds: ["scalar", "scalar"],
        wrt: [0, 1],
        result: "scalar",
        jvp: clipped_jvp,
        chunkJvp: clipped_chunkJvp,
        record: clipped_record,
        gradient: clipped_gradient,
        generic: clipped_generic,
    } });
