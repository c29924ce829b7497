// The contract between the transform and the runtime (src/contract.ts), as
// both sides keep it: the transform writes every form of FORMS, in its order,
// and `contract` on every registration, successful or failed, in every
// marking position; a method's registration keeps every form, bound to its
// instance; the runtime recognises a registration by `contract` alone (an
// object without it is options), and refuses a registration of another
// version — through every API function and through a compiled caller — with
// an error that says to recompile. `differentiable` runs here as `mark`, for
// the reason test/registration.test.ts gives.

import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, test } from "vitest";
import { transformSource } from "../dist/transformer/index.js";
import { CONTRACT_VERSION, FORMS } from "../src/contract.js";
import { derivative, derivativeInfo, differentiable, grad, hessian, jacobian, jvp, valueAndGrad } from "../src/index.js";
import { expectClose } from "./support/helpers.js";
import { load } from "./support/program-run.js";

type Fn = (...args: number[]) => number;
const mark = differentiable as (...args: any[]) => any;
const key = Symbol.for("dualts.derivative");
const registrationOf = (f: Function) => (f as unknown as Record<symbol, Record<string, unknown>>)[key];

async function compiled(source: string): Promise<Record<string, any>> {
  const { code, diagnostics } = transformSource(source, { fileName: "prog.ts" });
  expect(diagnostics).toEqual([]);
  return load(code);
}

describe("what the transform writes", () => {
  test("every form of the contract, in FORMS' order, after the metadata", async () => {
    // x·x·sin(x)/(x + 2): a function of one number with a division, so it has all six forms.
    const m = await compiled("/** @differentiable */\nexport function f(x: number): number {\n  return (x * x * Math.sin(x)) / (x + 2);\n}\n");
    expect(Object.keys(registrationOf(m.f))).toEqual(["contract", "name", "parameters", "kinds", "wrt", "result", ...FORMS]);
    for (const form of FORMS) expect(typeof registrationOf(m.f)[form], form).toBe("function");
  });

  test("contract on every registration, in every marking position, also where the function failed", async () => {
    const source = `import { differentiable } from "dualts";
function helper(x: number): number {
  return x + 1;
}
/** @differentiable */
export function declared(x: number): number {
  return x * x;
}
/** @differentiable */
export function failed(x: number): number {
  return helper(x) * x;
}
export const expression = differentiable((x: number): number => x * x);
export const failedExpression = differentiable((x: number): number => helper(x) * x);
export class Spring {
  constructor(readonly k: number) {}
  @differentiable
  energy(x: number): number {
    return 0.5 * this.k * x * x;
  }
  @differentiable
  static twice(x: number): number {
    return 2 * x;
  }
}
`;
    const { code, diagnostics } = transformSource(source, { fileName: "prog.ts" });
    expect(diagnostics.map((d) => d.code)).toEqual(["DUALTS1001", "DUALTS1001"]);
    const m = await load(code);
    const spring = new (m.Spring as unknown as new (k: number) => { energy: Fn })(2);
    for (const f of [m.declared, m.failed, m.expression, m.failedExpression, spring.energy, (m.Spring as unknown as { twice: Fn }).twice]) {
      expect(registrationOf(f).contract, f.name).toBe(CONTRACT_VERSION);
    }
    expect(registrationOf(m.failed).diagnostics).toHaveLength(1);
  });

  test("a method's registration keeps every form its declared twin has, each bound to the instance", async () => {
    const m = await compiled(`import { differentiable } from "dualts";
export class Spring {
  constructor(readonly k: number) {}
  @differentiable
  energy(x: number): number {
    return 0.5 * this.k * x * x + Math.log(x);
  }
}
/** @differentiable */
export function declared(x: number): number {
  return 0.5 * 3 * x * x + Math.log(x);
}
`);
    const spring = new (m.Spring as unknown as new (k: number) => { energy: Fn })(3);
    const present = (f: Function) => FORMS.filter((form) => typeof registrationOf(f)[form] === "function");
    expect(present(spring.energy)).toEqual(present(m.declared));
    expect(present(spring.energy)).toEqual([...FORMS]);
    // Detached from its instance, each form still reads this.k.
    const { jvp: tangent, chunkJvp, gradient } = registrationOf(spring.energy) as Record<string, (...args: unknown[]) => unknown>;
    const x = 1.5;
    const [value, slope] = [0.5 * 3 * x * x + Math.log(x), 3 * x + 1 / x];
    expectClose(tangent(x, 1), [value, slope]);
    expectClose(chunkJvp(2, x, [1, 2]), [value, [slope, 2 * slope]]);
    expectClose(gradient(x), [slope]);
    expectClose(grad(spring.energy, { mode: "reverse" })(x), slope);
  });
});

