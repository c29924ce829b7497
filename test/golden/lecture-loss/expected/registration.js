Object.defineProperty(loss, Symbol.for("dualts.derivative"), { value: {
        contract: 1,
        name: "loss",
        parameters: ["w0", "w1", "xs", "ys"],
        kinds: ["scalar", "scalar", "array", "array"],
        wrt: [0, 1],
        result: "scalar",
        jvp: loss_jvp,
        chunkJvp: loss_chunkJvp,
        record: loss_record,
        gradient: loss_gradient,
        recordGradient: loss_recordGradient,
        generic: loss_generic,
    } });
