Object.defineProperty(sumOfSquares, Symbol.for("dualts.derivative"), { value: {
        contract: 1,
        name: "sumOfSquares",
        parameters: ["v"],
        kinds: ["array"],
        wrt: [0],
        result: "scalar",
        jvp: sumOfSquares_jvp,
        chunkJvp: sumOfSquares_chunkJvp,
        record: sumOfSquares_record,
        generic: sumOfSquares_generic,
    } });
