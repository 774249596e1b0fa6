import { Command } from 'commander';
import { stringify } from 'csv-stringify/sync';
import { encodeFeatures } from '../data/dataset.js';
import { readDataset } from '../data/read-file.js';
import { StacklearnError } from '../errors.js';
import { writeFileAtomic } from '../persist/atomic-write.js';
import { loadModel } from '../persist/model-io.js';
import { oneOf } from './parse-flags.js';

interface PredictFlags {
  model: string;
  data: string;
  out?: string;
  proba?: boolean;
  id?: string;
  unknown: 'error' | 'missing';
}

/** `stacklearn predict`: predictions of a saved model for a CSV / JSON file. */
export function predictCommand(): Command {
  return new Command('predict')
    .description('predict with a saved model: columns matched by name, predictions as CSV')
    .requiredOption('-m, --model <file>', 'the model file (stacklearn fit --out)')
    .requiredOption(
      '-d, --data <file>',
      'a CSV, TSV, JSON, Parquet or Arrow file with the feature columns (any order; extra columns ignored)',
    )
    .option('-o, --out <file>', 'write the predictions here (atomically) instead of stdout')
    .option('--proba', 'add one probability column per class (classifiers)')
    .option('--id <column>', 'copy this column of the input to the output, to identify rows')
    .option(
      '--unknown <handling>',
      'a category the model did not see: error (name row and column) or missing (treated as a missing value)',
      oneOf('error', 'missing'),
      'error',
    )
    .action(async (flags: PredictFlags) => {
      const model = await loadModel(flags.model);
      const dataset = await readDataset(flags.data);
      const X = encodeFeatures(dataset, model.info.features, { unknownCategory: flags.unknown });
      const header: string[] = [];
      const columns: (readonly (string | number)[])[] = [];
      if (flags.id) {
        const idColumn = dataset.columns.find((c) => c.name === flags.id);
        if (!idColumn) throw new StacklearnError(`--id: no column "${flags.id}" in ${flags.data}`);
        header.push(idColumn.name);
        columns.push(
          Array.from(idColumn.values, (v) =>
            Number.isNaN(v) ? '' : idColumn.kind === 'categorical' ? idColumn.levels![v]! : v,
          ),
        );
      }
      const name = model.info.target ?? 'prediction';
      if (model.task === 'regression') {
        header.push(name);
        columns.push(Array.from(model.predict(X)));
      } else {
        const proba = model.predictProba(X);
        const codes = model.predict(X);
        header.push(name);
        columns.push(Array.from(codes, (code) => model.classes[code]!));
        if (flags.proba) {
          model.classes.forEach((label, j) => {
            header.push(`proba_${label}`);
            columns.push(Array.from({ length: proba.rows }, (_, i) => proba.data[i * proba.cols + j]!));
          });
        }
      }
      const rows = Array.from({ length: X.rows }, (_, i) => columns.map((column) => column[i]!));
      const text = stringify([header, ...rows]);
      if (flags.out) {
        await writeFileAtomic(flags.out, text);
        process.stderr.write(`wrote ${X.rows} predictions to ${flags.out}\n`);
      } else {
        process.stdout.write(text);
      }
    });
}
