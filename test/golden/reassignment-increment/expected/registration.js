Object.defineProperty(expOfItself, Symbol.for("dualts.derivative"), { value: {
        contract: 1,
        name: "expOfItself",
        parameters: ["x"],
        kinds: ["scalar"],
        wrt: [0],
        result: "scalar",
        jvp: expOfItself_jvp,
        chunkJvp: expOfItself_chunkJvp,
        record: expOfItself_record,
        gradient: expOfItself_gradient,
        generic: expOfItself_generic,
    } });
