Object.defineProperty(partialPowers, Symbol.for("dualts.derivative"), { value: {
        contract: 1,
        name: "partialPowers",
        parameters: ["x", "n"],
        kinds: ["scalar", "scalar"],
        wrt: [0],
        result: "scalar",
        jvp: partialPowers_jvp,
        chunkJvp: partialPowers_chunkJvp,
        record: partialPowers_record,
        gradient: partialPowers_gradient,
        generic: partialPowers_generic,
    } });
