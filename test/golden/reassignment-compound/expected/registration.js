Object.defineProperty(square, Symbol.for("dualts.derivative"), { value: {
        contract: 1,
        name: "square",
        parameters: ["x"],
        kinds: ["scalar"],
        wrt: [0],
        result: "scalar",
        jvp: square_jvp,
        chunkJvp: square_chunkJvp,
        record: square_record,
        gradient: square_gradient,
        generic: square_generic,
    } });
