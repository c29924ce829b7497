Object.defineProperty(loops, Symbol.for("dualts.derivative"), { value: {
        contract: 1,
        name: "loops",
        parameters: ["x", "n"],
        kinds: ["scalar", "scalar"],
        wrt: [0],
        result: "scalar",
        jvp: loops_jvp,
        chunkJvp: loops_chunkJvp,
        record: loops_record,
        gradient: loops_gradient,
        generic: loops_generic,
    } });
