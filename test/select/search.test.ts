import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { matrix } from '../../src/data/matrix.js';
import '../../src/learners/builtins.js';
import { fit } from '../../src/learners/fit.js';
import { types } from '../../src/learners/params.js';
import { registerLearner } from '../../src/learners/registry.js';
import type { LearnerDef, RegressionData, Spec, TrainingData } from '../../src/learners/types.js';
import { formatLeaderboard } from '../../src/report/leaderboard.js';
import { makeFolds } from '../../src/select/folds.js';
import { gridSearch, randomSearch } from '../../src/select/search.js';
import { searchLeaderboard } from '../../src/select/search-leaderboard.js';
import type { SearchSpace } from '../../src/select/search-space.js';

interface FixtureCandidate {
  params: Record<string, unknown>;
  scores: number[];
  meanScore: number;
  stdScore: number;
  rank: number;
}

interface FixtureCase {
  name: string;
  task: 'regression' | 'multiclass';
  spec: Spec;
  space: SearchSpace;
  metric: string;
  X: (number | null)[][];
  y: number[];
  classes?: string[];
  featureNames?: string[];
  candidates: FixtureCandidate[];
  bestParams: Record<string, unknown>;
}

const fixture = JSON.parse(readFileSync(new URL('../fixtures/search.json', import.meta.url), 'utf8')) as {
  nSplits: number;
  cases: FixtureCase[];
};

function dataOf(c: FixtureCase): TrainingData {
  const X = matrix(c.X.map((row) => row.map((v) => (v === null ? Number.NaN : v))));
  const features = Array.from({ length: X.cols }, (_, j) => ({
    name: c.featureNames?.[j] ?? `x${j}`,
    kind: 'numeric' as const,
  }));
  if (c.task === 'regression') return { task: 'regression', X, features, y: Float64Array.from(c.y) };
  return { task: c.task, X, features, y: Int32Array.from(c.y), classes: c.classes! };
}

/** |a − b| within 1e-9, relative to the magnitude for large scores (MSE). */
function close(actual: number, expected: number, what: string): void {
  const tolerance = 1e-9 * Math.max(1, Math.abs(expected));
  assert.ok(Math.abs(actual - expected) <= tolerance, `${what}: ${actual} vs scikit-learn ${expected}`);
}

for (const c of fixture.cases) {
  test(`gridSearch matches scikit-learn's GridSearchCV: ${c.name}`, async () => {
    const result = await gridSearch(c.spec, c.space, dataOf(c), {
      cv: { kind: 'kFold', nSplits: fixture.nSplits },
      metric: c.metric,
      refit: false,
    });
    assert.equal(result.metric.name, c.metric);
    assert.equal(result.candidates.length, c.candidates.length);
    for (const expected of c.candidates) {
      const label = JSON.stringify(expected.params);
      const actual = result.candidates.find(
        (candidate) => JSON.stringify(candidate.params) === JSON.stringify(expected.params),
      );
      assert.ok(actual, `candidate ${label} is missing`);
      assert.equal(actual.error, undefined);
      assert.equal(actual.scores.length, fixture.nSplits);
      for (const [f, score] of expected.scores.entries())
        close(actual.scores[f]!, score, `${label} fold ${f}`);
      close(actual.meanScore, expected.meanScore, `${label} mean`);
      close(actual.stdScore, expected.stdScore, `${label} std`);
      assert.equal(actual.rank, expected.rank, `${label} rank`);
    }
    assert.deepEqual(result.best.params, c.bestParams);
    // Ties keep the grid order, which is scikit-learn's candidate order.
    const position = (params: unknown): number =>
      c.candidates.findIndex((e) => JSON.stringify(e.params) === JSON.stringify(params));
    for (let i = 1; i < result.candidates.length; i++) {
      const [a, b] = [result.candidates[i - 1]!, result.candidates[i]!];
      if (a.rank === b.rank) assert.ok(position(a.params) < position(b.params), `tie order at ${i}`);
      else assert.ok(a.rank < b.rank);
    }
  });
}

