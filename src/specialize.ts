// The source text of each fixed-arity operation's own code. It is not
// evaluated at run time: `npm run generate` (scripts/generate-operations.ts)
// writes it into src/generated/operations.ts, which fast.ts imports, so that
// loading dualts compiles no strings (it runs under a Content-Security-Policy
// without 'unsafe-eval').
//
// An operation is a few functions, so that V8 can inline the small ones into
// their callers:
//
//   the entry          numbers → the primal; else one of the functions below
//   one per mix        a number and a Dual, a Dual and a number, two Duals:
//                      first-order Duals whose sum needs no care (the result
//                      is not NaN; no term NaN-safe mode would skip)
//   the full dispatch  everything fast.ts's header lists, exactly: NaN outside
//                      a domain, NaN-safe mode, lanes, tape variables, and
//                      `general` for the rest
//
// A mix's function hands anything it does not finish to the full dispatch,
// which computes it from the start; so the fast functions only ever return
// what the full dispatch would. The text names the rule's primal
// (`x * y`, `Math.exp(x)`), its printed partials over x, y and the result z
// (rules/compile.ts's partialSources, the text generated code inlines), and
// the names of fast.ts's context (contextNames).

import { printOperation, sourceAlgebra } from "./rules/algebra.js";
import { partialSources } from "./rules/compile.js";
import type { Rule, RuleName } from "./rules/table.js";

/**
 * The operations with an identity constant (0 for add, 1 for mul) whose runtime version returns the
 * other argument itself where the constant would leave it unchanged (see binarySource): no Dual, no
 * tape node. ops.ts's add and mul are these versions; `operations.add` and `operations.mul` are not.
 */
export const identities: Partial<Record<RuleName, number>> = { add: 0, mul: 1 };

/**
 * The rule's primal over number variables as source: the rule's spelling
 * where it names the operation itself (an operator, or `Math.exp` whose
 * primal is Math.exp), else a call of the rule's own primal function.
 */
function primalSource(rule: Rule, args: string[]): string {
  const math = /^Math\.(\w+)$/.exec(rule.spelling);
  const spelled = math ? rule.primal === (Math as unknown as Record<string, unknown>)[math[1]] : !/\w/.test(rule.spelling);
  if (!spelled) return `primal(${args.join(", ")})`;
  return printOperation(
    rule.spelling,
    args.map((a) => sourceAlgebra.variable(a)),
  ).text;
}

/** `z !== z && x === x …`: the result is NaN though no argument is (outside the domain). */
const outside = (args: string[]) => ["z !== z", ...args.map((a) => `${a} === ${a}`)].join(" && ");

/** `d === 0 && isNanSafe()`: a term NaN-safe mode skips. */
const skip = (tangent: string) => `${tangent} === 0 && isNanSafe()`;

/** A Dual of `tag` with one first-order term: NaN outside the domain, else 0 + partial · tangent. */
const oneTerm = (tag: string, partial: string, tangent: string, args: string[]) => `return new Dual(${tag}, z, ${outside(args)} ? NaN : ${skip(tangent)} ? 0 : 0 + (${partial}) * ${tangent});`;

/**
 * out[k] += partial · tangent's lane k, for every lane; a number tangent is the same in every lane,
 * and a zero lane adds nothing (lanes.ts's laneTangent).
 */
const addLanes = (partial: string, tangent: string) => `{
          const p = ${partial};
          if (typeof ${tangent} === "number") {
            if (${tangent} !== 0) for (let k = 0; k < out.length; k++) out[k] += p * ${tangent};
          } else {
            for (let k = 0; k < out.length; k++) {
              const d = ${tangent}[k];
              if (d !== 0) out[k] += p * d;
            }
          }
        }`;

/** A Dual of `tag` with `count` lanes: NaN outside the domain, else Σ partial · tangent lane by lane. */
const laneTerms = (tag: string, count: string, args: string[], terms: [partial: string, tangent: string][]) => `
        const out = newLanes(${count});
        if (${outside(args)}) out.fill(NaN);
        else { ${terms.map(([partial, tangent]) => addLanes(partial, tangent)).join(" ")} }
        return new Dual(${tag}, z, out);`;

