// The products of a derivative with a vector that grad, jacobian and hessian
// do not give on their own: vjp (JAX's: f's value and a pullback that maps a
// cotangent of the result to cotangents of the inputs, by reverse mode) and
// hvp (the Hessian-vector product H·v of a scalar function, forward over
// reverse, in one pass). Like derivatives.ts's functions, each checks f and
// its options at its boundary (boundary.ts), selects its inputs
// (selection.ts), checks its vector (cotangents.ts, tangents.ts) and hands
// the work to an engine (recording.ts, hessian-along.ts): no derivative
// arithmetic happens here.
//
// Both take the point as an array, as jvp(f, args, tangents, options) does:
// the options can then follow it, and a product is of one point with one
// vector (vjp's pullback carries the point; hvp's vector is jvp's tangents).

import { checkDerivativeOptions, checkFunction, explainedOverflow } from "./boundary.js";
import { flatCotangent } from "./cotangents.js";
import type { AnyFunction, Gradient } from "./derivatives.js";
import { runnable } from "./engines.js";
import { nanRowWhereValueIs } from "./results.js";
import { hessianAlong } from "./hessian-along.js";
import { nanSafely, poisoned } from "./poison.js";
import { record } from "./recording.js";
import { callFacts, hessianByReverse } from "./routes.js";
import { select, type Wrt, type WrtOptions } from "./selection.js";
import type { GradientOf, TangentsOf, WithWrtOption } from "./types.js";
import { flatTangents } from "./tangents.js";

/** A cotangent of a function's result: a number for a number result, an array of as many numbers for an array result. */
export type Cotangent = number | readonly number[] | Float64Array;

/**
 * vjp's pullback: a cotangent of f's result → the cotangents of the selected parameters, shaped like
 * grad's result (one parameter → its shape; several → one entry each). One backward sweep per call.
 */
export type Pullback = (cotangent: Cotangent) => Gradient;

/**
 * The value of f at `args` and its pullback (JAX's vjp): the function that maps a cotangent ct of
 * f's result to ct·J, J being f's Jacobian with respect to the selected parameters. For a function
 * that returns a number, the pullback of 1 is the gradient.
 *
 * f runs once, in reverse mode, recording onto a tape: a compiled function's generated record form
 * where it has one, else the runtime's tape (f over dualts' operations, or a compiled function's
 * generic form). Each call of the pullback is one backward sweep seeded with its cotangent; f does
 * not run again. The pullback holds the tape: it can be called any number of times, with different
 * cotangents, and the tape is garbage-collected with it. vjp runs reverse mode, so it does not run
 * inside another derivative's variables (use jvp or grad there).
 *
 * @param f a function of numbers, arrays of numbers or Float64Arrays that returns a number or an array of numbers
 * @param args f's arguments, as an array
 * @param options `wrt`: the parameters to differentiate, by index or name (default: every argument that is a number, an array of numbers or a Float64Array)
 * @returns `[value, pullback]`: f's value (a number, or a `number[]`), and the pullback, which takes
 *   a number for a number result or an array of the result's length for an array result, and returns
 *   one entry per selected parameter shaped like it (one parameter → its shape alone)
 * @example
 *   const [value, pullback] = vjp((x: Real, y: Real) => [mul(x, y), add(x, y)], [2, 3]);
 *   value;             // [6, 5]
 *   pullback([1, 0]);  // [3, 2]: the first row of the Jacobian
 *   pullback([1, 10]); // [13, 12]
 */