// Test learners: a constant prediction c, and one that records the rows it is fitted on.
const constant: LearnerDef<{ c: number }, { c: number }> = {
  kind: 'testConstant',
  summary: 'test only: predicts c',
  tasks: ['regression'],
  params: { c: { type: types.number(), default: 0, doc: 'the prediction' } },
  fit: ({ c }) => ({ c }),
  predictor:
    ({ c }) =>
    (X) =>
      new Float64Array(X.rows).fill(c),
};
const fitted: number[][] = [];
const recorder: LearnerDef<{ tag: number }, { mean: number }> = {
  kind: 'testRecorder',
  summary: 'test only: records its training rows (x), predicts the mean target',
  tasks: ['regression'],
  params: { tag: { type: types.int(), default: 0, doc: 'ignored' } },
  fit: (_, data) => {
    fitted.push([...data.X.data]);
    let sum = 0;
    for (let i = 0; i < data.y.length; i++) sum += data.y[i]!;
    return { mean: sum / data.y.length };
  },
  predictor:
    ({ mean }) =>
    (X) =>
      new Float64Array(X.rows).fill(mean),
};
registerLearner(constant);
registerLearner(recorder);

/** Rows x = 0 … n-1 (a row's x is its index) with target y. */
function rows(y: readonly number[]): RegressionData {
  return {
    task: 'regression',
    X: matrix(y.map((_, i) => [i])),
    features: [{ name: 'x', kind: 'numeric' }],
    y: Float64Array.from(y),
  };
}

const y10 = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
const unshuffled5 = { kind: 'kFold', nSplits: 5 } as const;

test('gridSearch ranks a constant by mean fold MSE: var(y) + (mean(y) − c)², lower is better, ties share a rank', async () => {
  // Equal folds: the mean of the fold MSEs is the MSE over all rows, 8.25 + (4.5 − c)².
  const result = await gridSearch({ kind: 'testConstant' }, { c: [0, 2, 4.5, 7] }, rows(y10), {
    cv: unshuffled5,
    metric: 'mse',
  });
  assert.equal(result.metric.name, 'mse');
  assert.equal(result.metric.greaterIsBetter, false);
  assert.deepEqual(
    result.candidates.map((c) => [c.params.c, c.meanScore, c.rank]),
    [
      [4.5, 8.25, 1],
      [2, 14.5, 2],
      [7, 14.5, 2],
      [0, 28.5, 4],
    ],
  );
  // Fold f tests rows 2f and 2f + 1: MSE ((2f − c)² + (2f + 1 − c)²) / 2.
  const c0 = result.candidates.find((c) => c.params.c === 0)!;
  assert.deepEqual(c0.scores, [0.5, 6.5, 20.5, 42.5, 72.5]);
  assert.deepEqual(result.best, {
    spec: { kind: 'testConstant', c: 4.5 },
    params: { c: 4.5 },
    meanScore: 8.25,
  });
});

test('gridSearch defaults to the main metric: R² for regression, greater is better', async () => {
  const result = await gridSearch({ kind: 'testConstant' }, { c: [0, 4.5] }, rows(y10), {
    cv: unshuffled5,
    refit: false,
  });
  assert.equal(result.metric.name, 'r2');
  assert.equal(result.best.params.c, 4.5);
});

test('gridSearch scores every candidate on the same folds, made once from cv and seed', async () => {
  fitted.length = 0;
  const data = rows(y10);
  await gridSearch({ kind: 'testRecorder' }, { tag: [1, 2, 3] }, data, { cv: 3, seed: 11, refit: false });
  const expected = makeFolds(3, data, 11).map((fold) => [...fold.train]);
  assert.equal(fitted.length, 9);
  for (let candidate = 0; candidate < 3; candidate++) {
    assert.deepEqual(fitted.slice(candidate * 3, candidate * 3 + 3), expected);
  }
});

test('gridSearch refits the best spec on all the data (default), or not with refit: false', async () => {
  const data = rows(y10);
  const result = await gridSearch({ kind: 'knn' }, { nNeighbors: [1, 3], weights: ['distance'] }, data, {
    cv: unshuffled5,
  });
  assert.ok(result.model);
  assert.deepEqual(result.model.spec, {
    kind: 'knn',
    nNeighbors: result.best.params.nNeighbors,
    weights: 'distance',
    p: 2,
  });
  const direct = await fit(result.best.spec, data);
  if (result.model.task === 'regression' && direct.task === 'regression') {
    assert.deepEqual(result.model.predict(data.X), direct.predict(data.X));
  }
  const noRefit = await gridSearch({ kind: 'knn' }, { nNeighbors: [1, 3] }, data, { refit: false });
  assert.equal(noRefit.model, undefined);
});

