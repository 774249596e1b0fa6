import assert from 'node:assert/strict';
import { test } from 'node:test';
import { makeFriedman1 } from '../../../src/data/synthetic.js';
import { binColumns, fitBinMapper } from '../../../src/learners/hgb/binning.js';
import { binTrainingRows } from '../../../src/learners/hgb/parallel-binning.js';
import { nodeExecutor, shutdownWorkers } from '../../../src/parallel/node-executor.js';
import { shareArray } from '../../../src/parallel/shared-memory.js';

test('binning shared with a helper thread equals fitBinMapper + binColumns on one thread', async () => {
  // 260k rows × 5 columns: above the parallel threshold and the 200k-row threshold sample.
  const { X } = makeFriedman1({ nSamples: 260_000, nFeatures: 5, noise: 1, seed: 3 });
  for (let i = 0; i < X.rows; i += 97) X.data[i * X.cols + 1] = Number.NaN;
  // Column 3 as category codes 0 … 9.
  for (let i = 0; i < X.rows; i++) X.data[i * X.cols + 3] = Math.floor(X.data[i * X.cols + 3]! * 10);
  const isCategorical = Uint8Array.of(0, 0, 0, 1, 0);
  const options = { maxBins: 255, seed: 11, names: ['a', 'b', 'c', 'd', 'e'] };
  // Every other row, in a shuffled-looking order: the training rows of a validation split.
  const rows = Uint32Array.from({ length: X.rows >> 1 }, (_, i) => (i * 7919) % X.rows);
  const n = rows.length;

  const expectedMapper = fitBinMapper(X, isCategorical, options, rows);
  const expectedRowMajor = new Uint8Array(n * X.cols);
  const expectedColumns = binColumns(X, expectedMapper, rows, undefined, expectedRowMajor);

  try {
    const columns = shareArray(new Uint8Array(n * X.cols));
    const rowBins = shareArray(new Uint8Array(n * X.cols));
    const executor = nodeExecutor(2);
    const mapper = await binTrainingRows(X, isCategorical, options, rows, columns, rowBins, executor);
    assert.deepEqual(mapper.nBinsNonMissing, expectedMapper.nBinsNonMissing);
    assert.deepEqual(mapper.thresholds, expectedMapper.thresholds);
    assert.deepEqual(columns, expectedColumns);
    assert.deepEqual(rowBins, expectedRowMajor);
    assert.equal(mapper.thresholds[3]!.length, 10);
    assert.ok(columns.includes(255), 'the missing values went to the missing bin');
  } finally {
    await shutdownWorkers();
  }
});
