import { test } from 'node:test';
import { prefittedSpec } from '../../../src/ensembles/prefitted.js';
import { fit } from '../../../src/learners/fit.js';
import type { Spec } from '../../../src/learners/types.js';
import { bundled, checkExport, compareStyle } from './onnx-check.js';

// Members include trees (float32 leaf values even in a float64 model, see tree.test.ts).
const tolerance = { float32: 1e-5, float64: 1e-6 } as const;

const members = {
  lr: { kind: 'logisticRegression' },
  tree: { kind: 'decisionTree', maxDepth: 3 },
  gb: { kind: 'gradientBoosting', nEstimators: 10, maxDepth: 2 },
};

const classifiers: { title: string; spec: Spec }[] = [
  { title: 'soft voting', spec: { kind: 'voting', voting: 'soft', estimators: members, cv: 3 } },
  {
    title: 'hard voting with weights (vote shares)',
    spec: { kind: 'voting', voting: 'hard', weights: [2, 1, 1], estimators: members, cv: 3 },
  },
  {
    title: 'learned weights',
    spec: { kind: 'voting', voting: 'soft', weights: 'learned', estimators: members, cv: 3 },
  },
  { title: 'ensemble selection', spec: { kind: 'ensembleSelection', estimators: members, cv: 3 } },
];

for (const { title, spec } of classifiers) {
  test(`${spec.kind} (${title}) exports the combination of its members on penguins`, async () => {
    const data = await bundled('penguins');
    const model = await fit(compareStyle(spec, true), data);
    for (const precision of ['float32', 'float64'] as const) {
      await checkExport(model, data.X, precision, tolerance[precision]);
    }
  });
}

test('voting regressor with a prefitted member exports the weighted mean on cars', async () => {
  const data = await bundled('cars');
  const old = await fit(compareStyle({ kind: 'ridge', alpha: 10 }, true), data);
  const spec = {
    kind: 'voting',
    estimators: { old: prefittedSpec(old), tree: compareStyle({ kind: 'decisionTree', maxDepth: 4 }, false) },
    weights: { old: 3, tree: 1 },
    cv: 3,
  };
  const model = await fit(spec, data);
  for (const precision of ['float32', 'float64'] as const) {
    await checkExport(model, data.X, precision, tolerance[precision]);
  }
});
