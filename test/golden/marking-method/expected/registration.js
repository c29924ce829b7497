// Spring.energy: the information object the class's static block registers (differentiable.method)
({
    contract: 1,
    name: "energy",
    parameters: ["x"],
    kinds: ["scalar"],
    wrt: [0],
    result: "scalar",
    jvp: energy_jvp,
    chunkJvp: energy_chunkJvp,
    record: energy_record,
    gradient: energy_gradient,
    generic: energy_generic,
});
