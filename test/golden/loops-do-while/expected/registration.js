Object.defineProperty(countDown, Symbol.for("dualts.derivative"), { value: {
        contract: 1,
        name: "countDown",
        parameters: ["x"],
        kinds: ["scalar"],
        wrt: [0],
        result: "scalar",
        jvp: countDown_jvp,
        chunkJvp: countDown_chunkJvp,
        record: countDown_record,
        gradient: countDown_gradient,
        generic: countDown_generic,
    } });
