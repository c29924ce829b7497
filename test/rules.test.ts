// The rules table: every entry against finite differences over its domain,
// the Dual and tape operations returning exactly the table's partials, and
// the printed partials (the text the transform will inline).

import { describe, expect } from "vitest";
import { fc, test } from "@fast-check/vitest";
import { Dual, centralDifference, operations, primal, rules, ruleNames, Tape, type Var } from "../src/index.js";
import { partialSources } from "../src/rules/compile.js";
import { numberAlgebra } from "../src/rules/algebra.js";
import type { Rule } from "../src/rules/table.js";

const inDomain = (rule: Rule, count: number) =>
  fc
    .tuple(
      ...Array.from({ length: count }, (_, i) => {
        const [lo, hi] = rule.domain.ranges[Math.min(i, rule.domain.ranges.length - 1)];
        return fc.double({ min: lo, max: hi, noNaN: true });
      }),
    )
    .filter((args) => rule.domain.smoothAt?.(...args) ?? true);

/** Equal as numbers: 0 and -0 agree (0 + -0 is 0), NaN agrees with NaN. */
const sameNumber = (a: number, b: number) => a === b || (Number.isNaN(a) && Number.isNaN(b));

const arityOf = (rule: Rule) => (rule.arity === "variadic" ? 3 : rule.arity);

describe.each(ruleNames.map((name) => [name, rules[name]] as const))("rule %s", (name, rule) => {
  test.prop([inDomain(rule, arityOf(rule))], { numRuns: 60 })("partials match finite differences of the primal", (args) => {
    const z = rule.primal(...args);
    const partials = rule.partials(numberAlgebra, args, z);
    args.forEach((x, i) => {
      const along = (t: number) => rule.primal(...args.map((a, j) => (j === i ? x + t : a)));
      const fd = centralDifference(along, x, { step: 1e-3 });
      const tolerance = Math.max(100 * fd.error, 1e-7 * (1 + Math.abs(fd.derivative)));
      expect(Math.abs(partials[i] - fd.derivative), `∂${name}/∂arg${i} at ${args}`).toBeLessThanOrEqual(tolerance);
    });
  });

  test.prop([inDomain(rule, arityOf(rule))], { numRuns: 30 })("Duals and tape nodes carry exactly the table's partials", (args) => {
    const z = rule.primal(...args);
    const partials = rule.partials(numberAlgebra, args, z);
    args.forEach((_, i) => {
      // Forward: seed only argument i; the tangent is the partial itself.
      const seeded = args.map((a, j) => (j === i ? new Dual(-1, a, 1) : a));
      const out = operations[name](...seeded) as Dual;
      expect(out.primal).toBe(z);
      expect(sameNumber(out.tangent as number, partials[i]), `tangent ${out.tangent} vs ${partials[i]}`).toBe(true);
      // Reverse: one node whose stored partial is the table's.
      const tape = new Tape();
      const inputs = args.map((a) => tape.input(a));
      const node = operations[name](...inputs) as Var;
      expect(node.value).toBe(z);
      expect(sameNumber(node.partials[i], partials[i]), `partial ${node.partials[i]} vs ${partials[i]}`).toBe(true);
    });
  });
});

describe("printed partials", () => {
  test("read like hand-written code", () => {
    expect(partialSources(rules.mul)).toEqual(["y", "x"]);
    expect(partialSources(rules.div)).toEqual(["1 / y", "-(z / y)"]);
    expect(partialSources(rules.exp)).toEqual(["z"]);
    expect(partialSources(rules.tanh)).toEqual(["1 - z * z"]);
    expect(partialSources(rules.log2)).toEqual(["1 / (x * Math.LN2)"]);
    expect(partialSources(rules.pow)).toEqual(["x === 0 && y === 0 ? 0 : y * x ** (y - 1)", "x === 0 && y > 0 ? 0 : z * Math.log(x)"]);
  });

  test("variadic rules have no fixed source", () => {
    expect(() => partialSources(rules.max)).toThrow(/any number of arguments/);
  });
});

test("every Math function with a derivative is in the table", () => {
  const differentiable = [
    "exp",
    "expm1",
    "log",
    "log1p",
    "log2",
    "log10",
    "sqrt",
    "cbrt",
    "sin",
    "cos",
    "tan",
    "asin",
    "acos",
    "atan",
    "atan2",
    "sinh",
    "cosh",
    "tanh",
    "asinh",
    "acosh",
    "atanh",
    "abs",
    "sign",
    "floor",
    "ceil",
    "round",
    "trunc",
    "min",
    "max",
    "hypot",
  ];
  for (const fn of differentiable) expect(rules[fn as keyof typeof rules]?.spelling).toBe(`Math.${fn}`);
  expect(primal(new Dual(1, new Dual(0, 2, 1), 3))).toBe(2);
});