describe("the runtime recognises a registration by its contract field", () => {
  const info = {
    name: "sq",
    parameters: ["x"],
    kinds: ["scalar"],
    wrt: [0],
    result: "scalar",
    jvp: (x: number, dx: number) => [x * x, 2 * x * dx],
    generic: (ops: { mul(a: unknown, b: unknown): unknown }, x: unknown) => ops.mul(x, x),
  };

  test("with it, differentiable(fn, info) registers fn; without it the object is options", () => {
    const registered = mark((x: number) => x * x, { contract: CONTRACT_VERSION, ...info });
    expect(grad(registered)(3)).toBe(6);
    const options = mark((x: number) => x * x, info);
    expect(derivativeInfo(options)).toBeUndefined();
  });

  test("also as a decorator's argument: @differentiable(info) on a method", () => {
    for (const [given, registered] of [
      [{ contract: CONTRACT_VERSION, ...info }, true],
      [info, false],
    ] as const) {
      const initializers: ((this: object) => void)[] = [];
      const sq = function sq(x: number) {
        return x * x;
      };
      mark(given)(sq, { kind: "method", name: "sq", addInitializer: (run: (this: object) => void) => initializers.push(run) });
      const model: { sq?: Fn } = {};
      initializers.forEach((run) => run.call(model));
      expect(model.sq !== undefined && derivativeInfo(model.sq) !== undefined).toBe(registered);
    }
  });
});

describe("a registration of another version is refused, with the fix", () => {
  const versions: [string, Record<string, unknown>, string][] = [
    ["an older contract version", { contract: 0, name: "fit", parameters: ["x"], kinds: ["scalar"], wrt: [0], result: "scalar", generic: () => 0 }, "contract version 0"],
    ["no contract field (written before it existed)", { name: "fit", parameters: ["x"], kinds: ["scalar"], wrt: [0], result: "scalar", jvp: () => [0, 0], generic: () => 0 }, "no contract version"],
    ["a newer contract version", { contract: CONTRACT_VERSION + 1, name: "fit", parameters: ["x"], diagnostics: ["a.ts:1:1 - error DUALTS1003: …"] }, `contract version ${CONTRACT_VERSION + 1}`],
  ];

  test.each(versions)("%s: every API function and derivativeInfo say to recompile", (_, registration, found) => {
    const fit = Object.defineProperty(
      function fit(x: number) {
        return 2 * x;
      },
      key,
      { value: registration },
    );
    const calls: Record<string, () => unknown> = {
      derivative: () => derivative(fit)(1),
      jvp: () => jvp(fit, [1], [1]),
      grad: () => grad(fit)(1),
      valueAndGrad: () => valueAndGrad(fit)(1),
      jacobian: () => jacobian(fit)(1),
      hessian: () => hessian(fit)(1),
    };
    const fix = `(its registration has ${found}; this dualts runtime reads contract version ${CONTRACT_VERSION}). Recompile fit's module with the installed dualts`;
    for (const [api, call] of Object.entries(calls)) {
      expect(call, api).toThrow(`${api}(fit): fit was compiled by another version of the dualts transform ${fix}`);
    }
    expect(() => derivativeInfo(fit)).toThrow(`fit was compiled by another version of the dualts transform ${fix}`);
  });

  test.each(versions)("%s: a compiled caller reaching it through __dualtsDerivative says the same", async (_, registration, found) => {
    const dir = mkdtempSync(join(tmpdir(), "dualts-contract-"));
    const { generic: _generic, jvp: _jvp, ...data } = registration;
    writeFileSync(
      join(dir, "fit.js"),
      `export function fit(x) { return 2 * x; }
Object.defineProperty(fit, Symbol.for("dualts.derivative"), { value: { ...${JSON.stringify(data)}, jvp: (x, dx) => [2 * x, 2 * dx], generic: (ops, x) => ops.mul(2, x) } });\n`,
    );
    const { code, diagnostics } = transformSource(`import { fit } from "./fit.js";\n/** @differentiable */\nexport function caller(x: number): number {\n  return fit(x) * x;\n}\n`, {
      fileName: "caller.ts",
    });
    expect(diagnostics).toEqual([]);
    writeFileSync(join(dir, "caller.js"), code);
    const { caller } = await import(/* @vite-ignore */ pathToFileURL(join(dir, "caller.js")).href);
    expect(caller(3)).toBe(18);
    expect(() => grad(caller)(3)).toThrow(
      new RegExp(
        `^caller\\.ts:4:\\d+: fit was compiled by another version of the dualts transform \\(its registration has ${found}; this module was compiled for contract version ${CONTRACT_VERSION}\\)\\. Recompile fit's module with the installed dualts`,
      ),
    );
  });
});
