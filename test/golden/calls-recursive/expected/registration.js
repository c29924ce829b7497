Object.defineProperty(power, Symbol.for("dualts.derivative"), { value: {
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
