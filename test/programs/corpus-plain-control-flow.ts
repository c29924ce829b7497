// Every kind of control flow over a vector, compiled by the transform.
// In a module of its own because today the generic form the transform emits for
// `for (const v of x)` over a differentiated array rewrites the loop variable to
// `ops.primal(v)`, which is not valid JavaScript, and that fails the module.

/**
 * Every kind of control flow over a vector: an early return, for…of with
 * continue, while with break, do…while around a switch, and a return from
 * inside a loop.
 *
 * @differentiable
 */
export function controlFlow(x: number[]): number {
  if (x.length === 0) return 0;
  let total = 0;
  for (const v of x) {
    if (v < -1.5) continue;
    total += v * v;
  }
  let i = 0;
  while (i < x.length) {
    if (x[i] > 1.9) break;
    total += Math.sin(x[i]);
    i++;
  }
  let k = 0;
  do {
    switch (k % 3) {
      case 0:
        total += 2 * x[k];
        break;
      case 1:
        total -= (x[k] * x[k] * x[k]) / 3;
        break;
      default:
        total *= 1 + 0.1 * x[k];
    }
    k++;
  } while (k < x.length);
  for (let j = 0; j < x.length; j++) {
    if (x[j] > 1.95) return total * x[j];
  }
  return total;
}
