// Second derivatives of a generated program (program-generator.ts), held
// against each other and against finite differences of its gradient.
//
//   hessian(f)                          forward over reverse: the generated
//                                       generic form on Duals over the runtime's
//                                       tape variables (the default)
//   hessian(f, { mode: "forward" })     forward over forward: the generic form
//                                       on Duals of Duals
//   finite differences of grad(f)       column j: the central difference of the
//                                       generated chunk-mode gradient along
//                                       input j (itself checked against finite
//                                       differences of the untransformed
//                                       program by program-check.ts)
//
// The two Hessians must agree to 1e-9 relative and be symmetric; each entry
// must agree with finite differences within 100 times their error estimate
// (or 1e-6 relative). As in program-check.ts, the probe of the program tells
// which way its branches went: a column whose difference quotients crossed a
// branch or a kink is not compared with finite differences, nor is a point
// where values grow past LARGEST_VALUE or the value is not finite.

import { grad, hessian } from "../../src/index.js";
import { ProgramFailure, show } from "./program-check.js";
import { LARGEST_VALUE, probe } from "./program-run.js";
import { columnDisagrees, columnTally, compileBoth, type ColumnTally } from "./column-check.js";

type Fn = (...args: number[]) => number;

/** Compares the Hessians of the program at each point; throws ProgramFailure on the first disagreement. */
export async function checkHessians(source: string, probeSource: string, points: readonly number[][], wrt: readonly number[], counts = columnTally()): Promise<ColumnTally> {
  const fail = (detail: string): never => {
    throw new ProgramFailure("hessian", source, detail);
  };
  const { code, f, plain } = await compileBoth<Fn>(source);
  const run = probe(probeSource);
  const gradient = (x: number[]): number[] => {
    const g = grad(f)(...x);
    return typeof g === "number" ? [g] : g;
  };

  for (const x of points) {
    counts.points++;
    const at = `at (${x.map(show).join(", ")})`;
    const centre = run(x);
    if (!Number.isFinite(plain(...x)) || centre.largest > LARGEST_VALUE) {
      counts.skippedPoints++;
      continue;
    }
    let reverse: number[][];
    let forward: number[][];
    try {
      reverse = hessian(f as Fn)(...x);
      forward = hessian(f as Fn, { mode: "forward" })(...x);
    } catch (error) {
      return fail(`hessian(f) threw ${at}: ${(error as Error).stack}\n--- transformed ---\n${code}`);
    }
    const n = wrt.length;
    const close = (p: number, q: number, tolerance: number) => Math.abs(p - q) <= tolerance * Math.max(1, Math.abs(p), Math.abs(q));
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        if (!close(reverse[i][j], forward[i][j], 1e-9))
          fail(`H[${i}][${j}] ${at}: forward over reverse ${show(reverse[i][j])}, forward over forward ${show(forward[i][j])}\n--- transformed ---\n${code}`);
        if (!close(reverse[i][j], reverse[j][i], 1e-9)) fail(`H is not symmetric ${at}: H[${i}][${j}] = ${show(reverse[i][j])}, H[${j}][${i}] = ${show(reverse[j][i])}`);
      }
    }
    // Column j against finite differences of the gradient along input wrt[j], where every evaluation takes the centre's path.
    wrt.forEach((input, j) => {
      const column = { x, input, automatic: reverse.map((row) => row[j]), outputs: gradient, path: (p: number[]) => run(p).path, centre: centre.path, step: 1e-3 * Math.max(1, Math.abs(x[input])) };
      const wrong = columnDisagrees(column, counts);
      if (wrong) fail(`H[${wrong[0]}][${j}] ${at}: automatic ${show(wrong[1])}, finite differences of the gradient ${wrong[2]}\n--- transformed ---\n${code}`);
    });
  }
  return counts;
}