/**
 * A first-order Dual's result where no care is needed: the result is not NaN (so not outside the
 * domain) and no tangent is a zero NaN-safe mode would skip. Then the tangent is the plain sum
 * 0 + ∂₁·d₁ (+ ∂₂·d₂), in order; otherwise the full dispatch decides.
 */
const plainTerms = (tag: string, terms: [partial: string, tangent: string][]) => {
  const nonzero = terms.map(([, tangent]) => `${tangent} !== 0`).join(" && ");
  const sum = ["0", ...terms.map(([partial, tangent]) => `(${partial}) * ${tangent}`)].join(" + ");
  return `if (z === z && (${nonzero} || !isNanSafe())) return new Dual(${tag}, z, ${sum});`;
};

/** The names the generated code receives from fast.ts (its OperationContext). */
export const contextNames = ["Dual", "Var", "isNanSafe", "newLanes", "general", "rule", "name", "primal"] as const;

/** The rule's name where it is an identifier that hides no context name, to name the generated functions in profiles. */
const identifier = (rule: Rule) => (/^[A-Za-z_$][\w$]*$/.test(rule.name) && !(contextNames as readonly string[]).includes(rule.name) ? rule.name : "operation");

/** The body of a function of fast.ts's context (TypeScript) returning the one-argument operation. */
export function unarySource(rule: Rule): string {
  const [partial] = partialSources(rule);
  const f = primalSource(rule, ["x"]);
  const id = identifier(rule);
  // Partials of one argument are over x and z; y is NaN should one name it (as apply passes it).
  const y = /\by\b/.test(partial) ? "const y = NaN;" : "";
  return `
  function ${id}Full(a: any): any {
    if (typeof a === "number") return ${primalSource(rule, ["a"])};
    if (a instanceof Dual) {
      const x = a.primal;
      const dx = a.tangent;
      ${y}
      if (typeof x === "number" && typeof dx === "number") {
        const z = ${f};
        ${oneTerm("a.tag", partial, "dx", ["x"])}
      }
      if (typeof x === "number" && dx instanceof Float64Array) {
        const z = ${f};
        ${laneTerms("a.tag", "dx.length", ["x"], [[partial, "dx"]])}
      }
    } else if (a instanceof Var) {
      const x = a.value;
      ${y}
      const z = ${f};
      return a.tape.record1(name, z, a, ${outside(["x"])} ? NaN : ${partial});
    }
    return general(rule, [a]);
  }
  function ${id}Dual(a: any): any {
    if (a instanceof Dual) {
      const x = a.primal;
      const dx = a.tangent;
      if (typeof x === "number" && typeof dx === "number") {
        ${y}
        const z = ${f};
        ${plainTerms("a.tag", [[partial, "dx"]])}
      }
    }
    return ${id}Full(a);
  }
  return function ${id}(a: any): any {
    return typeof a === "number" ? ${primalSource(rule, ["a"])} : ${id}Dual(a);
  };`;
}

