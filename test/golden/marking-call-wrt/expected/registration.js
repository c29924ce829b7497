// scaled: the information object passed to differentiable(…)
({
    contract: 1,
    name: "scaled",
    parameters: ["x", "k"],
    kinds: ["scalar", "scalar"],
    wrt: [0],
    result: "scalar",
    jvp: scaled_jvp,
    chunkJvp: scaled_chunkJvp,
    record: scaled_record,
    gradient: scaled_gradient,
    generic: scaled_generic,
});
