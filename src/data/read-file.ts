// The Node edge of the data layer: reading files. Everything else in src/data runs in a browser too.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { StacklearnError } from '../errors.js';
import type { ReadOptions } from './columns.js';
import { parseCsv } from './csv.js';
import type { Dataset } from './dataset.js';
import { parseJsonRecords } from './json.js';

const textTypes = ['.csv', '.tsv', '.json'];
const columnarTypes = ['.parquet', '.arrow', '.feather', '.ipc', '.arrows'];

/**
 * A dataset from a file, by extension: `.csv`, `.tsv` (tab-separated), `.json` (an array of records),
 * `.parquet`, or Arrow IPC (`.arrow`, `.feather`, `.ipc`, `.arrows`).
 *
 * @example
 * const dataset = await readDataset('data/cars.csv', { kinds: { Cylinders: 'categorical' } });
 */
export async function readDataset(path: string, options: ReadOptions = {}): Promise<Dataset> {
  const extension = extname(path).toLowerCase();
  const columnar = columnarTypes.includes(extension);
  if (!columnar && !textTypes.includes(extension)) {
    const expected = [...textTypes, ...columnarTypes];
    throw new StacklearnError(
      `cannot read "${path}": unknown file type "${extension || '(none)'}"; expected ${expected.slice(0, -1).join(', ')} or ${expected.at(-1)}`,
    );
  }
  let content: string | Uint8Array;
  try {
    content = columnar ? await readFile(path) : await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new StacklearnError(`file not found: "${path}"`);
    if (code === 'EISDIR') throw new StacklearnError(`"${path}" is a directory, not a data file`);
    throw new StacklearnError(`cannot read "${path}": ${(error as Error).message}`);
  }
  try {
    if (typeof content !== 'string') return await parseColumnar(content, extension, options);
    if (extension === '.json') return parseJsonRecords(content, options);
    return parseCsv(
      content,
      extension === '.tsv' ? { ...options, delimiter: options.delimiter ?? '\t' } : options,
    );
  } catch (error) {
    if (error instanceof StacklearnError) throw new StacklearnError(`${path}: ${error.message}`);
    throw error;
  }
}

// The columnar readers load their libraries (hyparquet, apache-arrow) only when such a file is read.
async function parseColumnar(bytes: Uint8Array, extension: string, options: ReadOptions): Promise<Dataset> {
  if (extension === '.parquet') return (await import('./parquet.js')).parseParquet(bytes, options);
  return (await import('./arrow.js')).parseArrow(bytes, options);
}

/** A data set shipped with stacklearn (see data/README.md for sources and licenses). */
export interface BundledDataset {
  readonly name: string;
  /** Absolute path of the file. */
  readonly path: string;
  /** The column predicted by default. */
  readonly target: string;
  readonly task: 'regression' | 'classification';
  readonly description: string;
}

// data/ sits two levels above src/data/ in a checkout, three above dist/src/data/ in a build.
const dataFolder = ['../../data/', '../../../data/']
  .map((relative) => new URL(relative, import.meta.url))
  .find((url) => existsSync(new URL('cars.csv', url)));

function bundledPath(file: string): string {
  return fileURLToPath(new URL(file, dataFolder ?? new URL('../../data/', import.meta.url)));
}

/**
 * The bundled data sets; the first one, `cars`, is the default.
 *
 * @example
 * bundledDatasets.map((d) => d.name) // ['cars', 'penguins']
 */
export const bundledDatasets: readonly BundledDataset[] = [
  {
    name: 'cars',
    path: bundledPath('cars.csv'),
    target: 'Miles_per_Gallon',
    task: 'regression',
    description: 'Auto MPG (StatLib, 1982): fuel economy of 398 cars; missing Horsepower, categorical Origin',
  },
  {
    name: 'penguins',
    path: bundledPath('penguins.csv'),
    target: 'Species',
    task: 'classification',
    description: 'Palmer penguins (Gorman et al.): species of 344 penguins; missing measurements and Sex',
  },
];

/**
 * A bundled data set by name, with its default target and task.
 *
 * @example
 * const { dataset, target } = await loadBundled('penguins');
 * const data = toTrainingData(dataset, { target });
 */
export async function loadBundled(
  name: string,
): Promise<{ dataset: Dataset; target: string; task: 'regression' | 'classification' }> {
  const entry = bundledDatasets.find((d) => d.name === name);
  if (!entry) {
    throw new StacklearnError(
      `unknown bundled data set "${name}"; available: ${bundledDatasets.map((d) => d.name).join(', ')}`,
    );
  }
  return { dataset: await readDataset(entry.path), target: entry.target, task: entry.task };
}
