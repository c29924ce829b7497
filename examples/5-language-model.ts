// Step 5 of the lecture: language modelling. First the lecture's sentence
// "Nathalia está estudiando matemáticas" becomes indices and one-hot vectors;
// then a bigram softmax model — a one-layer network from the one-hot vector of
// a word to a probability for every next word — is trained with cross-entropy
// on a small Spanish corpus (corpus.ts) by gradient descent, its gradient
// taken in reverse mode. Loss and perplexity fall below the uniform model's
// log V; the model writes a few sentences (seeded, so always the same ones);
// and the cost of that gradient by forward mode, one tangent per parameter, is
// set against the reverse-mode route: the reason reverse mode exists.

import { grad, valueAndGrad } from "dualts";
import { corpus, words } from "./corpus.js";
import { shown, writeChart } from "./lib/figures.js";
import { heading, isMain, logOf, table, type ExampleOptions } from "./lib/narration.js";
import { progressBar } from "./lib/progress.js";
import { drawIndex, gaussian, seededRandom } from "./lib/random.js";

export const sentence = "Nathalia está estudiando matemáticas";

/**
 * Mean cross-entropy of the bigram model over the corpus, in nats per word.
 * W[p·V + q] is the logit of word q after word p: the model's softmax layer
 * applied to the one-hot vector of p. Every occurrence of p shares one
 * softmax, so the corpus enters as, for each word p, the words that follow it
 * (followers[p]) and how often (counts[p]).
 *
 * @differentiable wrt(W)
 */
export function crossEntropy(W: Float64Array, V: number, followers: readonly (readonly number[])[], counts: readonly (readonly number[])[], tokens: number): number {
  let total = 0;
  for (let p = 0; p < V; p++) {
    if (followers[p].length === 0) continue;
    // log Σ_q exp(W[p, q]), shifted by the largest logit so that exp cannot overflow
    let max = W[p * V];
    for (let q = 1; q < V; q++) {
      if (W[p * V + q] > max) max = W[p * V + q];
    }
    let sum = 0;
    for (let q = 0; q < V; q++) sum += Math.exp(W[p * V + q] - max);
    const logSumExp = max + Math.log(sum);
    for (let k = 0; k < followers[p].length; k++) {
      total += counts[p][k] * (W[p * V + followers[p][k]] - logSumExp);
    }
  }
  return -total / tokens;
}

/** The words of a text, each with its index in the vocabulary (words in order of first appearance). */
export function indexWords(ws: readonly string[]): { vocabulary: string[]; indices: number[] } {
  const vocabulary: string[] = [];
  const index = new Map<string, number>();
  const indices = ws.map((w) => {
    if (!index.has(w)) {
      index.set(w, vocabulary.length);
      vocabulary.push(w);
    }
    return index.get(w)!;
  });
  return { vocabulary, indices };
}

/** The one-hot vector of index i among n words. */
export function oneHot(i: number, n: number): number[] {
  return Array.from({ length: n }, (_, j) => (j === i ? 1 : 0));
}

/** The corpus as the loss takes it: for every word, the words that follow it and how often. */
export function bigrams(indices: readonly number[], V: number): { followers: number[][]; counts: number[][]; tokens: number } {
  const followers = Array.from({ length: V }, () => [] as number[]);
  const counts = Array.from({ length: V }, () => [] as number[]);
  for (let t = 1; t < indices.length; t++) {
    const [p, q] = [indices[t - 1], indices[t]];
    const k = followers[p].indexOf(q);
    if (k >= 0) counts[p][k]++;
    else {
      followers[p].push(q);
      counts[p].push(1);
    }
  }
  return { followers, counts, tokens: indices.length - 1 };
}

/** The model's probabilities for the word after word p: softmax of row p of W. */
export function nextWordProbabilities(W: Float64Array, V: number, p: number): Float64Array {
  const row = W.subarray(p * V, (p + 1) * V);
  const max = Math.max(...row);
  const e = row.map((x) => Math.exp(x - max));
  const sum = e.reduce((a, b) => a + b, 0);
  return e.map((x) => x / sum);
}

const properNouns = new Set(["nathalia"]);

