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
