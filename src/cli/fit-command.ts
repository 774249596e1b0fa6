import { Command } from 'commander';
import { toTrainingData } from '../data/dataset.js';
import { StacklearnError } from '../errors.js';
import { fit } from '../learners/fit.js';
import { getLearner } from '../learners/registry.js';
import type { Spec } from '../learners/types.js';
import { saveModel } from '../persist/model-io.js';
import { formatNumber } from '../report/leaderboard.js';
import { preprocessed } from '../select/candidates.js';
import { crossValidate } from '../select/cross-validate.js';
import { datasetOptionHelp, loadTable } from './load-data.js';
import { oneOf, parseInteger, parseTask } from './parse-flags.js';
import { createProgress } from './progress.js';
import { readJsonObject } from './read-json.js';

interface FitFlags {
  target?: string;
  task?: 'regression' | 'classification';
  spec?: string;
  learner?: string;
  out: string;
  preprocess: 'auto' | 'none';
  cv?: number;
  seed: number;
  dataset?: string;
  json?: boolean;
  quiet?: boolean;
}

/** `stacklearn fit`: fit one spec (a learner, a pipeline, an ensemble) and save the model file. */
export function fitCommand(): Command {
  return new Command('fit')
    .description('fit a spec (learner, pipeline or ensemble, as JSON) on a data set and save the model file')
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
    .option('-s, --spec <file>', 'the spec as a JSON file, e.g. examples/stacking.json')
    .option('-l, --learner <kind>', 'a learner kind with its defaults instead of --spec, e.g. knn')
    .requiredOption('-o, --out <file>', 'where to write the model file (written atomically)')
    .option(
      '--preprocess <mode>',
      'auto: impute, one-hot encode and (for scale-sensitive learners) standardise, as compare does; none: the spec as is',
      oneOf('auto', 'none'),
      'auto',
    )
    .option(
      '--cv <k>',
      'also report k-fold cross-validated scores of the spec before the final fit',
      parseInteger,
    )
    .option('--seed <n>', 'seed of the cross-validation folds', parseInteger, 0)
    .option('--dataset <name>', datasetOptionHelp)
    .option('--json', 'print the summary as JSON')
    .option('-q, --quiet', 'no progress output')
    .addHelpText(
      'after',
      '\nExamples:\n  stacklearn fit --learner knn --out knn.slm\n' +
        '  stacklearn fit data.csv --target price --spec examples/stacking.json --cv 5 --out model.slm\n',
    )
    .action(async (file: string | undefined, flags: FitFlags) => {
      const { dataset, target, source } = await loadTable(file, flags);
      const data = toTrainingData(dataset, { target, task: flags.task });
      const given = await readSpec(flags);
      const spec = flags.preprocess === 'auto' ? preprocessed(given, data.features) : given;
      const progress = createProgress(process.stderr, flags.quiet);
      let cv: Awaited<ReturnType<typeof crossValidate>> | undefined;
      if (flags.cv !== undefined) {
        cv = await crossValidate(spec, data, {
          cv: flags.cv,
          seed: flags.seed,
          onProgress: (done, total) => progress.update(done, total, 'cross-validating'),
        });
      }
      progress.update(0, 1, `fitting ${given.kind}`);
      const model = await fit(spec, data, {
        onProgress: (fraction, message) => progress.update(fraction * 100, 100, message ?? given.kind),
      });
      await saveModel(model, flags.out, { createdWith: 'stacklearn 0.1.0' });
      progress.finish(`fitted ${given.kind}`);
      const summary = {
        source,
        target,
        task: data.task,
        rows: data.X.rows,
        features: data.features.length,
        kind: given.kind,
        fitTimeMs: model.fitTimeMs,
        out: flags.out,
        crossValidation: cv && { folds: cv.folds.length, mean: cv.mean, std: cv.std },
      };
      if (flags.json) {
        process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
        return;
      }
      const lines = [
        `fitted ${given.kind} on ${data.X.rows} rows × ${data.features.length} features of ${source} ` +
          `(${data.task}, target ${target}) in ${(model.fitTimeMs / 1000).toFixed(2)} s`,
      ];
      if (cv) {
        lines.push(`${cv.folds.length}-fold cross-validation (mean ± std):`);
        for (const name of Object.keys(cv.mean)) {
          lines.push(`  ${name.padEnd(18)} ${formatNumber(cv.mean[name]!)} ± ${formatNumber(cv.std[name]!)}`);
        }
      }
      lines.push(`saved ${flags.out}`);
      process.stdout.write(`${lines.join('\n')}\n`);
    });
}

/** The spec of a command: `--spec file.json` or `--learner kind`. */
export async function readSpec(flags: { spec?: string; learner?: string }): Promise<Spec> {
  if (flags.spec && flags.learner) throw new StacklearnError('give either --spec or --learner, not both');
  if (flags.learner) return { kind: getLearner(flags.learner).kind };
  if (!flags.spec) throw new StacklearnError('give the model to fit: --spec <file.json> or --learner <kind>');
  const spec = await readJsonObject(flags.spec, '--spec');
  if (typeof spec.kind !== 'string') {
    throw new StacklearnError(
      `--spec: ${flags.spec} must hold one object with a "kind", e.g. {"kind": "knn"}`,
    );
  }
  return spec as Spec;
}
