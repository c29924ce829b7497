// The Hessian of a scalar function along one direction, H·v, in one pass:
// hvp's product, and each column of hessian (v a unit vector there).
//
// Forward over reverse: every selected slot is a tape variable perturbed
// along v (a Dual of a fresh tag whose primal is the variable and whose
// tangent is vₖ); one run of f gives the directional derivative ∇f·v as a
// tape variable, and one backward sweep from it gives ∇(∇f·v) = H·v.
// Forward over forward, where reverse mode does not run (inside another
// derivative, in NaN-safe mode): the gradient in forward mode at the point
// perturbed along v by an outer tag, whose tangents are H·v.

import type { Real } from "../dual.js";
import { adjoints, forwardRun, forwardSeed, onReleasedTape, valueOf } from "./engines.js";
import { scalarResult, split } from "./results.js";
import type { Selection } from "./selection.js";
import { flatGradient } from "./derivatives.js";

/** f's value and H·direction, one entry per selected slot. */
export interface HessianProduct {
  readonly value: unknown;
  readonly product: Real[];
}

/**
 * H·direction of g (f as a function over Reals) at the selection's point: forward over reverse
 * (`reverse`: one run on a tape, one sweep), else forward over forward (one forward gradient).
 * `hint` ends the message for a result that is not a number.
 */
export function hessianAlong(g: (...args: unknown[]) => unknown, sel: Selection, direction: readonly Real[], reverse: boolean, hint?: string): HessianProduct {
  if (reverse) {
    return onReleasedTape(sel, (run) => {
      const { result, tag } = forwardRun(g, sel, direction, run.inputs);
      const [primalPart, tangent] = split(scalarResult(sel, result, hint), tag);
      return { value: valueOf(primalPart as Real), product: adjoints(run, tangent as Real) };
    });
  }
  // The gradient with the point perturbed along direction by a fresh outer tag: its tangents are H·direction.
  const { args, tag } = forwardSeed(sel, direction);
  const inner = flatGradient(g, sel.over(args), "forward");
  return { value: split(inner.value, tag)[0], product: inner.gradient.map((entry) => split(entry, tag)[1] as Real) };
}
