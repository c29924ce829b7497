// Vector functions of an array, for jacobian's choice of mode: plain TypeScript, compiled.

/**
 * m outputs of n inputs, each reading two of them: output j is sin(v[j mod n]) · v[(j + 1) mod n] + j.
 * @differentiable wrt(v)
 */
export function outputs(v: number[], m: number): number[] {
  const out: number[] = [];
  for (let j = 0; j < m; j++) out.push(Math.sin(v[j % v.length]) * v[(j + 1) % v.length] + j);
  return out;
}