test('gridSearch reports a candidate that fails to fit with its error and ranks it last', async () => {
  // 20 rows, so 16 training rows per fold: 20 neighbours cannot be found.
  const data = rows(Array.from({ length: 20 }, (_, i) => i % 7));
  const result = await gridSearch({ kind: 'knn' }, { nNeighbors: [20, 1, 3] }, data, { refit: false });
  const last = result.candidates[2]!;
  assert.deepEqual(last.params, { nNeighbors: 20 });
  assert.equal(last.rank, 3);
  assert.ok(Number.isNaN(last.meanScore));
  assert.deepEqual(last.scores, []);
  assert.match(last.error!, /^fold 1: knn: nNeighbors is 20 but there are only 16 training rows/);
  assert.deepEqual(
    result.candidates.slice(0, 2).map((c) => c.error),
    [undefined, undefined],
  );
});

test('gridSearch throws when every candidate fails, quoting the first error', async () => {
  await assert.rejects(
    gridSearch({ kind: 'knn' }, { nNeighbors: [30, 40] }, rows(y10)),
    /gridSearch: all 2 candidates failed; the first \(nNeighbors=30\): fold 1: knn: nNeighbors is 30 but there are only 8 training rows/,
  );
});

test("gridSearch refuses an unknown metric, listing the task's metrics", async () => {
  await assert.rejects(
    gridSearch({ kind: 'knn' }, { nNeighbors: [1] }, rows(y10), { metric: 'accuracy' }),
    /gridSearch: unknown metric "accuracy" for a regression task; known metrics: r2, mse, rmse, mae, mape/,
  );
});

test('gridSearch refuses a candidate spec that fails validation, naming the candidate and the parameter', async () => {
  await assert.rejects(
    gridSearch({ kind: 'knn', weights: 'closest' }, { nNeighbors: [1, 3] }, rows(y10)),
    /gridSearch: candidate 1 \(nNeighbors=1\) is invalid: knn: parameter "weights" must be one of "uniform", "distance"; received "closest"/,
  );
  const spec = { kind: 'pipeline', steps: [], estimator: { kind: 'knn', p: 0.5 } };
  await assert.rejects(
    gridSearch(spec, { 'estimator.nNeighbors': [2] }, rows(y10)),
    /gridSearch: candidate 1 \(estimator.nNeighbors=2\) is invalid at "estimator": knn: parameter "p" must be a number ≥ 1; received 0.5/,
  );
  // A fraction-or-count parameter sampled uniformly across 1 yields values neither kind allows.
  await assert.rejects(
    randomSearch(
      { kind: 'decisionTree' },
      { minSamplesLeaf: { distribution: 'uniform', low: 0.1, high: 3 } },
      rows(y10),
      {
        nIter: 20,
      },
    ),
    /randomSearch: candidate \d+ \(minSamplesLeaf=[\d.]+\) is invalid: decisionTree: parameter "minSamplesLeaf" must be/,
  );
  await assert.rejects(
    gridSearch({ kind: 'knnn' }, {}, rows(y10)),
    /unknown learner kind "knnn"; known kinds:/,
  );
});

test('gridSearch sets nested parameters of a pipeline by path', async () => {
  const spec = { kind: 'pipeline', steps: [{ kind: 'standardScaler' }], estimator: { kind: 'knn' } };
  const result = await gridSearch(
    spec,
    { 'estimator.nNeighbors': [1, 2], 'steps.0.withMean': [false] },
    rows(y10),
    {
      refit: false,
    },
  );
  const specs = result.candidates
    .map((c) => c.spec)
    .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  assert.deepEqual(specs, [
    {
      kind: 'pipeline',
      steps: [{ kind: 'standardScaler', withMean: false }],
      estimator: { kind: 'knn', nNeighbors: 1 },
    },
    {
      kind: 'pipeline',
      steps: [{ kind: 'standardScaler', withMean: false }],
      estimator: { kind: 'knn', nNeighbors: 2 },
    },
  ]);
  // The base spec is not changed.
  assert.deepEqual(spec, {
    kind: 'pipeline',
    steps: [{ kind: 'standardScaler' }],
    estimator: { kind: 'knn' },
  });
});

test('gridSearch with an empty space cross-validates the spec itself', async () => {
  const result = await gridSearch({ kind: 'testConstant', c: 4.5 }, {}, rows(y10), {
    cv: unshuffled5,
    metric: 'mse',
  });
  assert.equal(result.candidates.length, 1);
  assert.deepEqual(result.best, { spec: { kind: 'testConstant', c: 4.5 }, params: {}, meanScore: 8.25 });
});

