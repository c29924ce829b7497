Object.defineProperty(horner, Symbol.for("dualts.derivative"), { value: {
        contract: 1,
        name: "horner",
        parameters: ["x"],
        kinds: ["scalar"],
        wrt: [0],
        result: "scalar",
        jvp: horner_jvp,
        chunkJvp: horner_chunkJvp,
        record: horner_record,
        gradient: horner_gradient,
        generic: horner_generic,
    } });
