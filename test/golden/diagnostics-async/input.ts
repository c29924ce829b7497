// An async function cannot be differentiated.

/** @differentiable */
export async function later(x: number): Promise<number> {
  return x;
}
