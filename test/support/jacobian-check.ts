// Jacobians of a generated program (program-generator.ts) made to return a
// vector: every `return e;` of f becomes `return [e, Math.sin(e) * a];`
// (vectorResult), so each early return, loop and branch now ends in an array.
// Held against each other and against finite differences:
//
//   jacobian(f, { mode: "forward" })   the generated chunk-mode JVP
//   jacobian(f, { mode: "reverse" })   the generated record form, one sweep
//                                      per output
//   jacobian(f)                        as it chooses (it counts the outputs)
//   finite differences                 of the untransformed program's outputs
//
// Forward and reverse agree to 1e-10 relative, and jacobian(f) gives one of
// them exactly; each entry agrees with finite differences within 100 times
// their error estimate (or 1e-6 relative), skipping, as program-check.ts
// does, a column whose difference quotients crossed a branch or kink (the
// probe of the scalar program tells) and a point where values grow past
// LARGEST_VALUE or are not finite.

import { jacobian } from "../../src/index.js";
import { ProgramFailure, show } from "./program-check.js";
import { LARGEST_VALUE, probe } from "./program-run.js";
import { columnDisagrees, columnTally, compileBoth, type ColumnTally } from "./column-check.js";
import { splitMain } from "./program-printer.js";

type VectorFunction = (...args: number[]) => number[];

/**
 * The program with f returning [e, Math.sin(e) * a] wherever it returned e; every second return
 * instead chooses, by the sign of b, between that array and a constant one, which carries no
 * derivative (the check adds the sign of b to the path through the branches).
 */
export function vectorResult(source: string): string {
  const { before, header, body, after } = splitMain(source)!;
  let returns = 0;
  const vectorBody = body.replace(/\breturn (.+);$/gm, (_, e: string) => (returns++ % 2 === 0 ? `return [${e}, Math.sin(${e}) * a];` : `return b > 0 ? [${e}, Math.sin(${e}) * a] : [0.5, -1];`));
  return `${before}${header.replace("): number {", "): number[] {")}${vectorBody}\n}${after}`;
}

/** Compares the Jacobians of the vector program at each point; throws ProgramFailure on the first disagreement. */
export async function checkJacobians(scalarSource: string, probeSource: string, points: readonly number[][], wrt: readonly number[], counts = columnTally()): Promise<ColumnTally> {
  const source = vectorResult(scalarSource);
  const fail = (detail: string): never => {
    throw new ProgramFailure("jacobian", source, detail);
  };
  const { code, f, plain } = await compileBoth<VectorFunction>(source);
  const probeRun = probe(probeSource);
  // The scalar program's path, and which way vectorResult's added condition went.
  const run = (p: number[]) => {
    const r = probeRun(p);
    return { ...r, path: `${r.path}|${p[1] > 0 ? 1 : 0}` };
  };

  for (const x of points) {
    counts.points++;
    const at = `at (${x.map(show).join(", ")})`;
    const centre = run(x);
    if (!plain(...x).every(Number.isFinite) || centre.largest > LARGEST_VALUE) {
      counts.skippedPoints++;
      continue;
    }
    let forward: number[][];
    let reverse: number[][];
    let chosen: number[][];
    try {
      forward = jacobian(f, { mode: "forward" })(...x);
      reverse = jacobian(f, { mode: "reverse" })(...x);
      chosen = jacobian(f)(...x);
    } catch (error) {
      return fail(`jacobian(f) threw ${at}: ${(error as Error).stack}\n--- transformed ---\n${code}`);
    }
    const sameAs = (m: number[][]) => m.every((row, k) => row.every((v, j) => Object.is(v, chosen[k][j])));
    if (!sameAs(forward) && !sameAs(reverse)) fail(`jacobian(f) gives ${JSON.stringify(chosen)}, neither mode's ${JSON.stringify([forward, reverse])} ${at}`);
    forward.forEach((row, k) =>
      row.forEach((v, j) => {
        if (!(Math.abs(v - reverse[k][j]) <= 1e-10 * Math.max(1, Math.abs(v)))) {
          fail(`J[${k}][${j}] ${at}: forward ${show(v)}, reverse ${show(reverse[k][j])}\n--- transformed ---\n${code}`);
        }
      }),
    );
    wrt.forEach((input, j) => {
      const column = { x, input, automatic: forward.map((row) => row[j]), outputs: (p: number[]) => plain(...p), path: (p: number[]) => run(p).path, centre: centre.path };
      const wrong = columnDisagrees(column, counts);
      if (wrong) fail(`J[${wrong[0]}][${j}] ${at}: automatic ${show(wrong[1])}, finite differences ${wrong[2]}\n--- transformed ---\n${code}`);
    });
  }
  return counts;
}
