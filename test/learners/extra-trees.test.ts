import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import '../../src/learners/builtins.js';
import { fit } from '../../src/learners/fit.js';
import type { ForestState } from '../../src/learners/forest/forest-learner.js';
import type { Model, TrainingData } from '../../src/learners/types.js';
import { deriveSeed } from '../../src/random.js';
import { describeAgainstScikitLearn, forestData } from './forest-fixture.js';
import { maxRelativeError } from './knn-tree-fixture.js';

describeAgainstScikitLearn('extraTrees');

function outputs(model: Model, X: TrainingData['X']): Float64Array {
  return model.task === 'regression' ? model.predict(X) : model.predictProba(X).data;
}

describe('extraTrees semantics', () => {
  const friedman = forestData('friedman');
  const classification = forestData('classification');

  test('tree i is the random-splitter decision tree seeded deriveSeed(seed, "tree", i), grown on every row', async () => {
    for (const { train, Xtest } of [friedman, classification]) {
      const forest = await fit({ kind: 'extraTrees', nEstimators: 1, maxFeatures: 0.5, seed: 8 }, train);
      const tree = await fit(
        { kind: 'decisionTree', splitter: 'random', maxFeatures: 0.5, seed: deriveSeed(8, 'tree', 0) },
        train,
      );
      assert.deepEqual(outputs(forest, Xtest), outputs(tree, Xtest));
    }
  });

  test('trees differ from one another, and their mean is smoother than any one of them', async () => {
    const { train, Xtest } = friedman;
    const model = await fit({ kind: 'extraTrees', nEstimators: 20, seed: 1 }, train);
    const { forest } = model.state as ForestState;
    const thresholds = new Set<number>();
    for (let t = 0; t < 20; t++) thresholds.add(forest.threshold[forest.nodeStart[t]!]!);
    assert.ok(thresholds.size > 10, `${thresholds.size} distinct root thresholds`);
    const single = await fit(
      { kind: 'decisionTree', splitter: 'random', maxFeatures: null, seed: deriveSeed(1, 'tree', 0) },
      train,
    );
    assert.ok(maxRelativeError(outputs(model, Xtest), outputs(single, Xtest)) > 0.01);
  });

  test('bootstrap is off by default: oobScore alone is refused, with bootstrap it is scored', async () => {
    const { train } = classification;
    await assert.rejects(
      fit({ kind: 'extraTrees', oobScore: true }, train),
      /extraTrees: oobScore needs bootstrap: true \(out-of-bag rows exist only with bootstrap samples\); received bootstrap: false/,
    );
    const model = await fit({ kind: 'extraTrees', nEstimators: 30, bootstrap: true, oobScore: true }, train);
    const { oobScore } = model.state as ForestState;
    assert.ok(oobScore! > 0.6 && oobScore! <= 1, `OOB accuracy ${oobScore}`);
  });
});
