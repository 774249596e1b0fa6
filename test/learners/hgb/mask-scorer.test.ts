import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { toTrainingData } from '../../../src/data/dataset.js';
import type { Matrix } from '../../../src/data/matrix.js';
import { loadBundled } from '../../../src/data/read-file.js';
import { makeClassification, makeFriedman1 } from '../../../src/data/synthetic.js';
import '../../../src/learners/builtins.js';
import { fit } from '../../../src/learners/fit.js';
import { leafMasksOf } from '../../../src/learners/hgb/leaf-masks.js';
import { addTreesByMasks, addTreesToRow } from '../../../src/learners/hgb/mask-scorer.js';
import {
  type HgbState,
  outputWidth,
  predictHgb,
  predictRaw,
  predictRow,
} from '../../../src/learners/hgb/predictor.js';
import type { Spec, TrainingData } from '../../../src/learners/types.js';
import { createRandom } from '../../../src/random.js';

/** The reference: every row walks every tree from its root, as TreeArrays documents the nodes. */
function referenceRaw(state: HgbState, X: Matrix): Float64Array {
  const { trees, nTreesPerIteration: K } = state;
  const raw = new Float64Array(X.rows * K);
  for (let i = 0; i < X.rows; i++) {
    for (let k = 0; k < K; k++) raw[i * K + k] = state.baseline[k]!;
    for (let t = 0; t < trees.roots.length; t++) {
      let node = trees.roots[t]!;
      while (node >= 0) {
        const f = trees.feature[node]!;
        const x = X.data[i * X.cols + f]!;
        const bitset = trees.bitsetIndex[node]!;
        let left: boolean;
        if (bitset < 0) left = Number.isNaN(x) ? trees.missingLeft[node] === 1 : x <= trees.threshold[node]!;
        else if (!Number.isInteger(x) || x < 0 || x > 255 || !bit(trees.knownCategories, f, x)) {
          left = trees.missingLeft[node] === 1;
        } else left = bit(trees.catBitsets, bitset, x);
        node = left ? trees.left[node]! : trees.right[node]!;
      }
      raw[i * K + (t % K)]! += trees.leafValue[~node]!;
    }
  }
  return raw;
}

function bit(bitsets: Uint32Array, index: number, code: number): boolean {
  return ((bitsets[index * 8 + (code >>> 5)]! >>> (code & 31)) & 1) === 1;
}

/**
 * Rows that test every edge: the data's rows with, at random, values equal to a split threshold
 * of their column, one ulp above it, NaN, ±Infinity — plus the rows as they are.
 */
function hardRows(state: HgbState, X: Matrix, nRows: number, seed: number): Matrix {
  const random = createRandom(seed);
  const { trees } = state;
  const byFeature: number[][] = Array.from({ length: X.cols }, () => []);
  for (let n = 0; n < trees.feature.length; n++) byFeature[trees.feature[n]!]!.push(trees.threshold[n]!);
  const data = new Float64Array(nRows * X.cols);
  for (let i = 0; i < nRows; i++) {
    for (let j = 0; j < X.cols; j++) {
      const own = X.data[(i % X.rows) * X.cols + j]!;
      const thresholds = byFeature[j]!;
      const threshold = thresholds.length > 0 ? thresholds[random.int(thresholds.length)]! : own;
      const pick = random.int(8);
      data[i * X.cols + j] =
        [threshold, threshold + Math.abs(threshold) * 2 ** -52, Number.NaN, Infinity, -Infinity][pick] ?? own;
    }
  }
  return { rows: nRows, cols: X.cols, data };
}

/**
 * hardRows, plus, in the categorical columns, codes seen and unseen in training, codes out of range
 * (−1, 256, 300), non-integers (2.5), −0, NaN and ±Infinity.
 */
function categoryRows(state: HgbState, X: Matrix, nRows: number, seed: number): Matrix {
  const rows = hardRows(state, X, nRows, seed);
  const random = createRandom(seed + 100);
  const { trees } = state;
  const categorical = new Set<number>();
  for (let n = 0; n < trees.feature.length; n++)
    if (trees.bitsetIndex[n]! >= 0) categorical.add(trees.feature[n]!);
  const odd = [-1, 256, 300, 2.5, -0, Number.NaN, Infinity, -Infinity];
  for (let i = 0; i < rows.rows; i++) {
    for (const f of categorical) {
      const pick = random.int(4);
      if (pick === 0) rows.data[i * X.cols + f] = odd[random.int(odd.length)]!;
      else if (pick === 1) rows.data[i * X.cols + f] = random.int(60);
      else rows.data[i * X.cols + f] = X.data[random.int(X.rows) * X.cols + f]!;
    }
  }
  return rows;
}

