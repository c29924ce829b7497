Object.defineProperty(smooth, Symbol.for("dualts.derivative"), { value: {
        contract: 1,
        name: "smooth",
        parameters: ["w"],
        kinds: ["scalar"],
        wrt: [0],
        result: "scalar",
        jvp: smooth_jvp,
        record: smooth_record,
        generic: smooth_generic,
    } });
