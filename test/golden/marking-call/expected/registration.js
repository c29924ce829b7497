// norm: the information object passed to differentiable(…)
({
    contract: 1,
    name: "norm",
    parameters: ["x", "y"],
    kinds: ["scalar", "scalar"],
    wrt: [0, 1],
    result: "scalar",
    jvp: norm_jvp,
    chunkJvp: norm_chunkJvp,
    record: norm_record,
    gradient: norm_gradient,
    generic: norm_generic,
});
