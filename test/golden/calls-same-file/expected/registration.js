Object.defineProperty(sigmoid, Symbol.for("dualts.derivative"), { value: {
        contract: 1,
        name: "sigmoid",
        parameters: ["z"],
        kinds: ["scalar"],
        wrt: [0],
        result: "scalar",
        jvp: sigmoid_jvp,
        chunkJvp: sigmoid_chunkJvp,
        record: sigmoid_record,
        gradient: sigmoid_gradient,
        generic: sigmoid_generic,
    } });

Object.defineProperty(logistic, Symbol.for("dualts.derivative"), { value: {
        contract: 1,
        name: "logistic",
        parameters: ["w", "x"],
        kinds: ["scalar", "scalar"],
        wrt: [0, 1],
        result: "scalar",
        jvp: logistic_jvp,
        chunkJvp: logistic_chunkJvp,
        record: logistic_record,
        generic: logistic_generic,
    } });
