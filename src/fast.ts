// Fast paths for the runtime's fixed-arity operations (see ops.ts).
//
// Almost every operation a program performs meets one of three cases:
//
//   plain numbers                        → the rule's primal
//   first-order Duals of one tag, and    → a Dual: the primal, and the tangent
//   numbers (primal and tangent numbers)   Σ ∂op/∂argᵢ · tangentᵢ
//   tape variables of one tape, and      → one tape node holding the partials
//   numbers
//
// These paths compute exactly what ops.ts's general `apply` computes — the
// same primal, the same compiled partials of the rules table, the sum taken
// in the same order from 0, NaN derivatives outside a domain, NaN-safe mode —
// without building argument arrays, spreading calls or searching for the
// newest tag. A first-order Dual whose tangent has lanes (chunk mode) gets
// its lanes as lanes.ts's laneTangent computes them. Anything else (nested
// Duals, Duals over tape variables, mixed tags, two tapes) goes to
// `general`, which is ops.ts's apply.

import { Dual, type Real } from "./dual.js";
import { isNanSafe } from "./nansafe.js";
import { compiledPartials } from "./rules/compile.js";
import type { Rule, RuleName } from "./rules/table.js";
import { Var } from "./reverse/tape.js";

type General = (rule: Rule, args: readonly Real[]) => Real;

/** A term ∂op/∂arg · tangent of the sum; skipped for a zero tangent in NaN-safe mode. */
const skip = (tangent: number) => tangent === 0 && isNanSafe();

/** out[k] += partial · tangent's lane k (a number tangent is the same in every lane); zero lanes add nothing. */
function addLanes(out: Float64Array, partial: number, tangent: number | Float64Array): void {
  for (let k = 0; k < out.length; k++) {
    const d = typeof tangent === "number" ? tangent : tangent[k];
    if (d !== 0) out[k] += partial * d;
  }
}

/** A first-order tangent: a number, or lanes of numbers (not a Dual or a tape variable). */
const flat = (d: unknown): d is number | Float64Array => typeof d === "number" || d instanceof Float64Array;

/** The lanes of a chunk-mode tangent: NaN outside the domain, else Σ partial · tangent lane by lane. */
function lanes(count: number, outside: boolean, terms: (out: Float64Array) => void): Float64Array {
  const out = new Float64Array(count);
  if (outside) out.fill(NaN);
  else terms(out);
  return out;
}

/** A one-argument operation: numbers, a first-order Dual, or a tape variable directly; the rest through `general`. */
export function fastUnary(rule: Rule, general: General): (x: Real) => Real {
  const f = rule.primal as (x: number) => number;
  const [partial] = compiledPartials[rule.name as RuleName]!;
  const name = rule.name;
  return (x) => {
    if (typeof x === "number") return f(x);
    if (x instanceof Dual) {
      const v = x.primal;
      const dv = x.tangent;
      if (typeof v === "number" && typeof dv === "number") {
        const z = f(v);
        // Outside the domain (a NaN result from a number), the derivative is NaN too.
        const tangent = z !== z && v === v ? NaN : skip(dv) ? 0 : 0 + partial(v, NaN, z) * dv;
        return new Dual(x.tag, z, tangent);
      }
      if (typeof v === "number" && dv instanceof Float64Array) {
        const z = f(v);
        return new Dual(x.tag, z, lanes(dv.length, z !== z && v === v, (out) => addLanes(out, partial(v, NaN, z), dv)));
      }
    } else {
      const v = x.value;
      const z = f(v);
      return x.tape.record1(name, z, x, z !== z && v === v ? NaN : partial(v, NaN, z));
    }
    return general(rule, [x]);
  };
}

/** A two-argument operation: numbers, first-order Duals of one tag, or variables of one tape directly. */
export function fastBinary(rule: Rule, general: General): (x: Real, y: Real) => Real {
  const f = rule.primal as (x: number, y: number) => number;
  const [px, py] = compiledPartials[rule.name as RuleName]!;
  const name = rule.name;
  const nan = (z: number, u: number, v: number) => z !== z && u === u && v === v;
  return (x, y) => {
    if (typeof x === "number") {
      if (typeof y === "number") return f(x, y);
      if (y instanceof Dual) {
        const v = y.primal;
        const dv = y.tangent;
        if (typeof v === "number" && typeof dv === "number") {
          const z = f(x, v);
          return new Dual(y.tag, z, nan(z, x, v) ? NaN : skip(dv) ? 0 : 0 + py(x, v, z) * dv);
        }
        if (typeof v === "number" && dv instanceof Float64Array) {
          const z = f(x, v);
          return new Dual(y.tag, z, lanes(dv.length, nan(z, x, v), (out) => addLanes(out, py(x, v, z), dv)));
        }
      } else {
        const v = y.value;
        const z = f(x, v);
        const outside = nan(z, x, v);
        return y.tape.record2(name, z, x, y, outside ? NaN : 0, outside ? NaN : py(x, v, z));
      }
    } else if (typeof y === "number") {
      if (x instanceof Dual) {
        const u = x.primal;
        const du = x.tangent;
        if (typeof u === "number" && typeof du === "number") {
          const z = f(u, y);
          return new Dual(x.tag, z, nan(z, u, y) ? NaN : skip(du) ? 0 : 0 + px(u, y, z) * du);
        }
        if (typeof u === "number" && du instanceof Float64Array) {
          const z = f(u, y);
          return new Dual(x.tag, z, lanes(du.length, nan(z, u, y), (out) => addLanes(out, px(u, y, z), du)));
        }
      } else {
        const u = x.value;
        const z = f(u, y);
        const outside = nan(z, u, y);
        return x.tape.record2(name, z, x, y, outside ? NaN : px(u, y, z), outside ? NaN : 0);
      }
    } else if (x instanceof Dual) {
      if (y instanceof Dual && x.tag === y.tag) {
        const u = x.primal;
        const du = x.tangent;
        const v = y.primal;
        const dv = y.tangent;
        if (typeof u === "number" && typeof du === "number" && typeof v === "number" && typeof dv === "number") {
          const z = f(u, v);
          if (nan(z, u, v)) return new Dual(x.tag, z, NaN);
          let sum = 0;
          if (!skip(du)) sum += px(u, v, z) * du;
          if (!skip(dv)) sum += py(u, v, z) * dv;
          return new Dual(x.tag, z, sum);
        }
        const laneCount = du instanceof Float64Array ? du.length : dv instanceof Float64Array ? dv.length : 0;
        if (typeof u === "number" && typeof v === "number" && laneCount > 0 && flat(du) && flat(dv)) {
          const z = f(u, v);
          return new Dual(x.tag, z, lanes(laneCount, nan(z, u, v), (out) => {
            addLanes(out, px(u, v, z), du);
            addLanes(out, py(u, v, z), dv);
          }));
        }
      }
    } else if (y instanceof Var && x.tape === y.tape) {
      const u = x.value;
      const v = y.value;
      const z = f(u, v);
      const outside = nan(z, u, v);
      return x.tape.record2(name, z, x, y, outside ? NaN : px(u, v, z), outside ? NaN : py(u, v, z));
    }
    return general(rule, [x, y]);
  };
}