/** A sentence drawn from the model: words after ".", until the next "." (cut with "…" after `limit` words). */
export function sample(W: Float64Array, vocabulary: readonly string[], random: () => number, limit = 16): string {
  const V = vocabulary.length;
  const stop = vocabulary.indexOf(".");
  const out: string[] = [];
  let ended = false;
  for (let p = stop; !ended && out.length < limit; ) {
    p = drawIndex(random, nextWordProbabilities(W, V, p));
    if (p === stop) ended = true;
    else out.push(vocabulary[p]);
  }
  const text = out.map((w, i) => (i === 0 || properNouns.has(w) ? w[0].toLocaleUpperCase("es") + w.slice(1) : w)).join(" ");
  return ended ? `${text}.` : `${text} …`;
}

export interface LanguageModelResult {
  readonly vocabularySize: number;
  readonly tokens: number;
  readonly parameters: number;
  /** log V: the cross-entropy of the uniform model, which gives every word 1/V. */
  readonly uniformLoss: number;
  readonly losses: number[];
  readonly perplexities: number[];
  readonly samples: string[];
  readonly cost: { forwardPasses: number; chunkedPasses: number; forwardSeconds: number; chunkedSeconds: number; reverseSeconds: number; maxDifference: number };
  readonly figures: string[];
}

export interface LanguageModelOptions extends ExampleOptions {
  /** Gradient-descent steps (default 100). */
  readonly steps?: number;
}

/** The shortest of `repeats` timed runs of f, in seconds, and f's result. */
function timed<T>(f: () => T, repeats = 1): { seconds: number; result: T } {
  let best = Infinity;
  let result!: T;
  for (let r = 0; r < repeats; r++) {
    const start = performance.now();
    result = f();
    best = Math.min(best, (performance.now() - start) / 1000);
  }
  return { seconds: best, result };
}

