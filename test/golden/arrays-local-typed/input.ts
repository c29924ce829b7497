// A local typed array used as scratch space: written, then read back.

/** @differentiable */
export function scratch(x: number, y: number): number {
  const buffer = new Float64Array(2);
  buffer[0] = x * y;
  buffer[1] = buffer[0] + Math.hypot(x, y);
  return buffer[1];
}
