// The fast paths of src/fast.ts return exactly what the general operation
// (ops.ts's apply) returns — bit for bit, NaN and -0 included — for every
// fixed-arity rule, at ordinary points and at the edges of their domains:
// plain numbers, Duals with one tangent and with lanes (chunk mode), tape
// variables, and mixtures with constants, also in NaN-safe mode.

import { describe, expect, test } from "vitest";
import { add, Dual, mul, operations, primal, Tape, Var, type Real } from "../src/index.js";
import { inNanSafeMode } from "./support/helpers.js";
import { apply } from "../src/ops.js";
import { rules, ruleNames, type RuleName } from "../src/rules/table.js";

const points = [0, -0, 1, -1, 0.5, -2.5, 3, 1e-300, Infinity, NaN];
const tangents: (number | Float64Array)[] = [1, 0, -2.5, Float64Array.of(1, 0, -3), Float64Array.of(0, 0, 0)];

function same(a: unknown, b: unknown, where: string): void {
  if (a instanceof Dual && b instanceof Dual) {
    expect(a.tag, where).toBe(b.tag);
    same(a.primal, b.primal, `${where} primal`);
    return same(a.tangent, b.tangent, `${where} tangent`);
  }
  if (a instanceof Float64Array && b instanceof Float64Array) return expect(Array.from(a).map(String), where).toEqual(Array.from(b).map(String));
  if (a instanceof Var && b instanceof Var) {
    expect(Object.is(a.value, b.value), `${where} value ${a.value} vs ${b.value}`).toBe(true);
    return expect(a.partials.map(String), `${where} partials`).toEqual(b.partials.map(String));
  }
  expect(Object.is(a, b), `${where}: ${String(a)} vs ${String(b)}`).toBe(true);
}

/** A call's result, or the message of what it threw (Duals with lanes over tape variables are refused). */
function outcome(call: () => Real): unknown {
  try {
    return call();
  } catch (error) {
    return `throws: ${(error as Error).message}`;
  }
}

/** Each argument as a number, Duals of tag 7 with each kind of tangent, or a fresh tape's variable. */
function forms(x: number, tape: Tape): Real[] {
  return [x, ...tangents.map((t) => new Dual(7, x, t as number)), tape.input(x)];
}

const fixed = ruleNames.filter((name) => rules[name].arity !== "variadic") as RuleName[];

describe.each([false, true])("fast paths, NaN-safe mode %s", (nanSafe) => {
  test.each(fixed)("%s", (name) => {
    inNanSafeMode(nanSafe, () => {
      const rule = rules[name];
      const op = operations[name];
      for (const x of points) {
        if (rule.arity === 1) {
          for (const a of forms(x, new Tape())) {
            const reference = a instanceof Var ? apply(rule, [new Tape().input(x)]) : apply(rule, [a]);
            same(
              outcome(() => op(a)),
              reference,
              `${name}(${String(a)})`,
            );
          }
          continue;
        }
        for (const y of points) {
          const tape = new Tape();
          const reference = new Tape();
          const xs = forms(x, tape);
          const ys = forms(y, tape);
          const xr = forms(x, reference);
          const yr = forms(y, reference);
          xs.forEach((a, i) =>
            ys.forEach((b, j) => {
              same(
                outcome(() => op(a, b)),
                outcome(() => apply(rule, [xr[i], yr[j]])),
                `${name}(${String(a)}, ${String(b)})`,
              );
            }),
          );
        }
      }
    });
  });
});

// The exported add and mul return the other argument itself where one is the constant 0 or 1 (no Dual,
// no tape node). That must give the value apply gives, bit for bit (-0 + 0 is 0, not -0), the same
// tangent, and leave misuse to the errors that name it.
describe("add's and mul's shortcuts", () => {
  test.each([
    ["add", add, rules.add],
    ["mul", mul, rules.mul],
  ] as const)("%s", (name, op, rule) => {
    for (const x of points) {
      for (const y of points) {
        const tape = new Tape();
        const reference = new Tape();
        const [xs, ys, xr, yr] = [forms(x, tape), forms(y, tape), forms(x, reference), forms(y, reference)];
        xs.forEach((a, i) =>
          ys.forEach((b, j) => {
            const got = outcome(() => op(a, b));
            const expected = outcome(() => apply(rule, [xr[i], yr[j]]));
            const where = `${name}(${String(a)}, ${String(b)})`;
            if (got !== a && got !== b) return same(got, expected, where);
            expect(Object.is(primal(got as Real), primal(expected as Real)), `${where}: value`).toBe(true);
            if (got instanceof Dual) same(got.tangent, (expected as Dual).tangent, `${where} tangent`);
          }),
        );
      }
    }
  });

  test.each([
    ["add", add, 0],
    ["mul", mul, 1],
  ] as const)("%s of its constant and a non-number is an error", (name, op, constant) => {
    for (const bad of ["s", null, undefined, {}, [1]]) {
      expect(() => op(constant, bad as never), `${name}(${constant}, ${String(bad)})`).toThrow(/dualts' /);
      expect(() => op(bad as never, constant), `${name}(${String(bad)}, ${constant})`).toThrow(/dualts' /);
    }
  });
});