function assertSameBits(actual: Float64Array, expected: Float64Array, what: string): void {
  assert.equal(actual.length, expected.length, what);
  for (let i = 0; i < actual.length; i++) {
    assert.ok(
      Object.is(actual[i], expected[i]),
      `${what}: value ${i} is ${actual[i]}, expected ${expected[i]}`,
    );
  }
}

async function stateOf(spec: Spec, data: TrainingData): Promise<HgbState> {
  return (await fit(spec, data)).state as HgbState;
}

/** The batch and the row paths give the reference's raw scores to the bit, and the links agree. */
function checkModel(state: HgbState, X: Matrix, usesMasks: boolean): void {
  assert.equal(leafMasksOf(state.trees, state.nTreesPerIteration) !== undefined, usesMasks);
  const expected = referenceRaw(state, X);
  assertSameBits(predictRaw(state, X), expected, 'predictRaw');
  const K = state.nTreesPerIteration;
  const batch = predictHgb(state, X);
  const out = new Float64Array(outputWidth(state));
  for (let i = 0; i < X.rows; i++) {
    predictRow(state, X.data.subarray(i * X.cols, (i + 1) * X.cols), out);
    assertSameBits(out, batch.subarray(i * out.length, (i + 1) * out.length), `predictRow, row ${i}`);
  }
  // Block edges: one row, an odd count, exactly one block, and one past it.
  for (const rows of [0, 1, 255, 256, 257]) {
    const part = { rows, cols: X.cols, data: X.data.subarray(0, rows * X.cols) };
    assertSameBits(predictRaw(state, part), expected.subarray(0, rows * K), `${rows} rows`);
  }
}

describe('leaf-mask scoring equals the tree walk to the bit', async () => {
  const friedman = makeFriedman1({ nSamples: 2000, nFeatures: 20, noise: 1, seed: 11 });
  const train = { ...friedman, X: { ...friedman.X, data: friedman.X.data.slice() } };
  const random = createRandom(12);
  for (let i = 0; i < train.X.data.length; i++) if (random.next() < 0.05) train.X.data[i] = Number.NaN;
  const regression = { kind: 'histGradientBoosting', maxIter: 40, maxLeafNodes: 31 } as const;

  test('regression with missing values, 31 leaves, trees reading 2 to over 9 features', async () => {
    const state = await stateOf(regression, train);
    const pairs = leafMasksOf(state.trees, 1)!.pairStart;
    const counts = new Set(pairs.subarray(1).map((end, t) => end - pairs[t]!));
    // One pass (2 … 6 pairs), and passes of three with one ANDing pass or more (9, 12 … pairs).
    assert.ok(counts.has(5) && [...counts].some((n) => n >= 12), `pairs per tree: ${[...counts]}`);
    checkModel(state, hardRows(state, train.X, 700, 1), true);
  });

  test('poisson (log link), 32 leaves', async () => {
    const counts = { ...train, y: train.y.map((v) => Math.round(Math.max(v, 0))) };
    const state = await stateOf({ ...regression, loss: 'poisson', maxLeafNodes: 32 }, counts);
    checkModel(state, hardRows(state, train.X, 700, 2), true);
  });

  test('63 leaves fall back to the tree walk', async () => {
    const state = await stateOf({ ...regression, maxIter: 10, maxLeafNodes: 63 }, train);
    checkModel(state, hardRows(state, train.X, 300, 3), false);
  });

  test('binary (logit) and multiclass (softmax, tree t adds to score t mod K)', async () => {
    for (const nClasses of [2, 4]) {
      const data = makeClassification({ nSamples: 1200, nFeatures: 6, nInformative: 4, nClasses, seed: 13 });
      const state = await stateOf({ kind: 'histGradientBoosting', maxIter: 15 }, data);
      assert.equal(state.nTreesPerIteration, nClasses === 2 ? 1 : nClasses);
      checkModel(state, hardRows(state, data.X, 600, nClasses), true);
    }
  });

  test('penguins: numeric codes and categorical splits both use masks', async () => {
    const penguins = await loadBundled('penguins');
    const data = toTrainingData(penguins.dataset, { target: penguins.target });
    const numeric = await stateOf(
      { kind: 'histGradientBoosting', maxIter: 20, categoricalFeatures: 'none' },
      data,
    );
    checkModel(numeric, hardRows(numeric, data.X, 400, 5), true);
    const categorical = await stateOf({ kind: 'histGradientBoosting', maxIter: 20 }, data);
    assert.ok(categorical.trees.catBitsets.length > 0);
    checkModel(categorical, data.X, true);
    checkModel(categorical, categoryRows(categorical, data.X, 600, 6), true);
  });

  test('categorical splits on many codes: seen, unseen, invalid and missing codes go as the walk sends them', async () => {
    // 40 category codes (every tenth one unseen in training), a numeric column beside them.
    const n = 3000;
    const random = createRandom(21);
    const X = new Float64Array(n * 2);
    const y = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      let code = random.int(40);
      if (code % 10 === 7) code -= 1;
      X[2 * i] = code;
      X[2 * i + 1] = random.normal();
      y[i] = Math.sin(code) * 3 + X[2 * i + 1]! + random.normal() * 0.1;
    }
    const levels = Array.from({ length: 40 }, (_, c) => `c${c}`);
    const data: TrainingData = {
      task: 'regression',
      X: { rows: n, cols: 2, data: X },
      y,
      features: [
        { name: 'code', kind: 'categorical', levels },
        { name: 'x', kind: 'numeric' },
      ],
    };
    const state = await stateOf({ kind: 'histGradientBoosting', maxIter: 30, earlyStopping: false }, data);
    assert.ok(state.trees.catBitsets.length > 0);
    checkModel(state, categoryRows(state, data.X, 800, 7), true);
  });

  test('trees that are a single leaf add their value', async () => {
    const flat = { ...train, y: new Float64Array(train.y.length).fill(3) };
    const state = await stateOf({ kind: 'histGradientBoosting', maxIter: 5 }, flat);
    assert.ok(state.trees.roots.every((root) => root < 0));
    checkModel(state, train.X, true);
  });
});

