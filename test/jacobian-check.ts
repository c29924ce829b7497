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

import { transformSource } from "../dist/transformer/index.js";
import { centralDifference, jacobian } from "../src/index.js";
import { LARGEST_VALUE, load, plainJavaScript, probe, ProgramFailure, show } from "./program-check.js";

type VectorFunction = (...args: number[]) => number[];

const F_HEADER = "export function f(a: number, b: number, c: number): number {";

/** The program with f returning [e, Math.sin(e) * a] wherever it returned e. */
export function vectorResult(source: string): string {
  const start = source.indexOf(F_HEADER);
  const end = source.indexOf("\n}\n", start);
  const body = source.slice(start + F_HEADER.length, end).replace(/\breturn (.+);$/gm, "return [$1, Math.sin($1) * a];");
  return `${source.slice(0, start)}${F_HEADER.replace("): number {", "): number[] {")}${body}${source.slice(end)}`;
}

export interface JacobianTally {
  points: number;
  skippedPoints: number;
  columns: number;
  skippedColumns: number;
}

export const jacobianTally = (): JacobianTally => ({ points: 0, skippedPoints: 0, columns: 0, skippedColumns: 0 });

/** Compares the Jacobians of the vector program at each point; throws ProgramFailure on the first disagreement. */
export async function checkJacobians(scalarSource: string, probeSource: string, points: readonly number[][], wrt: readonly number[], counts = jacobianTally()): Promise<JacobianTally> {
  const source = vectorResult(scalarSource);
  const fail = (detail: string): never => {
    throw new ProgramFailure("jacobian", source, detail);
  };
  const result = transformSource(source, { fileName: "prog.ts" });
  if (result.diagnostics.length > 0) {
    throw new ProgramFailure("diagnostic", source, result.diagnostics.map((d) => `prog.ts:${d.line}:${d.column} ${d.code} ${d.message}`).join("\n"));
  }
  const f = (await load(result.code)).f as unknown as VectorFunction;
  const plain = (await load(plainJavaScript(source))).f as unknown as VectorFunction;
  const run = probe(probeSource);

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
      return fail(`jacobian(f) threw ${at}: ${(error as Error).stack}\n--- transformed ---\n${result.code}`);
    }
    const sameAs = (m: number[][]) => m.every((row, k) => row.every((v, j) => Object.is(v, chosen[k][j])));
    if (!sameAs(forward) && !sameAs(reverse)) fail(`jacobian(f) gives ${JSON.stringify(chosen)}, neither mode's ${JSON.stringify([forward, reverse])} ${at}`);
    forward.forEach((row, k) => row.forEach((v, j) => {
      if (!(Math.abs(v - reverse[k][j]) <= 1e-10 * Math.max(1, Math.abs(v)))) {
        fail(`J[${k}][${j}] ${at}: forward ${show(v)}, reverse ${show(reverse[k][j])}\n--- transformed ---\n${result.code}`);
      }
    }));
    wrt.forEach((input, j) => {
      counts.columns++;
      let samePath = true;
      const along = (k: number) => (t: number) => {
        const shifted = x.map((xi, m) => (m === input ? xi + t : xi));
        if (run(shifted).path !== centre.path) samePath = false;
        return plain(...shifted)[k];
      };
      const differences = [0, 1].map((k) => centralDifference(along(k), 0));
      if (!samePath || differences.some((d) => !(d.error <= 0.1 * Math.max(1e-6, Math.abs(d.derivative))))) {
        counts.skippedColumns++;
        return;
      }
      differences.forEach((d, k) => {
        const v = forward[k][j];
        if (!(Math.abs(v - d.derivative) <= Math.max(100 * d.error, 1e-6 * Math.max(1, Math.abs(v))))) {
          fail(`J[${k}][${j}] ${at}: automatic ${show(v)}, finite differences ${show(d.derivative)} ± ${d.error.toExponential(1)}\n--- transformed ---\n${result.code}`);
        }
      });
    });
  }
  return counts;
}