/** The body of a function of fast.ts's context (TypeScript) returning the two-argument operation (see fast.ts's fastBinary). */
export function binarySource(rule: Rule, identity?: number): string {
  const [px, py] = partialSources(rule);
  const f = primalSource(rule, ["x", "y"]);
  const xy = ["x", "y"];
  const id = identifier(rule);
  const numberDual = `const x = a;
        const y = b.primal;
        const dy = b.tangent;`;
  const dualNumber = `const x = a.primal;
        const dx = a.tangent;
        const y = b;`;
  const dualDual = `const x = a.primal;
        const dx = a.tangent;
        const y = b.primal;
        const dy = b.tangent;`;
  // With an identity (0 for add, 1 for mul), a constant equal to it returns the other argument itself
  // where that is a Dual or a tape variable the operation would give back unchanged: x · 1 is x for
  // every x, x + 0 for every x but -0 (-0 + 0 is 0). The Dual's case is checked where the function of
  // the mix has its primal (small, so that it inlines), the tape variable's in the full dispatch; two
  // numbers always take the primal, and anything else goes on to the checks that name it.
  const unchanged = (value: string) => (identity === 0 ? ` && ${value} !== 0` : "");
  const keep = (constant: string, other: string, value: string) => (identity === undefined ? "" : `if (${constant} === ${identity}${unchanged(value)}) return ${other};`);
  const flat = (d: string) => `(typeof ${d} === "number" || ${d} instanceof Float64Array)`;
  return `
  function ${id}Full(a: any, b: any): any {
    if (typeof a === "number") {
      if (typeof b === "number") return ${primalSource(rule, ["a", "b"])};
      if (b instanceof Dual) {
        ${numberDual}
        if (typeof y === "number" && typeof dy === "number") {
          const z = ${f};
          ${oneTerm("b.tag", py, "dy", xy)}
        }
        if (typeof y === "number" && dy instanceof Float64Array) {
          const z = ${f};
          ${laneTerms("b.tag", "dy.length", xy, [[py, "dy"]])}
        }
      } else if (b instanceof Var) {
        ${keep("a", "b", "b.value")}
        const x = a;
        const y = b.value;
        const z = ${f};
        const outside = ${outside(xy)};
        return b.tape.record2(name, z, a, b, outside ? NaN : 0, outside ? NaN : ${py});
      }
    } else if (typeof b === "number") {
      if (a instanceof Dual) {
        ${dualNumber}
        if (typeof x === "number" && typeof dx === "number") {
          const z = ${f};
          ${oneTerm("a.tag", px, "dx", xy)}
        }
        if (typeof x === "number" && dx instanceof Float64Array) {
          const z = ${f};
          ${laneTerms("a.tag", "dx.length", xy, [[px, "dx"]])}
        }
      } else if (a instanceof Var) {
        ${keep("b", "a", "a.value")}
        const x = a.value;
        const y = b;
        const z = ${f};
        const outside = ${outside(xy)};
        return a.tape.record2(name, z, a, b, outside ? NaN : ${px}, outside ? NaN : 0);
      }
    } else if (a instanceof Dual) {
      if (b instanceof Dual && a.tag === b.tag) {
        ${dualDual}
        if (typeof x === "number" && typeof dx === "number" && typeof y === "number" && typeof dy === "number") {
          const z = ${f};
          if (${outside(xy)}) return new Dual(a.tag, z, NaN);
          let sum = 0;
          if (!(${skip("dx")})) sum += (${px}) * dx;
          if (!(${skip("dy")})) sum += (${py}) * dy;
          return new Dual(a.tag, z, sum);
        }
        const laneCount = dx instanceof Float64Array ? dx.length : dy instanceof Float64Array ? dy.length : 0;
        if (typeof x === "number" && typeof y === "number" && laneCount > 0 && ${flat("dx")} && ${flat("dy")}) {
          const z = ${f};
          ${laneTerms("a.tag", "laneCount", xy, [
            [px, "dx"],
            [py, "dy"],
          ])}
        }
      }
    } else if (b instanceof Var && a.tape === b.tape) {
      const x = a.value;
      const y = b.value;
      const z = ${f};
      const outside = ${outside(xy)};
      return a.tape.record2(name, z, a, b, outside ? NaN : ${px}, outside ? NaN : ${py});
    }
    return general(rule, [a, b]);
  }
  function ${id}NumberDual(a: any, b: any): any {
    if (b instanceof Dual) {
      ${numberDual}
      ${keep("a", "b", "y")}
      if (typeof y === "number" && typeof dy === "number") {
        const z = ${f};
        ${plainTerms("b.tag", [[py, "dy"]])}
      }
    }
    return ${id}Full(a, b);
  }
  function ${id}DualNumber(a: any, b: any): any {
    if (a instanceof Dual) {
      ${dualNumber}
      ${keep("b", "a", "x")}
      if (typeof x === "number" && typeof dx === "number") {
        const z = ${f};
        ${plainTerms("a.tag", [[px, "dx"]])}
      }
    }
    return ${id}Full(a, b);
  }
  function ${id}DualDual(a: any, b: any): any {
    if (a instanceof Dual && b instanceof Dual && a.tag === b.tag) {
      ${dualDual}
      if (typeof x === "number" && typeof dx === "number" && typeof y === "number" && typeof dy === "number") {
        const z = ${f};
        ${plainTerms("a.tag", [
          [px, "dx"],
          [py, "dy"],
        ])}
      }
    }
    return ${id}Full(a, b);
  }
  return function ${id}(a: any, b: any): any {
    if (typeof a === "number") return typeof b === "number" ? ${primalSource(rule, ["a", "b"])} : ${id}NumberDual(a, b);
    return typeof b === "number" ? ${id}DualNumber(a, b) : ${id}DualDual(a, b);
  };`;
}
