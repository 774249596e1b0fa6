// Benchmark (not a test): the ensemble accuracy bar. 5-fold cross-validation on the same folds of a
// stacking ensemble (random forest, extra trees, gradient boosting, SVR rbf, KNN distance → ridge),
// ensemble selection over the same library, and each member alone — on the bundled cars data and on
// Friedman #1 (2,000 rows, noise 1); for penguins the classifier version (SVC, logistic regression),
// scored in accuracy and in log loss. Each score comes twice: on one 5-fold split (seed 42) and as
// the mean over repeated, differently shuffled 5-fold splits (a steadier estimate on small data).
// "vs best member" is better-than-best (positive) or worse (negative), for log loss too. For
// classification a second table counts the misclassified predictions on both splittings and, on the
// repeated one, where each model and the best member disagree and which of the two is right.
//
//   npm run bench:ensembles                 5 repeats
//   npm run bench:ensembles -- --repeats=10
//   npm run bench:ensembles -- --data=penguins  only the data sets whose name starts so
import {
  type ClassificationData,
  crossValidate,
  type Fold,
  fit,
  loadBundled,
  makeFolds,
  makeFriedman1,
  preprocessed,
  type Spec,
  subsetData,
  type TrainingData,
  takeRows,
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
const ONLY = process.argv.find((a) => a.startsWith('--data='))?.slice(7) ?? '';

async function main(): Promise<void> {
  const cars = await loadBundled('cars');
  const penguins = await loadBundled('penguins');
  const sets: [string, TrainingData][] = [
    ['cars (398 rows)', toTrainingData(cars.dataset, { target: cars.target })],
    ['Friedman #1 (2,000 rows, noise 1)', makeFriedman1({ nSamples: 2000, noise: 1, seed: 0 })],
    ['penguins (344 rows)', toTrainingData(penguins.dataset, { target: penguins.target })],
  ];
  const errorLines: string[] = [];
  const lines: string[] = [
    `| data | model | 5-fold CV (mean ± std) | vs best member | ${REPEATS} × 5-fold CV | vs best member |`,
    '|---|---|---|---|---|---|',
  ];
  for (const [name, data] of sets.filter(([name]) => name.startsWith(ONLY))) {
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
    // Classification: each model's predicted classes on the single and the repeated folds.
    const predicted: [string, Int32Array, Int32Array][] = [];
    for (const [label, spec] of candidates) {
      const start = performance.now();
      const learner = preprocessed(spec, data.features);
      const single = await crossValidate(learner, data, { cv: 5, seed: 42, metrics });
      const many = await crossValidate(learner, data, { cv: repeated, metrics });
      const row: Record<string, [number, number, number]> = {};
      for (const m of metrics) row[m] = [single.mean[m]!, single.std[m]!, many.mean[m]!];
      scores.push([label, row]);
      if (data.task !== 'regression') {
        predicted.push([
          label,
          await foldClasses(learner, data, makeFolds(5, data, 42)),
          await foldClasses(learner, data, makeFolds(repeated, data)),
        ]);
      }
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
    if (data.task !== 'regression') errorLines.push(...errorTable(name, data, predicted, nMembers, REPEATS));
  }
  process.stdout.write(`${lines.join('\n')}\n\n${errorLines.join('\n')}\n`);
}

/** The predicted class of every test row of every fold, fold after fold (rows repeat across repeats). */
async function foldClasses(
  spec: Spec,
  data: ClassificationData,
  folds: readonly Fold[],
): Promise<Int32Array> {
  const out: number[] = [];
  for (const fold of folds) {
    const model = await fit(spec, subsetData(data, fold.train));
    if (model.task === 'regression') throw new Error('a classifier was expected');
    const proba = model.predictProba(takeRows(data.X, fold.test));
    for (let i = 0; i < proba.rows; i++) {
      let best = 0;
      for (let k = 1; k < proba.cols; k++)
        if (proba.data[i * proba.cols + k]! > proba.data[i * proba.cols + best]!) best = k;
      out.push(best);
    }
  }
  return Int32Array.from(out);
}

/**
 * Misclassified predictions per model on both splittings, and on the repeated one the predictions
 * where the model and the best member (fewest errors there) differ: how many, and who is right.
 */
function errorTable(
  name: string,
  data: ClassificationData,
  predicted: readonly [string, Int32Array, Int32Array][],
  nMembers: number,
  repeats: number,
): string[] {
  const truth = (folds: readonly Fold[]): Int32Array =>
    Int32Array.from(folds.flatMap((fold) => Array.from(fold.test, (row) => data.y[row]!)));
  const ySingle = truth(makeFolds(5, data, 42));
  const yRepeated = truth(
    makeFolds({ kind: 'repeatedStratifiedKFold', nSplits: 5, nRepeats: repeats, seed: 7 }, data),
  );
  const errors = (classes: Int32Array, y: Int32Array): number => classes.filter((c, i) => c !== y[i]).length;
  const members = predicted.slice(0, nMembers);
  const best = members.reduce((a, b) => (errors(b[2], yRepeated) < errors(a[2], yRepeated) ? b : a));
  const lines = [
    `| ${name} | misclassified, 5-fold (of ${ySingle.length}) | misclassified, ${repeats} × 5-fold (of ${yRepeated.length}) | differs from ${best[0]} (best member) / right of those / ${best[0]} right |`,
    '|---|---|---|---|',
  ];
  for (const [label, single, many] of predicted) {
    let differ = 0;
    let right = 0;
    let memberRight = 0;
    for (let i = 0; i < many.length; i++) {
      if (many[i] === best[2][i]) continue;
      differ++;
      if (many[i] === yRepeated[i]) right++;
      if (best[2][i] === yRepeated[i]) memberRight++;
    }
    lines.push(
      `| ${label} | ${errors(single, ySingle)} | ${errors(many, yRepeated)} | ${differ} / ${right} / ${memberRight} |`,
    );
  }
  return lines;
}

await main();
