import { Command } from 'commander';
import { alignData } from '../data/align.js';
import { toTrainingData } from '../data/dataset.js';
import { readDataset } from '../data/read-file.js';
import { trainTestSplit } from '../data/split.js';
import { StacklearnError } from '../errors.js';
import type { TrainingData } from '../learners/types.js';
import { formatLeaderboard } from '../report/leaderboard.js';
import { defaultCandidates } from '../select/candidates.js';
import { compare, splitData } from '../select/compare.js';
import { datasetOptionHelp, loadTable } from './load-data.js';
import { parseInteger, parseNumber, parseTask } from './parse-flags.js';
import { createProgress } from './progress.js';

interface CompareFlags {
  target?: string;
  task?: 'regression' | 'classification';
  testSize: number;
  seed: number;
  testFile?: string;
  cv?: number;
  json?: boolean;
  dataset?: string;
  quiet?: boolean;
  ensembles: boolean;
}

/** `stacklearn compare`: fit every applicable learner and print the leaderboard. */
export function compareCommand(): Command {
  return new Command('compare')
    .description(
      'fit every applicable learner on a data set and print a leaderboard (the classic comparison table)',
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
    .option(
      '--test-size <fraction>',
      'fraction (0-1) or number of rows held out for testing',
      parseNumber,
      0.25,
    )
    .option('--seed <n>', 'seed for the split, folds and randomised learners', parseInteger, 0)
    .option('--test-file <file>', 'score on this file instead of a split of the training file')
    .option('--cv <k>', 'k-fold cross-validated scores instead of a single split', parseInteger)
    .option('--dataset <name>', datasetOptionHelp)
    .option('--no-ensembles', 'single learners only (skip voting, stacking, blending and ensemble selection)')
    .option('--json', 'print the leaderboard as JSON')
    .option('-q, --quiet', 'no progress output')
    .addHelpText(
      'after',
      '\nExamples:\n  stacklearn compare                      # bundled cars data, target Miles_per_Gallon\n' +
        '  stacklearn compare --dataset penguins\n  stacklearn compare data.csv --target price --cv 5\n',
    )
    .action(async (file: string | undefined, flags: CompareFlags) => {
      const { train, test, source, target } = await loadData(file, flags);
      const candidates = defaultCandidates(train, { ensembles: flags.ensembles, seed: flags.seed });
      const progress = createProgress(process.stderr, flags.quiet);
      const board = await compare(candidates, train, {
        test,
        cv: test ? undefined : flags.cv,
        seed: flags.seed,
        onProgress: (done, total, name) => progress.update(done, total, name),
      });
      progress.finish(`fitted ${candidates.length} models`);
      if (flags.json) {
        process.stdout.write(`${JSON.stringify({ source, target, ...board }, null, 2)}\n`);
      } else {
        process.stdout.write(`${source}, target ${target}\n${formatLeaderboard(board)}\n`);
      }
    });
}

async function loadData(
  file: string | undefined,
  flags: CompareFlags,
): Promise<{ train: TrainingData; test?: TrainingData; source: string; target: string }> {
  const { dataset, target, source } = await loadTable(file, flags);
  const data = toTrainingData(dataset, { target, task: flags.task });
  if (flags.testFile) {
    if (flags.cv !== undefined) throw new StacklearnError('give either --test-file or --cv, not both');
    const test = alignData(await readDataset(flags.testFile), data, target);
    return { train: data, test, source, target };
  }
  if (flags.cv !== undefined) return { train: data, source, target };
  const split = trainTestSplit(data.X.rows, {
    testSize: flags.testSize,
    seed: flags.seed,
    stratify: data.task === 'regression' ? undefined : data.y,
  });
  const parts = splitData(data, split.train, split.test);
  return { train: parts.train, test: parts.test, source, target };
}