export async function run(options: LanguageModelOptions = {}): Promise<LanguageModelResult> {
  const log = logOf(options);
  heading(log, "5. Language modelling");

  // Words → indices → one-hot vectors, for the lecture's sentence.
  const own = indexWords(sentence.split(" "));
  log(`   "${sentence}": words → indices → one-hot vectors`);
  log("");
  table([["word", "index", "one-hot vector"], ...own.vocabulary.map((w, i) => [w, String(i), `[${oneHot(i, own.vocabulary.length).join(", ")}]`])]).forEach((l) => log(l));

  // The corpus, in the same way.
  const ws = words(corpus);
  const { vocabulary, indices } = indexWords([".", ...ws]);
  const V = vocabulary.length;
  const { followers, counts, tokens } = bigrams(indices, V);
  const m = vocabulary.indexOf("matemáticas");
  log("");
  log(`   A Spanish corpus of ${ws.filter((w) => w === ".").length} sentences: ${tokens} words, a vocabulary of V = ${V} (with "." ending each sentence).`);
  const inCorpus = sentence
    .toLocaleLowerCase("es")
    .split(" ")
    .map((w) => vocabulary.indexOf(w));
  log(`   In its vocabulary the sentence is [${inCorpus.join(", ")}]; "matemáticas" is a one-hot vector of length ${V}`);
  log(`   with its single 1 at position ${m}.`);
  log("");
  log(`   The model: logits = W·onehot(previous word), P(next word) = softmax(logits); W is ${V} × ${V} = ${V * V} parameters.`);
  log(`   The loss: cross-entropy, −1/N Σ log P(wordₜ | wordₜ₋₁), computed with a stable log-sum-exp.`);
  log(`   A model that knows nothing gives every word 1/V: its loss is log V = ${Math.log(V).toFixed(4)}, perplexity V = ${V}.`);
  log("");

  // Gradient descent from small random weights, the gradient by reverse mode.
  const random = seededRandom(5);
  const W = new Float64Array(V * V).map(() => 0.01 * gaussian(random));
  const steps = options.steps ?? 100;
  const rate = 50;
  const losses: number[] = [];
  const row = (step: number, loss: number) => `     ${String(step).padStart(4)}   ${loss.toFixed(4)}   ${Math.exp(loss).toFixed(2).padStart(10)}`;
  log(`   Gradient descent, ${steps} steps of size ${rate}, from small random weights; the gradient by reverse mode:`);
  const bar = progressBar(options, "training", steps, "| loss {loss} | perplexity {perplexity}");
  bar.note("     step   loss     perplexity");
  // wrt: 0 repeats the tag's wrt(W) for TypeScript, whose types do not read JSDoc: the gradient is typed number[].
  const gradientOf = valueAndGrad(crossEntropy, { wrt: 0, mode: "reverse" });
  const every = Math.max(1, Math.round(steps / 5));
  for (let step = 0; step < steps; step++) {
    const [loss, gradient] = gradientOf(W, V, followers, counts, tokens);
    losses.push(loss);
    if (step % every === 0) bar.note(row(step, loss));
    for (let i = 0; i < W.length; i++) W[i] -= rate * gradient[i];
    await bar.tick(step + 1, { loss: loss.toFixed(4), perplexity: Math.exp(loss).toFixed(2) });
  }
  const final = crossEntropy(W, V, followers, counts, tokens);
  losses.push(final);
  bar.stop();
  log(row(steps, final));
  log("");
  log(`   loss ${losses[0].toFixed(4)} → ${final.toFixed(4)} nats per word, below the uniform model's log V = ${Math.log(V).toFixed(4)};`);
  log(`   perplexity ${Math.exp(losses[0]).toFixed(1)} → ${Math.exp(final).toFixed(2)}: the model hesitates between about ${Math.round(Math.exp(final))} words, not ${V}.`);

  // Sentences from the model.
  const sampler = seededRandom(2024);
  const samples = [0, 1, 2, 3].map(() => sample(W, vocabulary, sampler));
  log("");
  log("   Sentences the model writes (seeded, so the same on every run):");
  samples.forEach((s) => log(`     ${s}`));

  // What the gradient costs, forward against reverse.
  const args = [W, V, followers, counts, tokens] as const;
  const { seconds: reverseSeconds, result: reverse } = timed(() => grad(crossEntropy, { wrt: 0, mode: "reverse" })(...args), 5);
  const { seconds: chunkedSeconds, result: chunked } = timed(() => grad(crossEntropy, { wrt: 0, mode: "forward" })(...args), 2);
  const { seconds: forwardSeconds, result: forward } = timed(() => grad(crossEntropy, { wrt: 0, chunk: 1 })(...args));
  const maxDifference = Math.max(...forward.map((g, i) => Math.max(Math.abs(g - reverse[i]), Math.abs(chunked[i] - reverse[i]))));
  const n = V * V;
  const chunkedPasses = Math.ceil(n / 12);
  log("");
  log(`   The gradient has ${n} entries, one per parameter. What one gradient costs here:`);
  log("");
  table(
    [
      ["route", "passes over the corpus", "time (measured)"],
      ["forward mode, one tangent per pass", `${n} (one per parameter)`, `${forwardSeconds.toFixed(3)} s`],
      ["forward mode, 12 tangents per pass", `${chunkedPasses} (⌈${n}/12⌉)`, `${chunkedSeconds.toFixed(3)} s`],
      ["reverse mode", "1 on the tape + 1 backward sweep", `${reverseSeconds.toFixed(3)} s`],
    ],
    5,
  ).forEach((l) => log(l));
  log("");
  log(`   All three gradients agree (largest difference ${maxDifference.toExponential(1)}). Forward mode's passes grow with the`);
  log("   number of parameters, reverse mode's do not: a network with a million parameters needs a million");
  log("   forward passes for one gradient (83,334 with 12 tangents each), and still one reverse sweep.");

  const figure = await writeChart(options, "5-language-model.svg", {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: "Bigram language model: cross-entropy during gradient descent",
    width: 480,
    height: 280,
    layer: [
      {
        data: { values: losses.map((loss, step) => ({ step, loss })) },
        mark: { type: "line", strokeWidth: 2 },
        encoding: {
          x: { field: "step", type: "quantitative", title: "gradient-descent step" },
          y: { field: "loss", type: "quantitative", title: "loss (nats per word)", scale: { domain: [0, Math.ceil(Math.log(V))] } },
        },
      },
      {
        data: { values: [{ baseline: Math.log(V), label: `uniform model: log V = ${Math.log(V).toFixed(2)}` }] },
        layer: [
          { mark: { type: "rule", strokeDash: [4, 4], color: "#888" }, encoding: { y: { field: "baseline", type: "quantitative" } } },
          { mark: { type: "text", align: "right", dy: -8, color: "#555" }, encoding: { y: { field: "baseline", type: "quantitative" }, x: { value: 475 }, text: { field: "label" } } },
        ],
      },
    ],
  });
  log("");
  log(`   Figure: ${shown(figure)}`);

  return {
    vocabularySize: V,
    tokens,
    parameters: n,
    uniformLoss: Math.log(V),
    losses,
    perplexities: losses.map(Math.exp),
    samples,
    cost: { forwardPasses: n, chunkedPasses, forwardSeconds, chunkedSeconds, reverseSeconds, maxDifference },
    figures: [figure],
  };
}

if (isMain(import.meta.url)) await run();
