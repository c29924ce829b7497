Object.defineProperty(polynomial, Symbol.for("dualts.derivative"), { value: {
        contract: 1,
        name: "polynomial",
        parameters: ["w0", "w1", "w2"],
        kinds: ["scalar", "scalar", "scalar"],
        wrt: [0, 1, 2],
        result: "scalar",
        jvp: polynomial_jvp,
        chunkJvp: polynomial_chunkJvp,
        record: polynomial_record,
        gradient: polynomial_gradient,
        generic: polynomial_generic,
    } });
