// `npm start`'s lecture: each step's example, as tspc compiled it with the
// dualts transform (dist/examples/, built by `npm test` before vitest runs),
// runs once with its narration captured and its figures written to a
// temporary folder; the tests check the numbers each run() returns.

import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import * as why from "../dist/examples/1-why-derivatives.js";
import * as polynomial from "../dist/examples/2-polynomial-graph.js";
import * as logistic from "../dist/examples/3-logistic-regression.js";
import * as graph from "../dist/examples/4-computational-graph.js";
import * as language from "../dist/examples/5-language-model.js";
import * as lecture from "../dist/examples/lecture.js";
import * as iris from "../dist/examples/lib/iris.js";
import { defaultOutDir } from "../dist/examples/lib/figures.js";
import { grad, valueAndGrad } from "../src/index.js";
import { expectClose } from "./support/helpers.js";

const outDir = mkdtempSync(join(tmpdir(), "dualts-lecture-"));
const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
const narration: string[] = [];
const options = { outDir, log: (line: string) => narration.push(line) };

let r1: Awaited<ReturnType<typeof why.run>>;
let r2: Awaited<ReturnType<typeof polynomial.run>>;
let r3: Awaited<ReturnType<typeof logistic.run>>;
let r4: Awaited<ReturnType<typeof graph.run>>;
let r5: Awaited<ReturnType<typeof language.run>>;

beforeAll(async () => {
  r1 = await why.run(options);
  r2 = await polynomial.run(options);
  r3 = await logistic.run(options);
  r4 = await graph.run(options);
  r5 = await language.run(options);
}, 120_000);

afterAll(() => rmSync(outDir, { recursive: true, force: true }));

test("the examples were compiled by the transform (tspc), not plain tsc", () => {
  for (const f of [why.coolingError, polynomial.polynomial, logistic.loss, graph.bceTerm, language.crossEntropy]) {
    expect(typeof (f as unknown as Record<symbol, { jvp?: unknown }>)[Symbol.for("dualts.derivative")]?.jvp, f.name).toBe("function");
  }
});

test("npm start runs the five steps in order, writing figures to examples/out/", () => {
  expect(lecture.steps).toEqual([why.run, polynomial.run, logistic.run, graph.run, language.run]);
  expect(defaultOutDir).toBe(join(new URL("..", import.meta.url).pathname, "examples/out/"));
});

/** The largest |gᵢ|: the norm minimize's gradientTolerance reads. */
const largest = (g: ArrayLike<number>) => Math.max(...Array.from(g, Math.abs));
const t = Float64Array.from(why.hours);

