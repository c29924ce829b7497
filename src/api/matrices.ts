// The matrix derivatives: jacobian and hessian. Like derivatives.ts's
// functions, each checks f and its options at its boundary, selects its
// inputs, runs an engine and reads the results; the forward routes go
// through poison.ts's rule.
//
// Matrices have one column per selected scalar input, in order: parameters
// in `wrt` order, array parameters element by element.

import type { Real } from "../dual.js";
import { primal } from "../ops.js";
import { derivativeInfo, type DerivativeInfo } from "../registry.js";
import { adjoints, chunkSize, dualLanePasses, forwardPass, onReleasedTape, runnable, unit } from "./engines.js";
import { hessianAlong } from "./hessian-along.js";
import { canRecord, chunkedPasses, generatedUnitPasses, tryRecordedRows } from "./generated.js";
import { asColumn, fromColumns, nanRowWhereValueIs, outputCount, vectorResult } from "./results.js";
import { select, type Selection, type WrtOptions } from "./selection.js";
import { checkDerivativeOptions, checkFunction, explainedOverflow, withinStack } from "./boundary.js";
import { checkedUnitPasses, nanSafely, poisoned } from "./poison.js";
import { checkMode, hessianByReverse, jacobianByReverse, RUNTIME_LANES_FROM, type Mode } from "./routes.js";
import { DERIVATIVE_OPTIONS, type AnyFunction, type DerivativeOptions, type Matrix } from "./derivatives.js";

/** hessian's options: wrt, and mode (its passes are one tangent each, so it takes no chunk). */
export interface HessianOptions extends WrtOptions {
  /** "reverse" (the default): forward over reverse, n passes; "forward": forward over forward, n² passes. */
  readonly mode?: Mode;
}

/** The Jacobian's forward passes, one per selected slot: chunk mode as for grad, else the generated JVP where it can run, else Duals. */
function forwardColumns(f: AnyFunction, info: DerivativeInfo | undefined, sel: Selection, chunk: number | undefined): { value: unknown; tangents: unknown[] } {
  const n = sel.values.length;
  const lanes = chunkSize(n, chunk, sel);
  // Chunk mode as for grad: a compiled function's chunk-mode JVP, or Duals with lanes (from RUNTIME_LANES_FROM inputs, or a chunk given).
  const runtimeLanes = !info && (chunk !== undefined || n >= RUNTIME_LANES_FROM);
  if (sel.plain && lanes > 1 && (info?.chunkJvp || runtimeLanes)) return info?.chunkJvp ? chunkedPasses(info, sel, lanes) : dualLanePasses(f, sel, lanes);
  if (info?.jvp && sel.plain) return generatedUnitPasses(info, sel);
  const tangents = new Array<unknown>(n);
  let value: unknown;
  for (let k = 0; k < n; k++) {
    const pass = forwardPass(f, sel, unit(n, k));
    vectorResult(sel, pass.value);
    if (k === 0) value = pass.value;
    tangents[k] = pass.tangent;
  }
  return { value, tangents };
}

/**
 * The Jacobian of a vector-valued function: rows are outputs, columns the selected input scalars.
 * Reverse mode with mode "reverse", and by default where routes.ts's jacobianByReverse finds few
 * enough outputs; else forward mode, in chunk mode as grad's.
 *   jacobian((r: Real, t: Real) => [mul(r, cos(t)), mul(r, sin(t))])(1, 0)   // [[1, 0], [0, 1]]
 */
export function jacobian<F extends AnyFunction>(f: F, options?: DerivativeOptions): (...args: Parameters<F>) => Matrix {
  checkFunction("jacobian", f);
  const checked = checkDerivativeOptions("jacobian", f, options, DERIVATIVE_OPTIONS);
  return (...args) => {
    try {
      return jacobianAt(f, checked, args);
    } catch (error) {
      throw explainedOverflow("jacobian", f, args, error);
    }
  };
}

/** jacobian(f, checked)(...args), inside its boundary. */
function jacobianAt(f: AnyFunction, checked: DerivativeOptions, args: unknown[]): Matrix {
  const sel = select("jacobian", f, args, checked);
  const info = derivativeInfo(f);
  // The outputs counted by one run on plain numbers: a compiled function's own code (its arguments as it takes them), the primal.
  const outputs = () => outputCount(sel, info ? f(...sel.spread(sel.args)) : runnable(f, sel)(...sel.args));
  if (jacobianByReverse(info, sel, checkMode(sel, checked.mode), checked.chunk, outputs)) return reverseRows(f, info, sel);
  if (sel.values.length === 0) return fromColumns([], vectorResult(sel, runnable(f, sel)(...sel.args)).length) as Matrix;
  const { value, tangents } = checkedUnitPasses(f, sel, forwardColumns(f, info, sel, checked.chunk));
  const rows = vectorResult(sel, value).length;
  return fromColumns(tangents.map(asColumn), rows) as Matrix;
}

/** The Jacobian by reverse mode: one run on a tape — the record form's, or the runtime's — and one sweep per output. */
function reverseRows(f: AnyFunction, info: DerivativeInfo | undefined, sel: Selection): Matrix {
  const recorded = info && canRecord(info) && sel.plain ? tryRecordedRows(info, sel) : undefined;
  if (recorded) {
    vectorResult(sel, recorded.value);
    return recorded.rows;
  }
  return onReleasedTape(sel, (run) => {
    const outputs = vectorResult(sel, runnable(f, sel)(...sel.with(run.inputs)));
    // As on every route: where an output is NaN, so is each of its derivatives.
    return outputs.map((output) => nanRowWhereValueIs(primal(output), adjoints(run, output))) as Matrix;
  });
}

/**
 * The Hessian of a scalar function over the selected input scalars.
 * mode "reverse" (the default, as JAX's hessian): forward over reverse, one
 * tape and one sweep per column, n passes; "forward": forward over forward,
 * nested Duals, n² passes — and the default inside another derivative or in
 * NaN-safe mode, where reverse mode does not run. Both are forward mode on
 * the outside, so poison.ts's rule applies: where an entry is NaN while f's
 * value is not, the same passes run again NaN-safely.
 *   hessian((x: Real, y: Real) => mul(mul(x, x), y))(1, 2)   // [[4, 2], [2, 0]]
 */
export function hessian<F extends AnyFunction>(f: F, options?: HessianOptions): (...args: Parameters<F>) => Matrix {
  checkFunction("hessian", f);
  const checked = checkDerivativeOptions("hessian", f, options, ["wrt", "mode"]);
  return (...args) => withinStack("hessian", f, args, () => {
    const sel = select("hessian", f, args, checked);
    const reverse = hessianByReverse(sel, checkMode(sel, checked.mode));
    const { value, rows } = hessianRows(runnable(f, sel), sel, reverse);
    return (poisoned(value, rows) ? nanSafely(() => hessianRows(runnable(f, sel), sel, reverse)).rows : rows) as Matrix;
  });
}

/** The Hessian's rows, and f's value: row j is H·eⱼ (hessian-along.ts), the Hessian being symmetric. */
function hessianRows(g: (...args: unknown[]) => unknown, sel: Selection, reverse: boolean): { value: unknown; rows: Real[][] } {
  const n = sel.values.length;
  let value: unknown;
  const rows = sel.values.map((_, j) => {
    const column = hessianAlong(g, sel, unit(n, j), reverse);
    if (j === 0) value = column.value;
    return column.product;
  });
  return { value, rows };
}
