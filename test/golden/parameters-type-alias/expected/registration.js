Object.defineProperty(scaled, Symbol.for("dualts.derivative"), { value: {
        contract: 1,
        name: "scaled",
        parameters: ["x", "k"],
        kinds: ["scalar", "scalar"],
        wrt: [0, 1],
        result: "scalar",
        jvp: scaled_jvp,
        chunkJvp: scaled_chunkJvp,
        record: scaled_record,
        gradient: scaled_gradient,
        generic: scaled_generic,
    } });
