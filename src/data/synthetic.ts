import { StacklearnError } from '../errors.js';
import type { ClassificationData, Feature, RegressionData } from '../learners/types.js';
import { createRandom, type Random, shuffleInPlace } from '../random.js';
import { range } from './matrix.js';

/** Options of {@link makeFriedman1}. */
export interface Friedman1Options {
  readonly nSamples: number;
  /** At least 5; only the first 5 matter. Default 10. */
  readonly nFeatures?: number;
  /** Standard deviation of the Gaussian noise added to y. Default 0. */
  readonly noise?: number;
  readonly seed: number;
}

/**
 * Friedman #1 regression data, as scikit-learn's `make_friedman1`: x uniform on [0, 1] and
 * y = 10 sin(π x0 x1) + 20 (x2 − 0.5)² + 10 x3 + 5 x4 + noise · N(0, 1).
 *
 * @example
 * const data = makeFriedman1({ nSamples: 1000, noise: 1, seed: 0 });
 */
export function makeFriedman1(options: Friedman1Options): RegressionData {
  const { nSamples, nFeatures = 10, noise = 0, seed } = options;
  checkInteger('makeFriedman1', 'nSamples', nSamples, 1);
  checkInteger('makeFriedman1', 'nFeatures', nFeatures, 5);
  checkNumber('makeFriedman1', 'noise', noise, 0);
  checkInteger('makeFriedman1', 'seed', seed, 0);
  const random = createRandom(seed);
  const X = new Float64Array(nSamples * nFeatures);
  for (let i = 0; i < X.length; i++) X[i] = random.next();
  const y = new Float64Array(nSamples);
  for (let i = 0; i < nSamples; i++) {
    const o = i * nFeatures;
    const x2 = X[o + 2]! - 0.5;
    y[i] = 10 * Math.sin(Math.PI * X[o]! * X[o + 1]!) + 20 * x2 * x2 + 10 * X[o + 3]! + 5 * X[o + 4]!;
  }
  if (noise > 0) for (let i = 0; i < nSamples; i++) y[i]! += noise * random.normal();
  return {
    task: 'regression',
    X: { rows: nSamples, cols: nFeatures, data: X },
    features: names(nFeatures),
    y,
  };
}

/** Options of {@link makeClassification} (scikit-learn's names and defaults). */
export interface ClassificationOptions {
  readonly nSamples: number;
  readonly nFeatures?: number;
  readonly nInformative?: number;
  readonly nRedundant?: number;
  readonly nClasses?: number;
  readonly nClustersPerClass?: number;
  /** Half the side of the hypercube whose vertices hold the cluster centres. */
  readonly classSep?: number;
  /** Fraction of rows whose class is replaced by a random one. */
  readonly flipY?: number;
  readonly seed: number;
}

/**
 * Classification data as scikit-learn's `make_classification` makes it: Gaussian clusters (each
 * linearly distorted) centred on distinct vertices of a hypercube of side 2·classSep in the
 * informative features, redundant features as random linear combinations of the informative ones,
 * pure-noise features for the rest; rows and columns shuffled. Classes are named '0', '1', ...
 *
 * @example
 * const data = makeClassification({ nSamples: 500, nFeatures: 8, nClasses: 3, seed: 1 });
 */
