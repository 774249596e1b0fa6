import type { Dataset } from '../data/dataset.js';
import { bundledDatasets, loadBundled, readDataset } from '../data/read-file.js';
import { StacklearnError } from '../errors.js';

/** Where the training table comes from: a file, or a bundled data set (default cars). */
export interface TableFlags {
  readonly target?: string;
  readonly dataset?: string;
}

export interface LoadedTable {
  readonly dataset: Dataset;
  readonly target: string;
  /** Words for the output: the file, or `bundled data set "cars"`. */
  readonly source: string;
}

export const datasetOptionHelp = `a bundled data set: ${bundledDatasets.map((d) => d.name).join(', ')}`;

/** Reads the training table of a command: `[file] --target col`, or a bundled data set. */
export async function loadTable(file: string | undefined, flags: TableFlags): Promise<LoadedTable> {
  if (file) {
    if (flags.dataset) throw new StacklearnError('give either a file or --dataset, not both');
    const dataset = await readDataset(file);
    if (!flags.target) {
      throw new StacklearnError(
        `--target is required with a file; the columns of ${file} are: ${dataset.columns.map((c) => c.name).join(', ')}`,
      );
    }
    return { dataset, target: flags.target, source: file };
  }
  const name = flags.dataset ?? 'cars';
  const bundled = await loadBundled(name);
  return {
    dataset: bundled.dataset,
    target: flags.target ?? bundled.target,
    source: `bundled data set "${name}"`,
  };
}
