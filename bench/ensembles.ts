// Benchmark (not a test): the ensemble accuracy bar. 5-fold cross-validation on the same folds of a
// stacking ensemble (random forest, extra trees, gradient boosting, SVR rbf, KNN distance → ridge),
// ensemble selection over the same library, and each member alone — on the bundled cars data and on
// Friedman #1 (2,000 rows, noise 1); for penguins the classifier version (SVC, logistic regression).
//
//   npm run bench:ensembles
import {
  crossValidate,
  loadBundled,
  makeFriedman1,
  preprocessed,
  type Spec,
  type TrainingData,
  toTrainingData,
} from '../src/node.js';

const regressionMembers: Record<string, Spec> = {
  rf: { kind: 'randomForest', seed: 1 },
  et: { kind: 'extraTrees', seed: 2 },
  gb: { kind: 'gradientBoosting', seed: 3 },
  svr: { kind: 'svr', kernel: 'rbf', C: 10 },
  knn: { kind: 'knn', weights: 'distance' },
};
const classificationMembers: Record<string, Spec> = {
  rf: { kind: 'randomForest', seed: 1 },
  et: { kind: 'extraTrees', seed: 2 },
  gb: { kind: 'gradientBoosting', seed: 3 },
  svc: { kind: 'svc', kernel: 'rbf' },
  knn: { kind: 'knn', weights: 'distance' },
};

async function main(): Promise<void> {
  const cars = await loadBundled('cars');
  const penguins = await loadBundled('penguins');
  const sets: [string, TrainingData][] = [
    ['cars (398 rows)', toTrainingData(cars.dataset, { target: cars.target })],
    ['Friedman #1 (2,000 rows, noise 1)', makeFriedman1({ nSamples: 2000, noise: 1, seed: 0 })],
    ['penguins (344 rows)', toTrainingData(penguins.dataset, { target: penguins.target })],
  ];
  const lines: string[] = [
    '| data | model | 5-fold CV score (mean ± std) | vs best member |',
    '|---|---|---|---|',
  ];
  for (const [name, data] of sets) {
    const regression = data.task === 'regression';
    const members = regression ? regressionMembers : classificationMembers;
    const metric = regression ? 'r2' : 'accuracy';
    const final = regression ? { kind: 'ridge' } : { kind: 'logisticRegression' };
    const candidates: [string, Spec][] = [
      ...Object.entries(members),
      ['stacking → ' + final.kind, { kind: 'stacking', estimators: members, finalEstimator: final, cv: 5 }],
      ['ensemble selection', { kind: 'ensembleSelection', estimators: members, cv: 5 }],
    ];
    const scores: [string, number, number][] = [];
    for (const [label, spec] of candidates) {
      const start = performance.now();
      const result = await crossValidate(preprocessed(spec, data.features), data, {
        cv: 5,
        seed: 42,
        metrics: [metric],
      });
      scores.push([label, result.mean[metric]!, result.std[metric]!]);
      process.stderr.write(
        `${name}: ${label} ${result.mean[metric]!.toFixed(4)} (${((performance.now() - start) / 1000).toFixed(1)} s)\n`,
      );
    }
    const bestMember = Math.max(...scores.slice(0, Object.keys(members).length).map((s) => s[1]));
    for (const [label, mean, std] of scores) {
      const gain = mean - bestMember;
      lines.push(
        `| ${name} | ${label} | ${metric} ${mean.toFixed(4)} ± ${std.toFixed(4)} | ${gain >= 0 ? '+' : ''}${gain.toFixed(4)} |`,
      );
    }
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}

await main();
