// What hessian-check.ts and jacobian-check.ts share: the program transformed
// and loaded next to its untransformed compile, a tally of the points and the
// columns each compared, and the comparison of a column (one input's
// derivatives of every output) with finite differences, unless they crossed
// a branch.

import { transformSource } from "../../dist/transformer/index.js";
import { centralDifference } from "../../src/index.js";
import { ProgramFailure, show } from "./program-check.js";
import { load, plainJavaScript } from "./program-run.js";

export interface ColumnTally {
  points: number;
  skippedPoints: number;
  columns: number;
  skippedColumns: number;
}

export const columnTally = (): ColumnTally => ({ points: 0, skippedPoints: 0, columns: 0, skippedColumns: 0 });

/** The transformed program's code and f, and the untransformed f; a diagnostic is a ProgramFailure. */
export async function compileBoth<F>(source: string): Promise<{ code: string; f: F; plain: F }> {
  const result = transformSource(source, { fileName: "prog.ts" });
  if (result.diagnostics.length > 0) {
    throw new ProgramFailure("diagnostic", source, result.diagnostics.map((d) => `prog.ts:${d.line}:${d.column} ${d.code} ${d.message}`).join("\n"));
  }
  const f = (await load(result.code)).f as unknown as F;
  const plain = (await load(plainJavaScript(source))).f as unknown as F;
  return { code: result.code, f, plain };
}

export interface Column {
  /** The point, and the input whose column is compared. */
  readonly x: readonly number[];
  readonly input: number;
  /** The column's automatic entries, one per output. */
  readonly automatic: readonly number[];
  /** The outputs at a point, whose central differences along the input the entries must match. */
  readonly outputs: (x: number[]) => readonly number[];
  /** The path through the branches at a point (the probe's), and the centre's. */
  readonly path: (x: number[]) => string;
  readonly centre: string;
  /** The first step of the differences (default: centralDifference's). */
  readonly step?: number;
}

/**
 * One column against central differences of the outputs along its input: each entry within 100 times
 * their error estimate (or 1e-6 relative). A column is skipped (counted) where an evaluation took
 * another path through the branches than the centre, or an estimate's own error is over a tenth of it.
 * As in program-check.ts, the differences are taken again from steps a hundred and ten thousand times
 * smaller where they disagree: a function that changes on a scale below the first step (sin of a
 * large power) is smooth, but the Ridders tableau at the larger steps averages over its oscillations.
 * Returns the first disagreement as [output, automatic, differences], or undefined.
 */
export function columnDisagrees(column: Column, counts: ColumnTally): [number, number, string] | undefined {
  const { x, input, automatic } = column;
  counts.columns++;
  const first = column.step ?? 0.01; // centralDifference's default at 0, where the differences are taken
  let judged: [number, number, string] | undefined;
  for (const step of [first, first * 1e-2, first * 1e-4]) {
    let samePath = true;
    const along = (k: number) => (t: number) => {
      const shifted = x.map((xi, m) => (m === input ? xi + t : xi));
      if (column.path(shifted) !== column.centre) samePath = false;
      return column.outputs(shifted)[k];
    };
    const differences = automatic.map((_, k) => centralDifference(along(k), 0, { step }));
    if (!samePath || differences.some((d) => !(d.error <= 0.1 * Math.max(1e-6, Math.abs(d.derivative))))) continue;
    const k = differences.findIndex((d, k) => !(Math.abs(automatic[k] - d.derivative) <= Math.max(100 * d.error, 1e-6 * Math.max(1, Math.abs(automatic[k])))));
    if (k < 0) return undefined;
    judged ??= [k, automatic[k], `${show(differences[k].derivative)} ± ${differences[k].error.toExponential(1)} (first step ${step})`];
  }
  if (!judged) counts.skippedColumns++;
  return judged;
}