test('addTreesToRow and addTreesByMasks add to the scores they are given', async () => {
  const data = makeFriedman1({ nSamples: 400, nFeatures: 5, seed: 2 });
  const state = (await fit({ kind: 'histGradientBoosting', maxIter: 10 }, data)).state as HgbState;
  const masks = leafMasksOf(state.trees, 1)!;
  const X = { rows: 3, cols: 5, data: data.X.data.subarray(0, 15) };
  const expected = referenceRaw(state, X);
  const raw = Float64Array.of(state.baseline[0]!, state.baseline[0]!, state.baseline[0]!);
  addTreesByMasks(masks, X, raw);
  assertSameBits(raw, expected, 'addTreesByMasks');
  const out = Float64Array.of(state.baseline[0]!);
  addTreesToRow(masks, X.data.subarray(5, 10), out);
  assert.ok(Object.is(out[0], expected[1]));
});

test("a row's position in a feature is the number of its distinct thresholds below the value (NaN: one past)", async () => {
  const data = makeFriedman1({ nSamples: 3000, nFeatures: 5, seed: 6 });
  const state = (await fit({ kind: 'histGradientBoosting', maxIter: 30 }, data)).state as HgbState;
  const masks = leafMasksOf(state.trees, 1)!;
  const thresholds = Array.from({ length: 5 }, (_, f) => [
    ...new Set([...state.trees.threshold].filter((_, n) => state.trees.feature[n] === f)),
  ]);
  const rows = hardRows(state, data.X, 300, 7);
  const out = new Float64Array(1);
  for (let i = 0; i < rows.rows; i++) {
    const row = rows.data.subarray(i * 5, (i + 1) * 5);
    addTreesToRow(masks, row, out);
    for (let f = 0; f < 5; f++) {
      const x = row[f]!;
      const below = thresholds[f]!.filter((c) => c < x).length;
      const expected = Number.isNaN(x) ? thresholds[f]!.length + 1 : below;
      assert.equal(masks.work[masks.columnAt[f]!], expected, `row ${i}, x${f} = ${x}`);
    }
  }
});
