// The matrix derivatives: jacobian and hessian. Like derivatives.ts's
// functions, each checks f and its options at its boundary, selects its
// inputs and takes routes.ts's route once per plan (plan.ts), runs an
// engine and reads the results; the forward routes go through poison.ts's
// rule.
//
// Matrices have one column per selected scalar input, in order: parameters
// in `wrt` order, array parameters element by element.

import type { Real } from "../dual.js";
import { primal } from "../ops.js";
import { derivativeInfo, type DerivativeInfo } from "../registry.js";
import { adjoints, dualLanePasses, forwardPass, onReleasedTape, runnable, unit } from "./engines.js";
import { hessianAlong } from "./hessian-along.js";
import { chunkedPasses, generatedUnitPasses, tryRecordedRows } from "./generated.js";
import { asColumn, fromColumns, nanRowWhereValueIs, outputCount, vectorResult } from "./results.js";
import { select, type Selection, type WrtOptions } from "./selection.js";
import { checkDerivativeOptions, checkFunction, explainedOverflow, withinStack } from "./boundary.js";
import { checkedUnitPasses, nanSafely, poisoned } from "./poison.js";
import { callFacts, checkMode, factsOf, forwardLanes, hessianByReverse, jacobianByReverse, reverseRoute, type Mode } from "./routes.js";
import { onPlan, optionsKey, plansOf, type SelectionPlan } from "./plan.js";
import { DERIVATIVE_OPTIONS, type AnyFunction, type DerivativeOptions, type Matrix } from "./derivatives.js";
import type { MatrixFunction } from "./types.js";

/** hessian's options: wrt, and mode (its passes are one tangent each, so it takes no chunk). */
export interface HessianOptions extends WrtOptions {
  /** "reverse" (the default): forward over reverse, n passes; "forward": forward over forward, n² passes. */
  readonly mode?: Mode;
}

/** The Jacobian's forward passes, one per selected slot: chunk mode as for grad, else the generated JVP where it can run, else Duals. */
function forwardColumns(f: AnyFunction, info: DerivativeInfo | undefined, sel: Selection, lanes: number): { value: unknown; tangents: unknown[] } {
  const n = sel.values.length;
  if (lanes > 1) return info?.chunkJvp ? chunkedPasses(info, sel, lanes) : dualLanePasses(f, sel, lanes);
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
 * The Jacobian of a function that returns a number or an array of numbers (or a Float64Array).
 *
 * @param f compiled by the transform or written over dualts' operations
 * @param options `wrt`: the parameters to differentiate, by index or name, or a list of them
 *   (default: every argument that is a number, an array of numbers or a Float64Array);
 *   `mode`: "forward" or "reverse"; `chunk`: tangents per forward pass
 * @returns a function of f's arguments giving the m × n matrix as a number[][]: row i is output
 *   i's gradient, its columns the selected input scalars in order (parameters in `wrt` order,
 *   arrays element by element); a number result is one row
 * @example
 *   jacobian((r: Real, t: Real) => [mul(r, cos(t)), mul(r, sin(t))])(1, 0)   // [[1, 0], [0, 1]]
 */
export function jacobian<F extends AnyFunction>(f: F, options?: DerivativeOptions): MatrixFunction<F> {
  checkFunction("jacobian", f);
  const checked = checkDerivativeOptions("jacobian", f, options, DERIVATIVE_OPTIONS);
  const plans = plansOf<SelectionPlan<MatrixRoute>>(f, optionsKey("jacobian", checked));
  return ((...args: unknown[]) => {
    try {
      return onPlan(
        plans,
        args,
        (first) => jacobianRoute(f, checked, select("jacobian", f, first, checked)),
        (sel, route) => jacobianBy(f, sel, route),
      );
    } catch (error) {
      throw explainedOverflow("jacobian", f, args, error);
    }
  }) as MatrixFunction<F>;
}