describe("1. why derivatives", () => {
  test("the closed form solves ∇E = 0; gradient descent and one Newton step reach the same minimum", () => {
    const { closedForm, descent, newton } = r1.line;
    expect(Math.hypot(...closedForm.gradient)).toBeLessThan(1e-12);
    expectClose(descent.w, closedForm.w, 1e-7, 1e-9);
    expect(descent.steps).toBeGreaterThan(100);
    // E is quadratic in w: Newton's bowl is E itself, and its first step solves the normal equations.
    expect(newton.steps).toBe(1);
    expectClose(newton.w, closedForm.w, 1e-12);
  });

  test("gradient descent minimises the cooling law, which has no closed form, and fits far better", () => {
    const { descent } = r1.cooling;
    expect(largest(descent.gradient)).toBeLessThanOrEqual(why.tolerance);
    expect(descent.error).toBeLessThan(r1.line.closedForm.error / 10);
    expect(descent.w[1]).toBeGreaterThan(0); // it cools
  });

  test("minimize's fixed-step descent takes the lecture's steps w ← w − 0.2·∇E(w), and stops at the first w where ∇E is small", () => {
    const [gd] = r1.cooling.methods;
    const gradient = grad(why.coolingError, { wrt: [0, 1] });
    let w = [1, 0];
    for (let step = 0; step < gd.result.iterations; step++) {
      const g = gradient(w[0], w[1], t, why.excess);
      expect(largest(g), `step ${step}`).toBeGreaterThan(why.tolerance);
      w = [w[0] - 0.2 * g[0], w[1] - 0.2 * g[1]];
    }
    expect(Array.from(gd.result.x)).toEqual(w); // the same numbers, bit for bit
    expect(largest(gradient(w[0], w[1], t, why.excess))).toBeLessThanOrEqual(why.tolerance);
    expect(gd.result.iterations).toBe(r1.cooling.descent.steps);
    expect(gd.result.evaluations.gradient).toBe(gd.result.iterations + 1); // a fixed step: one gradient per step, no line search
  });

  test("gradient descent, L-BFGS and Newton reach the same minimiser; L-BFGS and Newton in a handful of steps", () => {
    const [gd, lbfgs, newton] = r1.cooling.methods;
    expect(r1.cooling.methods.map((m) => m.method)).toEqual(["gd", "lbfgs", "newton"]);
    const gradient = grad(why.coolingErrorOf, { wrt: "w" });
    for (const { label, result } of r1.cooling.methods) {
      expect(result.stoppedBy, label).toBe("gradient");
      expect(result.gradientNorm, label).toBeLessThanOrEqual(why.tolerance);
      expect(largest(gradient(result.x, t, why.excess)), label).toBeLessThanOrEqual(why.tolerance);
      expectClose(result.x, newton.result.x, 1e-7, 0, label);
      expectClose(result.value, r1.cooling.descent.error, 1e-12, 0, label);
    }
    expect(gd.result.iterations).toBeGreaterThan(300);
    expect(lbfgs.result.iterations).toBeLessThanOrEqual(20);
    expect(newton.result.iterations).toBeLessThanOrEqual(8);
    expect(20 * lbfgs.result.evaluations.gradient).toBeLessThan(gd.result.evaluations.gradient);
    expect(lbfgs.result.evaluations.hessian).toBe(0);
    expect(newton.result.evaluations.hessian).toBe(newton.result.iterations); // one Hessian per Newton step
  });

  test("the narration prints each method's row as run() returned it (the time printed, never checked)", () => {
    for (const { label, result: r } of r1.cooling.methods) {
      const cells = [label, r.iterations, r.evaluations.gradient, r.evaluations.hessian].map((c) => String(c).replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
      expect(
        narration.some((l) => new RegExp(`^\\s+${cells.join("\\s+")}\\s+\\d+(\\.\\d+)? ms\\s`).test(l)),
        label,
      ).toBe(true);
    }
  });
});

describe("2. the polynomial graph w0 + 3·w1² + 5·w2³", () => {
  test("forward and reverse gradients equal the analytic (1, 6·w1, 15·w2²)", () => {
    expect(r2.points.length).toBeGreaterThan(0);
    for (const p of r2.points) {
      expect(p.analytic).toEqual([1, 6 * p.w[1], 15 * p.w[2] ** 2]);
      expectClose(p.forward, p.analytic, 1e-14, 1e-14);
      expectClose(p.reverse, p.analytic, 1e-14, 1e-14);
    }
  });
});

describe("3. logistic regression on iris", () => {
  test("uses 100 flowers of two species and holds some out", () => {
    expect(r3.trainSize + r3.testSize).toBe(100);
    expect(r3.testSize).toBeGreaterThan(0);
  });

  test("the loss falls from log 2 during gradient descent", () => {
    for (const m of r3.models) {
      expect(m.losses).toHaveLength(1001); // the start and each of the 1000 steps, from minimize's onIteration
      expectClose(m.losses[0], Math.log(2), 1e-12);
      expect(m.losses.at(-1)!).toBeLessThan(0.25 * m.losses[0]);
      // Gradient descent with a step the loss's curvature allows never goes uphill.
      m.losses.slice(1).forEach((l, i) => expect(l).toBeLessThanOrEqual(m.losses[i] + 1e-15));
    }
  });

  test("accuracy clears 90%, where a wrong gradient leaves a guess at 50%", () => {
    const [one, four] = r3.models;
    expect(one.trainAccuracy).toBeGreaterThanOrEqual(0.9);
    expect(four.trainAccuracy).toBeGreaterThanOrEqual(0.95);
    expect(four.testAccuracy).toBeGreaterThanOrEqual(0.9);
    expect(narration.filter((l) => /accuracy: \d{1,3}\.\d%/.test(l))).toHaveLength(2);
  });

  test("the same descent with a wrong gradient stays far below that threshold", () => {
    const { train, scale } = iris.dataSets();
    const rows = iris.standardize(train.rows, [iris.featureNames.indexOf("petal length")], scale);
    const descend = (bug: "sign" | "missing x") => {
      let [w0, w1] = [0, 0];
      for (let step = 0; step < 1000; step++) {
        let [g0, g1] = [0, 0];
        rows.forEach(([x], i) => {
          const residual = 1 / (1 + Math.exp(-(w0 + w1 * x))) - train.ys[i];
          g0 += residual / rows.length;
          g1 += (bug === "missing x" ? residual : residual * x) / rows.length; // the slip: ∂L/∂w1 without xᵢ
        });
        const sign = bug === "sign" ? -1 : 1;
        [w0, w1] = [w0 - sign * g0, w1 - sign * g1];
      }
      return iris.accuracy([w0, w1], rows, train.ys);
    };
    expect(descend("sign")).toBeLessThan(0.5);
    expect(descend("missing x")).toBeLessThan(0.8);
  });

  test("one word for one gradient-descent step: the tables' headers, the figures' axes, the narration and the README", () => {
    const headers = narration.filter((l) => /^\s+\w+\s+loss(\s+perplexity)?$/.test(l)).map((l) => l.trim().split(/\s+/)[0]);
    expect(headers.length).toBeGreaterThanOrEqual(3); // step 3's two models and step 5
    expect(new Set(headers)).toEqual(new Set(["step"]));
    for (const figure of [r3.figures[0], r5.figures[0]]) {
      const axis = /gradient-descent \w+/.exec(readFileSync(figure, "utf8"));
      expect(axis?.[0], figure).toBe("gradient-descent step");
    }
    const lecture = readme.slice(readme.indexOf("## The lecture, runnable"), readme.indexOf("### Libraries the lecture uses"));
    const readmeHeaders = lecture
      .split("\n")
      .filter((l) => /^\s+\w+\s+loss(\s+perplexity)?$/.test(l))
      .map((l) => l.trim().split(/\s+/)[0]);
    expect(readmeHeaders).toEqual(["step", "step"]);
    for (const text of [narration.join("\n"), lecture, readFileSync(r3.figures[0], "utf8")]) expect(text).not.toMatch(/epoch/i);
  });

  test("trained to the minimum, gradient descent, L-BFGS and Newton agree; L-BFGS and Newton need tens of steps, descent thousands", () => {
    const { train, scale } = iris.dataSets();
    const ys = Float64Array.from(train.ys);
    const rows = iris.standardize(train.rows, [0, 1, 2, 3], scale);
    const xs = Float64Array.from(iris.standardize(train.rows, [iris.featureNames.indexOf("petal length")], scale), (r) => r[0]);
    expect(r3.comparisons.map((c) => c.name)).toEqual(["one feature", "four features"]);
    r3.comparisons.forEach((c, k) => {
      const [gd, lbfgs, newton] = c.methods.map((m) => m.result);
      expect(c.methods.map((m) => m.method)).toEqual(["gd", "lbfgs", "newton"]);
      // ∇L ≈ 0 at each, by valueAndGrad here, not by what minimize reported.
      const atW = (w: Float64Array) => (k === 0 ? valueAndGrad(logistic.lossOf, { wrt: "w" })(w, xs, ys) : valueAndGrad(logistic.lossFeatures, { wrt: "w" })(w, rows, ys));
      for (const r of [gd, lbfgs, newton]) {
        expect(r.stoppedBy, c.name).toBe("gradient");
        const [value, gradient] = atW(r.x);
        expect(largest(gradient), c.name).toBeLessThanOrEqual(logistic.comparisonTolerance);
        expectClose(value, newton.value, 1e-9, 0, c.name);
        // Below the loss after the lecture's 1000 steps, which had not reached the minimum.
        expect(value, c.name).toBeLessThan(r3.models[k].losses.at(-1)! - 1e-4);
      }
      expectClose(lbfgs.x, newton.x, 1e-5, 1e-6, c.name);
      expectClose(gd.x, newton.x, 1e-3, 1e-4, c.name); // descent stops short, along the valley's floor
      expect(gd.iterations, c.name).toBeGreaterThan(3000);
      for (const r of [lbfgs, newton]) expect(r.iterations, c.name).toBeLessThanOrEqual(30);
      expect(100 * lbfgs.evaluations.gradient, c.name).toBeLessThan(gd.evaluations.gradient);
      expect(newton.evaluations.hessian, c.name).toBe(newton.iterations);
    });
  });

  test("checkGradient agreed with the transform's gradient", () => {
    for (const m of r3.models) for (const e of m.gradientCheck) expect(e).toBeLessThan(1e-8);
  });

  test("the stable log-sigmoid keeps the loss and its gradient finite where σ(z) rounds to 0 or 1", () => {
    const xs = new Float64Array([-3, -1, 2, 4]);
    const ys = new Float64Array([0, 1, 0, 1]);
    const [value, gradient] = valueAndGrad(logistic.loss)(5, 400, xs, ys);
    expect(Number.isFinite(value)).toBe(true);
    for (const g of gradient) expect(Number.isFinite(g)).toBe(true);
    for (const z of [-800, -40, 0, 40, 800]) {
      expect(Number.isFinite(logistic.logSigmoid(z))).toBe(true);
      expectClose(grad(logistic.logSigmoid)(z), 1 / (1 + Math.exp(z)), 1e-12, 1e-300);
    }
  });
});

/**
 * Each named node of a toDot drawing, as its operation over its operands:
 * named nodes, inputs and constants by name, other operations written out
 * (infix ones in parentheses) — e.g. { d: "y × log(c)" }.
 */
function tapeDefinitions(dot: string): Record<string, string> {
  const nodes = new Map<string, { text: string; shape: string; args: string[] }>();
  for (const m of dot.matchAll(/^ {2}(\w+) \[label="(.*?)", shape=(\w+)\];$/gm)) nodes.set(m[1], { text: m[2].split("\\n")[0], shape: m[3], args: [] });
  for (const m of dot.matchAll(/^ {2}(\w+) -> (\w+)/gm)) nodes.get(m[2])!.args.push(m[1]); // in argument order
  const named = (text: string) => /^(\w+) = (.+)$/.exec(text);
  const operand = (id: string): string => {
    const node = nodes.get(id)!;
    if (node.shape !== "ellipse") return node.text;
    const name = named(node.text);
    if (name) return name[1];
    return node.args.length === 2 ? `(${written(node)})` : written(node);
  };
  const written = (node: { text: string; args: string[] }): string => {
    const op = named(node.text)?.[2] ?? node.text;
    const [x, y] = node.args.map(operand);
    return node.args.length === 2 ? `${x} ${op} ${y}` : op === "−" ? `−${x}` : `${op}(${x})`;
  };
  const definitions: Record<string, string> = {};
  for (const node of nodes.values()) {
    const name = named(node.text);
    if (name && node.shape === "ellipse") definitions[name[1]] = written(node);
  }
  return definitions;
}

describe("4. the computational graph of y·log(1/(1 + exp(−w0 − w1·x)))", () => {
  test("has the lecture's nodes a, b, c, d with their values", () => {
    const { w0, w1, x, y } = r4.point;
    expect(r4.nodes.map((n) => n.name)).toEqual(["a", "b", "c", "d"]);
    const a = -w0 - w1 * x;
    const b = Math.exp(a);
    const c = 1 / (1 + b);
    expectClose(
      r4.nodes.map((n) => n.value),
      [a, b, c, y * Math.log(c)],
      1e-15,
    );
    expectClose(
      r4.nodes.map((n) => n.localPartial),
      [-1, b, -1 / (1 + b) ** 2, y / c],
      1e-14,
    );
    for (const name of ["a", "b", "c", "d"]) expect(r4.dot).toMatch(new RegExp(`^  ${name} \\[label="${name} = `, "m"));
  });

  test("the tape's figure names the lecture's nodes, each the operation the text says over the text's operands", () => {
    // d = y·log(c) is a product on the tape too (not the log it multiplies), and so on up: read back from the figure's DOT.
    const definitions = tapeDefinitions(r4.tapeDot);
    expect(definitions).toEqual({ a: `−w0 − (w1 × ${r4.point.x})`, b: "exp(a)", c: "1 ÷ (1 + b)", d: "y × log(c)" });
  });

  test("the chain-rule product, both sweeps, the generated code and the tape agree", () => {
    const { w0, w1, x, y } = r4.point;
    const f = 1 / (1 + Math.exp(-(w0 + w1 * x)));
    const analytic = [y * (1 - f), y * (1 - f) * x]; // ∂/∂w (y·log σ(w0 + w1·x))
    expectClose(r4.forwardGradient, analytic, 1e-12);
    expectClose(r4.reverseGradient, analytic, 1e-12);
    expectClose(r4.chainRule, analytic[0], 1e-12);
    expectClose(
      r4.generatedTangents,
      r4.nodes.map((n) => n.tangent),
      1e-12,
    );
    expectClose(
      r4.tapeAdjoints,
      r4.nodes.map((n) => n.adjoint),
      1e-12,
    );
  });
});

describe("5. language modelling", () => {
  test("the lecture's sentence becomes indices and one-hot vectors", () => {
    const { vocabulary, indices } = language.indexWords(language.sentence.split(" "));
    expect(vocabulary).toEqual(["Nathalia", "está", "estudiando", "matemáticas"]);
    expect(indices).toEqual([0, 1, 2, 3]);
    expect(language.oneHot(2, 4)).toEqual([0, 0, 1, 0]);
  });

  test("the corpus is larger than one sentence", () => {
    expect(r5.tokens).toBeGreaterThan(200);
    expect(r5.vocabularySize).toBeGreaterThan(20);
    expect(r5.parameters).toBe(r5.vocabularySize ** 2);
  });

  test("the loss falls well below the uniform model's log V", () => {
    expectClose(r5.uniformLoss, Math.log(r5.vocabularySize), 1e-15);
    expect(r5.losses[0]).toBeGreaterThan(r5.uniformLoss - 0.05);
    expect(r5.losses.at(-1)!).toBeLessThan(r5.uniformLoss - 2);
    expect(r5.perplexities.at(-1)!).toBeLessThan(r5.vocabularySize / 10);
  });

  test("samples are sentences of the corpus's words, the same on every run", () => {
    expect(r5.samples.length).toBeGreaterThanOrEqual(3);
    for (const s of r5.samples) expect(s).toMatch(/^\p{Lu}[\p{L} ]*(\.| …)$/u);
    expect(narration.join("\n")).toContain(r5.samples[0]);
  });

  test("forward mode needs a pass per parameter; all three routes give the same gradient", () => {
    expect(r5.cost.forwardPasses).toBe(r5.parameters);
    expect(r5.cost.chunkedPasses).toBe(Math.ceil(r5.parameters / 12));
    expect(r5.cost.maxDifference).toBeLessThan(1e-12);
  });
});

test("every figure is written and is well-formed SVG", () => {
  const figures = [r1, r2, r3, r4, r5].flatMap((r) => r.figures);
  expect(figures.length).toBe(7);
  const parser = new XMLParser({ ignoreAttributes: false, ignoreDeclaration: true });
  for (const file of figures) {
    expect(file.startsWith(outDir), file).toBe(true);
    expect(existsSync(file), file).toBe(true);
    const svg = readFileSync(file, "utf8");
    expect(XMLValidator.validate(svg), file).toBe(true);
    const root = Object.keys(parser.parse(svg)).filter((k) => !k.startsWith("?") && !k.startsWith("!") && k !== "#text");
    expect(root, file).toEqual(["svg"]);
    expect(svg.length, file).toBeGreaterThan(1000);
  }
});
