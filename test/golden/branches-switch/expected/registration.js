Object.defineProperty(bySign, Symbol.for("dualts.derivative"), { value: {
        contract: 1,
        name: "bySign",
        parameters: ["x", "y"],
        kinds: ["scalar", "scalar"],
        wrt: [0, 1],
        result: "scalar",
        jvp: bySign_jvp,
        chunkJvp: bySign_chunkJvp,
        record: bySign_record,
        gradient: bySign_gradient,
        generic: bySign_generic,
    } });
