Object.defineProperty(logOrSquare, Symbol.for("dualts.derivative"), { value: {
        contract: 1,
        name: "logOrSquare",
        parameters: ["x", "y"],
        kinds: ["scalar", "scalar"],
        wrt: [0, 1],
        result: "scalar",
        jvp: logOrSquare_jvp,
        chunkJvp: logOrSquare_chunkJvp,
        record: logOrSquare_record,
        gradient: logOrSquare_gradient,
        generic: logOrSquare_generic,
    } });
