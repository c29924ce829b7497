Object.defineProperty(cube, Symbol.for("dualts.derivative"), { value: {
        contract: 1,
        name: "cube",
        parameters: ["x"],
        kinds: ["scalar"],
        wrt: [0],
        result: "scalar",
        jvp: cube_jvp,
        chunkJvp: cube_chunkJvp,
        record: cube_record,
        gradient: cube_gradient,
        generic: cube_generic,
    } });
