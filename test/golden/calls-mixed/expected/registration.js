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

Object.defineProperty(power, Symbol.for("dualts.derivative"), { value: {
        contract: 1,
        name: "power",
        parameters: ["x", "n"],
        kinds: ["scalar", "scalar"],
        wrt: [0],
        result: "scalar",
        jvp: power_jvp,
        chunkJvp: power_chunkJvp,
        record: power_record,
        generic: power_generic,
    } });

Object.defineProperty(model, Symbol.for("dualts.derivative"), { value: {
        contract: 1,
        name: "model",
        parameters: ["w", "x"],
        kinds: ["scalar", "scalar"],
        wrt: [0, 1],
        result: "scalar",
        jvp: model_jvp,
        record: model_record,
        generic: model_generic,
    } });
