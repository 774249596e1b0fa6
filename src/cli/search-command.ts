import { Command } from 'commander';
import { toTrainingData } from '../data/dataset.js';
import { saveModel } from '../persist/model-io.js';
import { formatLeaderboard, formatNumber } from '../report/leaderboard.js';
import { preprocessed } from '../select/candidates.js';
import { gridSearch, randomSearch } from '../select/search.js';
import { searchLeaderboard } from '../select/search-leaderboard.js';
import { describeParams, type SearchSpace } from '../select/search-space.js';
import { readSpec } from './fit-command.js';
import { datasetOptionHelp, loadTable } from './load-data.js';
import { oneOf, parseInteger, parseTask } from './parse-flags.js';
import { createProgress } from './progress.js';
import { readJsonObject } from './read-json.js';

interface SearchFlags {
  target?: string;
  task?: 'regression' | 'classification';
  spec?: string;
  learner?: string;
  space: string;
  random?: number;
  cv: number;
  seed: number;
  metric?: string;
  preprocess: 'auto' | 'none';
  out?: string;
  dataset?: string;
  json?: boolean;
  quiet?: boolean;
}

/** `stacklearn search`: grid or random search over a JSON search space, scored by cross-validation. */
export function searchCommand(): Command {
  return new Command('search')
    .description(
      'hyperparameter search: cross-validate every candidate of a JSON search space on shared folds',
    )
    .argument(
      '[file]',
      'a CSV, TSV, JSON (array of records), Parquet or Arrow file; without it, a bundled data set (default: cars)',
    )
    .option('-t, --target <column>', 'the column to predict (required with a file)')
    .option(
      '--task <task>',
      'regression or classification (default: inferred from the target column)',
      parseTask,
    )
    .option('-s, --spec <file>', 'the base spec as a JSON file')
    .option('-l, --learner <kind>', 'a learner kind with its defaults as the base spec, e.g. knn')
    .requiredOption(
      '--space <file>',
      'the search space as JSON: {"nNeighbors": [1, 5, 15], "alpha": {"distribution": "logUniform", "low": 1e-3, "high": 10}}',
    )
    .option('--random <n>', 'random search with n candidates (default: the full grid)', parseInteger)
    .option('--cv <k>', 'number of folds', parseInteger, 5)
    .option('--seed <n>', 'seed of the folds and of random draws', parseInteger, 0)
    .option('--metric <name>', 'the metric to rank by (default: r2 or accuracy)')
    .option(
      '--preprocess <mode>',
      'auto: impute, one-hot encode and standardise as compare does (space keys stay relative to your spec); none',
      oneOf('auto', 'none'),
      'auto',
    )
    .option('-o, --out <file>', 'fit the best candidate on all rows and save it here')
    .option('--dataset <name>', datasetOptionHelp)
    .option('--json', 'print the result as JSON')
    .option('-q, --quiet', 'no progress output')
    .addHelpText(
      'after',
      '\nExample:\n  stacklearn search --learner knn --space examples/knn-space.json --cv 5\n',
    )
    .action(async (file: string | undefined, flags: SearchFlags) => {
      const { dataset, target, source } = await loadTable(file, flags);
      const data = toTrainingData(dataset, { target, task: flags.task });
      const given = await readSpec(flags);
      const rawSpace = (await readJsonObject(flags.space, '--space')) as SearchSpace;
      const spec = flags.preprocess === 'auto' ? preprocessed(given, data.features) : given;
      // When preprocessing wraps the spec in a pipeline, the user's keys address its estimator.
      const space: SearchSpace =
        spec === given
          ? rawSpace
          : Object.fromEntries(Object.entries(rawSpace).map(([k, v]) => [`estimator.${k}`, v]));
      const progress = createProgress(process.stderr, flags.quiet);
      const options = {
        cv: flags.cv,
        seed: flags.seed,
        metric: flags.metric,
        refit: flags.out !== undefined,
        onProgress: (done: number, total: number, label: string) => progress.update(done, total, label),
      };
      const result =
        flags.random === undefined
          ? await gridSearch(spec, space, data, options)
          : await randomSearch(spec, space, data, { ...options, nIter: flags.random });
      progress.finish(`scored ${result.candidates.length} candidates`);
      if (flags.out && result.model)
        await saveModel(result.model, flags.out, { createdWith: 'stacklearn 0.1.0' });
      if (flags.json) {
        const { model: _model, ...rest } = result;
        process.stdout.write(`${JSON.stringify({ source, target, ...rest }, null, 2)}\n`);
        return;
      }
      const unwrap = (params: Record<string, unknown>) =>
        spec === given
          ? params
          : Object.fromEntries(Object.entries(params).map(([k, v]) => [k.replace(/^estimator\./, ''), v]));
      const lines = [
        `${source}, target ${target}`,
        formatLeaderboard(searchLeaderboard(result)),
        `best: ${describeParams(unwrap(result.best.params))} (${result.metric.label} ${formatNumber(result.best.meanScore)})`,
      ];
      if (flags.out) lines.push(`saved the best, refitted on all ${data.X.rows} rows, to ${flags.out}`);
      process.stdout.write(`${lines.join('\n')}\n`);
    });
}
