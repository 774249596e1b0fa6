// Benchmark (not a test): the ensemble accuracy bar. 5-fold cross-validation on the same folds of a
// stacking ensemble (random forest, extra trees, gradient boosting, SVR rbf, KNN distance → ridge),
// ensemble selection over the same library, and each member alone — on the bundled cars data and on
// Friedman #1 (2,000 rows, noise 1); for penguins the classifier version (SVC, logistic regression),
// scored in accuracy and in log loss. Each score comes twice: on one 5-fold split (seed 42) and as
// the mean over repeated, differently shuffled 5-fold splits (a steadier estimate on small data).
// "vs best member" is better-than-best (positive) or worse (negative), for log loss too.
//
//   npm run bench:ensembles                 5 repeats
//   npm run bench:ensembles -- --repeats=10
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

/** Folds seeded like the table's first column, and repeated differently shuffled five-fold splits. */
const REPEATS = Number(process.argv.find((a) => a.startsWith('--repeats='))?.slice(10) ?? 5);

async function main(): Promise<void> {
  const cars = await loadBundled('cars');
  const penguins = await loadBundled('penguins');
  const sets: [string, TrainingData][] = [
    ['cars (398 rows)', toTrainingData(cars.dataset, { target: cars.target })],
    ['Friedman #1 (2,000 rows, noise 1)', makeFriedman1({ nSamples: 2000, noise: 1, seed: 0 })],
    ['penguins (344 rows)', toTrainingData(penguins.dataset, { target: penguins.target })],
  ];
  const lines: string[] = [
    `| data | model | 5-fold CV (mean ± std) | vs best member | ${REPEATS} × 5-fold CV | vs best member |`,
    '|---|---|---|---|---|---|',
  ];
  for (const [name, data] of sets) {
    const regression = data.task === 'regression';
    const members = regression ? regressionMembers : classificationMembers;
    const metrics = regression ? ['r2'] : ['accuracy', 'logLoss'];
    const final = regression ? { kind: 'ridge' } : { kind: 'logisticRegression' };
    const candidates: [string, Spec][] = [
      ...Object.entries(members),
      [`stacking → ${final.kind}`, { kind: 'stacking', estimators: members, finalEstimator: final, cv: 5 }],
      ['ensemble selection', { kind: 'ensembleSelection', estimators: members, cv: 5 }],
    ];
    const repeated = {
      kind: regression ? 'repeatedKFold' : 'repeatedStratifiedKFold',
      nSplits: 5,
      nRepeats: REPEATS,
      seed: 7,
    } as const;
    // scores[label][metric] = [single mean, single std, repeated mean]
    const scores: [string, Record<string, [number, number, number]>][] = [];
    for (const [label, spec] of candidates) {
      const start = performance.now();
      const learner = preprocessed(spec, data.features);
      const single = await crossValidate(learner, data, { cv: 5, seed: 42, metrics });
      const many = await crossValidate(learner, data, { cv: repeated, metrics });
      const row: Record<string, [number, number, number]> = {};
      for (const m of metrics) row[m] = [single.mean[m]!, single.std[m]!, many.mean[m]!];
      scores.push([label, row]);
      process.stderr.write(
        `${name}: ${label} ${metrics.map((m) => `${m} ${row[m]![0].toFixed(4)} / ${row[m]![2].toFixed(4)}`).join(', ')} (${((performance.now() - start) / 1000).toFixed(1)} s)\n`,
      );
    }
    const nMembers = Object.keys(members).length;
    for (const m of metrics) {
      const sign = m === 'logLoss' ? -1 : 1;
      const best = (i: 0 | 2): number =>
        sign * Math.max(...scores.slice(0, nMembers).map(([, row]) => sign * row[m]![i]));
      const [bestSingle, bestRepeated] = [best(0), best(2)];
      const gain = (value: number): string => `${value >= 0 ? '+' : ''}${value.toFixed(4)}`;
      for (const [label, row] of scores) {
        const [mean, std, many] = row[m]!;
        lines.push(
          `| ${name} | ${label} | ${m} ${mean.toFixed(4)} ± ${std.toFixed(4)} | ${gain(sign * (mean - bestSingle))} | ${many.toFixed(4)} | ${gain(sign * (many - bestRepeated))} |`,
        );
      }
    }
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}

await main();