export function makeClassification(options: ClassificationOptions): ClassificationData {
  const o = { nFeatures: 20, nInformative: 2, nRedundant: 2, nClasses: 2, nClustersPerClass: 2, ...options };
  const { nSamples, nFeatures, nInformative, nRedundant, nClasses, nClustersPerClass } = o;
  const classSep = o.classSep ?? 1;
  const flipY = o.flipY ?? 0.01;
  checkClassificationOptions(o, classSep, flipY);
  const random = createRandom(o.seed);
  const nClusters = nClasses * nClustersPerClass;
  const centroids = hypercubeVertices(nClusters, nInformative, random);
  const p = nFeatures;
  const X = new Float64Array(nSamples * p);
  const y = new Int32Array(nSamples);
  for (let i = 0; i < X.length; i++) X[i] = random.normal();
  const row = new Float64Array(nInformative);
  const A = new Float64Array(nInformative * nInformative);
  let start = 0;
  for (let k = 0; k < nClusters; k++) {
    const size = Math.floor(nSamples / nClusters) + (k < nSamples % nClusters ? 1 : 0);
    for (let i = 0; i < A.length; i++) A[i] = 2 * random.next() - 1;
    for (let i = start; i < start + size; i++) {
      y[i] = k % nClasses;
      row.set(X.subarray(i * p, i * p + nInformative));
      for (let b = 0; b < nInformative; b++) {
        let sum = 0;
        for (let a = 0; a < nInformative; a++) sum += row[a]! * A[a * nInformative + b]!;
        X[i * p + b] = sum + classSep * (2 * centroids[k * nInformative + b]! - 1);
      }
    }
    start += size;
  }
  // Redundant features: random linear combinations of the informative ones.
  const B = Float64Array.from({ length: nInformative * nRedundant }, () => 2 * random.next() - 1);
  for (let i = 0; i < nSamples; i++) {
    for (let r = 0; r < nRedundant; r++) {
      let sum = 0;
      for (let a = 0; a < nInformative; a++) sum += X[i * p + a]! * B[a * nRedundant + r]!;
      X[i * p + nInformative + r] = sum;
    }
  }
  for (let i = 0; i < nSamples; i++) if (random.next() < flipY) y[i] = random.int(nClasses);
  const rows = shuffleInPlace(range(nSamples), random);
  const cols = shuffleInPlace(range(p), random);
  const out = new Float64Array(nSamples * p);
  const yOut = new Int32Array(nSamples);
  for (let i = 0; i < nSamples; i++) {
    const from = rows[i]! * p;
    for (let j = 0; j < p; j++) out[i * p + j] = X[from + cols[j]!]!;
    yOut[i] = y[rows[i]!]!;
  }
  return {
    task: nClasses === 2 ? 'binary' : 'multiclass',
    X: { rows: nSamples, cols: p, data: out },
    features: names(p),
    y: yOut,
    classes: Array.from({ length: nClasses }, (_, c) => String(c)),
  };
}

/** `count` distinct vertices of the unit hypercube in `d` dimensions, as 0/1 coordinates (row-major). */
function hypercubeVertices(count: number, d: number, random: Random): Uint8Array {
  const out = new Uint8Array(count * d);
  const seen = new Set<string>();
  const vertex = new Uint8Array(d);
  for (let k = 0; k < count; ) {
    for (let j = 0; j < d; j++) vertex[j] = random.next() < 0.5 ? 0 : 1;
    const key = vertex.join('');
    if (seen.has(key)) continue;
    seen.add(key);
    out.set(vertex, k * d);
    k++;
  }
  return out;
}

function checkClassificationOptions(
  o: Required<Omit<ClassificationOptions, 'classSep' | 'flipY'>>,
  classSep: number,
  flipY: number,
): void {
  const name = 'makeClassification';
  checkInteger(name, 'nSamples', o.nSamples, 1);
  checkInteger(name, 'nFeatures', o.nFeatures, 1);
  checkInteger(name, 'nInformative', o.nInformative, 1);
  checkInteger(name, 'nRedundant', o.nRedundant, 0);
  checkInteger(name, 'nClasses', o.nClasses, 2);
  checkInteger(name, 'nClustersPerClass', o.nClustersPerClass, 1);
  checkNumber(name, 'classSep', classSep, 0);
  checkNumber(name, 'flipY', flipY, 0, 1);
  checkInteger(name, 'seed', o.seed, 0);
  if (o.nInformative + o.nRedundant > o.nFeatures) {
    throw new StacklearnError(
      `${name}: nInformative + nRedundant (${o.nInformative} + ${o.nRedundant}) must be ≤ nFeatures (${o.nFeatures})`,
    );
  }
  if (o.nClasses * o.nClustersPerClass > 2 ** o.nInformative) {
    throw new StacklearnError(
      `${name}: nClasses × nClustersPerClass (${o.nClasses} × ${o.nClustersPerClass}) must be ≤ 2 ** nInformative (${2 ** o.nInformative})`,
    );
  }
}

function checkInteger(fn: string, name: string, value: number, min: number): void {
  if (!Number.isInteger(value) || value < min) {
    throw new StacklearnError(`${fn}: ${name} must be an integer ≥ ${min}; received ${value}`);
  }
}

function checkNumber(
  fn: string,
  name: string,
  value: number,
  min: number,
  max = Number.POSITIVE_INFINITY,
): void {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
    const range = max === Number.POSITIVE_INFINITY ? `≥ ${min}` : `in [${min}, ${max}]`;
    throw new StacklearnError(`${fn}: ${name} must be a number ${range}; received ${value}`);
  }
}

function names(p: number): Feature[] {
  return Array.from({ length: p }, (_, j) => ({ name: `x${j}`, kind: 'numeric' as const }));
}