test('gridSearch reports progress before each candidate and the refit', async () => {
  const calls: [number, number, string][] = [];
  await gridSearch({ kind: 'testConstant' }, { c: [1, 2] }, rows(y10), {
    onProgress: (done, total, label) => calls.push([done, total, label]),
  });
  assert.deepEqual(calls, [
    [0, 3, 'c=1'],
    [1, 3, 'c=2'],
    [2, 3, 'refit c=2'],
    [3, 3, 'done'],
  ]);
});

test('randomSearch with the same seed draws the same candidates; another seed, others', async () => {
  const space: SearchSpace = {
    c: { distribution: 'uniform', low: 0, high: 9 },
    tag: { distribution: 'intUniform', low: 0, high: 1000 },
  };
  const run = (seed: number) =>
    randomSearch({ kind: 'testRecorder' }, { tag: space.tag! }, rows(y10), { nIter: 5, seed, refit: false });
  const params = async (seed: number) =>
    (await run(seed)).candidates.map((c) => c.params).sort((a, b) => (a.tag as number) - (b.tag as number));
  assert.deepEqual(await params(3), await params(3));
  assert.notDeepEqual(await params(3), await params(4));
  const a = await randomSearch({ kind: 'testConstant' }, { c: space.c! }, rows(y10), {
    nIter: 8,
    seed: 1,
    metric: 'mse',
  });
  const b = await randomSearch({ kind: 'testConstant' }, { c: space.c! }, rows(y10), {
    nIter: 8,
    seed: 1,
    metric: 'mse',
  });
  assert.deepEqual(
    a.candidates.map((c) => c.params),
    b.candidates.map((c) => c.params),
  );
  assert.equal(a.candidates.length, 8);
  // The closed form again: the best sampled c is the one nearest the mean 4.5.
  const nearest = Math.min(...a.candidates.map((c) => Math.abs((c.params.c as number) - 4.5)));
  assert.equal(Math.abs((a.best.params.c as number) - 4.5), nearest);
});

test('randomSearch refuses a bad nIter, naming it', async () => {
  await assert.rejects(
    randomSearch({ kind: 'knn' }, { nNeighbors: [1] }, rows(y10), { nIter: 0 }),
    /randomSearch: nIter must be an integer ≥ 1; received 0/,
  );
});

test("searchLeaderboard gives compare's leaderboard: rows best first, named by their parameters, failures last", async () => {
  const data = rows(Array.from({ length: 20 }, (_, i) => i % 7));
  const result = await gridSearch({ kind: 'knn' }, { nNeighbors: [20, 1], weights: ['uniform'] }, data, {
    refit: false,
  });
  const board = searchLeaderboard(result);
  assert.equal(board.main.name, 'r2');
  assert.deepEqual(board.metrics, [board.main]);
  assert.deepEqual(board.evaluation, { kind: 'cv', folds: 5, rows: 20 });
  assert.deepEqual(
    board.rows.map((r) => [r.name, r.group, r.scores.r2, r.std?.r2]),
    [
      [
        'nNeighbors=1, weights=uniform',
        'learner',
        result.candidates[0]!.meanScore,
        result.candidates[0]!.stdScore,
      ],
      ['nNeighbors=20, weights=uniform', 'learner', undefined, undefined],
    ],
  );
  assert.match(board.rows[1]!.error!, /knn: nNeighbors is 20/);
  const text = formatLeaderboard(board);
  assert.match(text, /5-fold cross-validation on 20 rows/);
  assert.match(text, /nNeighbors=1, weights=uniform/);
  assert.match(text, /- +nNeighbors=20, weights=uniform +failed: fold 1: knn/);
});

test('searchLeaderboard names rows by the shortest unambiguous tail of each key', async () => {
  const spec = { kind: 'pipeline', steps: [{ kind: 'simpleImputer' }], estimator: { kind: 'knn' } };
  const space = {
    'estimator.nNeighbors': [2],
    'estimator.weights': ['distance'],
    'steps.0.strategy': ['median'],
  };
  const result = await gridSearch(spec, space, rows(y10), { refit: false });
  assert.equal(searchLeaderboard(result).rows[0]!.name, 'nNeighbors=2, weights=distance, strategy=median');
  const clash = await gridSearch(
    { kind: 'pipeline', steps: [{ kind: 'simpleImputer' }, { kind: 'simpleImputer' }] },
    { 'steps.0.strategy': ['mean'], 'steps.1.strategy': ['median'] },
    rows(y10),
    { refit: false },
  );
  assert.equal(searchLeaderboard(clash).rows[0]!.name, '0.strategy=mean, 1.strategy=median');
});