export function vjp<F extends AnyFunction, A extends Parameters<F>, const W extends Wrt | undefined = undefined>(
  f: F,
  args: [...A],
  options?: WithWrtOption<WrtOptions, W>,
): [ReturnType<F> extends readonly unknown[] | Float64Array ? number[] : number, (cotangent: Cotangent) => GradientOf<F, A, W>];
export function vjp<F extends AnyFunction>(f: F, args: Parameters<F>, options?: WrtOptions): [number | number[], Pullback] {
  checkFunction("vjp", f);
  const checked = checkDerivativeOptions("vjp", f, options, ["wrt"]);
  try {
    const sel = select("vjp", f, args, checked);
    const recording = record(f, sel);
    const caller = `${sel.caller} pullback`;
    const pullback = (...given: unknown[]): Gradient => {
      if (given.length !== 1) throw new RangeError(`${caller}: the pullback takes one cotangent, shaped like ${sel.signature.name}'s result, but ${given.length} arguments were given`);
      const seeds = flatCotangent(caller, sel.signature.name, given[0], recording.outputs);
      return sel.shape(recording.pull(seeds)) as Gradient;
    };
    return [recording.value as number | number[], pullback];
  } catch (error) {
    throw explainedOverflow("vjp", f, args, error);
  }
}

/** How hvp's message ends for a function that does not return a number. */
const SCALAR_ONLY = "hvp is the Hessian-vector product of a function that returns a number";

/**
 * The Hessian-vector product H(args)·v of a scalar function: the derivative of its gradient along v,
 * without forming the Hessian (JAX's hvp, as jvp of grad).
 *
 * One pass, forward over reverse: the selected inputs are tape variables perturbed along v, f runs
 * once and one backward sweep from its directional derivative ∇f·v gives H·v — the cost of one
 * column of hessian(f), whatever the number of inputs. Inside another derivative and in NaN-safe
 * mode, where reverse mode does not run, it is forward over forward: one forward-mode gradient.
 *
 * @param f a function of numbers, arrays of numbers or Float64Arrays that returns a number
 * @param args f's arguments, as an array
 * @param v the direction, as jvp's tangents: one entry per selected parameter, shaped like it (a number, or an array of as many numbers)
 * @param options `wrt`: the parameters to differentiate, by index or name (default: every argument that is a number, an array of numbers or a Float64Array)
 * @returns H·v shaped like grad's result: one selected parameter → its shape (a number, or a `number[]`); several → one entry each
 * @example
 *   hvp((x: Real, y: Real) => mul(mul(x, x), y), [1, 2], [1, 0]);   // [4, 2]: the Hessian's first column
 *   hvp((v: Real[]) => mul(mul(v[0], v[0]), v[1]), [[1, 2]], [[0, 1]]); // [2, 0]
 */
export function hvp<F extends AnyFunction, A extends Parameters<F>, const W extends Wrt | undefined = undefined>(
  f: F,
  args: [...A],
  v: TangentsOf<F, A, W>,
  options?: WithWrtOption<WrtOptions, W>,
): GradientOf<F, A, W>;
export function hvp<F extends AnyFunction>(f: F, args: Parameters<F>, v: readonly (number | ArrayLike<number>)[], options?: WrtOptions): Gradient {
  checkFunction("hvp", f);
  const checked = checkDerivativeOptions("hvp", f, options, ["wrt"]);
  try {
    const sel = select("hvp", f, args, checked);
    const direction = flatTangents(sel, v, {
      list: "v",
      entry: "entry of v",
      unit: "entry",
      count: (n) => `v to have ${n} entr${n === 1 ? "y" : "ies"}`,
      finite: "v's entries must be finite numbers",
    });
    const g = runnable(f, sel);
    const reverse = hessianByReverse(callFacts(sel), undefined);
    const along = () => hessianAlong(g, sel, direction, reverse, SCALAR_ONLY);
    const { value, product } = along();
    // As hessian's: where an entry is NaN while f's value is not, the pass runs again NaN-safely (poison.ts).
    // And as everywhere: where f's value is NaN, so is every entry.
    return sel.shape(nanRowWhereValueIs(value, poisoned(value, product) ? nanSafely(along).product : product)) as Gradient;
  } catch (error) {
    throw explainedOverflow("hvp", f, args, error);
  }
}