type MatrixRoute = { readonly reverse: true } | { readonly reverse: false; readonly lanes: number };

/** jacobian's route for a selection: reverse mode where routes.ts's jacobianByReverse says so (the outputs counted by one run on plain numbers: a compiled function's own code, its arguments as it takes them; else the primal), else forward mode's lanes. */
function jacobianRoute(f: AnyFunction, checked: DerivativeOptions, sel: Selection): { sel: Selection; route: MatrixRoute } {
  const info = derivativeInfo(f);
  const facts = factsOf(info);
  const call = callFacts(sel);
  const outputs = () => outputCount(sel, info ? f(...sel.spread(sel.args)) : runnable(f, sel)(...sel.args));
  if (jacobianByReverse(facts, call, checkMode(sel, checked.mode), checked.chunk, outputs)) return { sel, route: { reverse: true } };
  return { sel, route: { reverse: false, lanes: forwardLanes(facts, call, checked.chunk) } };
}

/** jacobian by its route, inside its boundary. */
function jacobianBy(f: AnyFunction, sel: Selection, route: MatrixRoute): Matrix {
  const info = derivativeInfo(f);
  if (route.reverse) return reverseRows(f, info, sel);
  if (sel.values.length === 0) return fromColumns([], vectorResult(sel, runnable(f, sel)(...sel.args)).length) as Matrix;
  const { value, tangents } = checkedUnitPasses(f, sel, forwardColumns(f, info, sel, route.lanes));
  const rows = vectorResult(sel, value).length;
  return fromColumns(tangents.map(asColumn), rows) as Matrix;
}

/** The Jacobian by reverse mode: one run on a tape — the record form's, or the runtime's — and one sweep per output. */
function reverseRows(f: AnyFunction, info: DerivativeInfo | undefined, sel: Selection): Matrix {
  const recorded = reverseRoute(factsOf(info), sel) === "record" ? tryRecordedRows(info!, sel) : undefined;
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
 * The Hessian of a function that returns one number: its second derivatives over the selected input
 * scalars. mode "reverse" (the default, as JAX's hessian): forward over reverse, one tape and one
 * sweep per column, n passes; "forward": forward over forward, nested Duals, n² passes — and the
 * default inside another derivative or in NaN-safe mode, where reverse mode does not run. Where an
 * entry is NaN while f's value is not, the same passes run again NaN-safely.
 *
 * @param f compiled by the transform or written over dualts' operations
 * @param options `wrt`, as for grad; `mode`
 * @returns a function of f's arguments giving the n × n matrix as a number[][], its rows and
 *   columns the selected input scalars in order, as jacobian's columns
 * @example
 *   hessian((x: Real, y: Real) => mul(mul(x, x), y))(1, 2)   // [[4, 2], [2, 0]]
 */
export function hessian<F extends AnyFunction>(f: F, options?: HessianOptions): MatrixFunction<F> {
  checkFunction("hessian", f);
  const checked = checkDerivativeOptions("hessian", f, options, ["wrt", "mode"]);
  const plans = plansOf<SelectionPlan<MatrixRoute>>(f, optionsKey("hessian", checked));
  const choose = (args: readonly unknown[]) => {
    const sel = select("hessian", f, args, checked);
    return { sel, route: { reverse: hessianByReverse(callFacts(sel), checkMode(sel, checked.mode)), lanes: 1 } as MatrixRoute };
  };
  return ((...args: unknown[]) =>
    withinStack("hessian", f, args, () =>
      onPlan(plans, args, choose, (sel, { reverse }) => {
        const { value, rows } = hessianRows(runnable(f, sel), sel, reverse);
        const checked = poisoned(value, rows) ? nanSafely(() => hessianRows(runnable(f, sel), sel, reverse)).rows : rows;
        // As everywhere: where f's value is NaN, so is every entry.
        return checked.map((row) => nanRowWhereValueIs(value, row)) as Matrix;
      }),
    )) as MatrixFunction<F>;
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
