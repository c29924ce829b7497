Object.defineProperty(predictData, Symbol.for("dualts.derivative"), { value: {
        contract: 1,
        name: "predictData",
        parameters: ["layer", "x"],
        kinds: ["data", "scalar"],
        wrt: [1],
        result: "scalar",
        jvp: predictData_jvp,
        chunkJvp: predictData_chunkJvp,
        record: predictData_record,
        gradient: predictData_gradient,
        generic: predictData_generic,
    } });
