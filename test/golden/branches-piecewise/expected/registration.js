Object.defineProperty(piecewise, Symbol.for("dualts.derivative"), { value: {
        contract: 1,
        name: "piecewise",
        parameters: ["x", "y"],
        kinds: ["scalar", "scalar"],
        wrt: [0, 1],
        result: "scalar",
        jvp: piecewise_jvp,
        chunkJvp: piecewise_chunkJvp,
        record: piecewise_record,
        gradient: piecewise_gradient,
        recordGradient: piecewise_recordGradient,
        generic: piecewise_generic,
    } });
