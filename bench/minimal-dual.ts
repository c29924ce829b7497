// The textbook Dual number, as a yardstick for issue 6's "Dual runtime within
// 3× of the generated code": a value and a tangent and nothing else — no tags
// (so no nesting), no lanes, no tape variables, no NaN rules, no identities,
// no argument checks. It is what any Dual runtime on this engine costs at
// least per operation, so where it misses the target too, the engine (an
// object per operation, boxed numbers, V8's inlining budget) sets the cost
// and not dualts' features.
//
// The functions it runs are bench/runtime.ts's own, compiled once more with
// their operations taken from here (overMinimalDuals): the same text, so the
// same loops and calls. It is not part of the library.

import { readFile, writeFile } from "node:fs/promises";

export class MinimalDual {
  // Assigned in the constructor, not declared as class fields, as src/dual.ts's Dual (V8 optimizes
  // the allocation of a class whose fields are first defined as undefined less well).
  declare readonly value: number;
  declare readonly tangent: number;

  constructor(value: number, tangent: number) {
    this.value = value;
    this.tangent = tangent;
  }
}

export type MinimalReal = number | MinimalDual;
type R = MinimalReal;

const isNumber = (a: R): a is number => typeof a === "number";

export const add = (a: R, b: R): R =>
  isNumber(a) ? (isNumber(b) ? a + b : new MinimalDual(a + b.value, b.tangent)) : isNumber(b) ? new MinimalDual(a.value + b, a.tangent) : new MinimalDual(a.value + b.value, a.tangent + b.tangent);

export const sub = (a: R, b: R): R =>
  isNumber(a) ? (isNumber(b) ? a - b : new MinimalDual(a - b.value, -b.tangent)) : isNumber(b) ? new MinimalDual(a.value - b, a.tangent) : new MinimalDual(a.value - b.value, a.tangent - b.tangent);

export const mul = (a: R, b: R): R =>
  isNumber(a)
    ? isNumber(b)
      ? a * b
      : new MinimalDual(a * b.value, a * b.tangent)
    : isNumber(b)
      ? new MinimalDual(a.value * b, a.tangent * b)
      : new MinimalDual(a.value * b.value, a.tangent * b.value + a.value * b.tangent);

export const div = (a: R, b: R): R =>
  isNumber(a)
    ? isNumber(b)
      ? a / b
      : new MinimalDual(a / b.value, (-a * b.tangent) / (b.value * b.value))
    : isNumber(b)
      ? new MinimalDual(a.value / b, a.tangent / b)
      : new MinimalDual(a.value / b.value, (a.tangent * b.value - a.value * b.tangent) / (b.value * b.value));

export const neg = (a: R): R => (isNumber(a) ? -a : new MinimalDual(-a.value, -a.tangent));

export function exp(a: R): R {
  if (isNumber(a)) return Math.exp(a);
  const z = Math.exp(a.value);
  return new MinimalDual(z, z * a.tangent);
}

export const log = (a: R): R => (isNumber(a) ? Math.log(a) : new MinimalDual(Math.log(a.value), a.tangent / a.value));

export const cos = (a: R): R => (isNumber(a) ? Math.cos(a) : new MinimalDual(Math.cos(a.value), -Math.sin(a.value) * a.tangent));

export function sqrt(a: R): R {
  if (isNumber(a)) return Math.sqrt(a);
  const z = Math.sqrt(a.value);
  return new MinimalDual(z, a.tangent / (2 * z));
}

export function tanh(a: R): R {
  if (isNumber(a)) return Math.tanh(a);
  const z = Math.tanh(a.value);
  return new MinimalDual(z, (1 - z * z) * a.tangent);
}

/** x to a constant power, the only power bench/runtime.ts takes. */
export function pow(a: R, b: R): R {
  if (!isNumber(b)) throw new TypeError("the minimal Dual takes constant exponents only");
  return isNumber(a) ? a ** b : new MinimalDual(a.value ** b, b * a.value ** (b - 1) * a.tangent);
}

/**
 * The gradient of f with respect to the arguments at `wrt` (numbers, or arrays of numbers), one
 * tangent per pass as grad(f, { chunk: 1 }) takes it: each pass makes one input a Dual of tangent 1
 * and leaves every other input a plain number.
 */
export function minimalGradient(f: (...args: any[]) => R, args: readonly unknown[], wrt: readonly number[]): number[] {
  const gradient: number[] = [];
  const passArgs = [...args];
  const tangentOf = (y: R) => (isNumber(y) ? 0 : y.tangent);
  for (const i of wrt) {
    const arg = args[i];
    if (typeof arg === "number") {
      passArgs[i] = new MinimalDual(arg, 1);
      gradient.push(tangentOf(f(...passArgs)));
    } else {
      const xs = arg as ArrayLike<number>;
      const seeded: R[] = Array.from(xs);
      passArgs[i] = seeded;
      for (let k = 0; k < xs.length; k++) {
        seeded[k] = new MinimalDual(xs[k], 1);
        gradient.push(tangentOf(f(...passArgs)));
        seeded[k] = xs[k];
      }
    }
    passArgs[i] = arg;
  }
  return gradient;
}

/**
 * bench/runtime.ts's functions over these operations: its compiled text, next to it in dist/bench,
 * with its one import of dualts' operations pointed here, written out and imported.
 */
export async function overMinimalDuals(): Promise<{ [name in keyof typeof import("./runtime.js")]: (...args: any[]) => MinimalReal }> {
  const source = await readFile(new URL("./runtime.js", import.meta.url), "utf8");
  const imports = source.match(/from "dualts"/g) ?? [];
  if (imports.length !== 1) throw new Error(`bench/runtime.js should import dualts exactly once, found ${imports.length} imports`);
  const target = new URL("./runtime.minimal-dual.js", import.meta.url);
  await writeFile(target, source.replace(/from "dualts"/, 'from "./minimal-dual.js"'));
  return import(target.href);
}
