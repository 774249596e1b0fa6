import assert from 'node:assert/strict';
import { test } from 'node:test';
import { finishDataset, pickColumns, textCoder } from '../../src/data/columnar-dataset.js';

test('pickColumns returns every column, or the ones asked for in that order', () => {
  assert.deepEqual(pickColumns(['a', 'b', 'c'], {}, 'Parquet'), ['a', 'b', 'c']);
  assert.deepEqual(pickColumns(['a', 'b', 'c'], { columns: ['c', 'a'] }, 'Parquet'), ['c', 'a']);
});

test('pickColumns refuses duplicate names in the file, an empty list and kinds of unread columns', () => {
  assert.throws(
    () => pickColumns(['a', 'b', 'a'], {}, 'Arrow'),
    /the Arrow data has duplicate column names: "a"/,
  );
  assert.throws(
    () => pickColumns(['a'], { columns: [] }, 'Arrow'),
    /columns: expected at least one column name/,
  );
  assert.throws(
    () => pickColumns(['a', 'b'], { columns: ['a'], kinds: { b: 'numeric' } }, 'Arrow'),
    /kinds: unknown column "b"; the columns are: "a"/,
  );
  assert.throws(
    () => pickColumns(['a'], { kinds: { a: 'text' as never } }, 'Arrow'),
    /kinds: the kind of column "a" must be "numeric" or "categorical"; received "text"/,
  );
});

test('textCoder numbers texts in first-seen order', () => {
  const coder = textCoder();
  assert.deepEqual(
    ['b', 'a', 'b', 'c'].map((t) => coder.code(t)),
    [0, 1, 0, 2],
  );
  assert.deepEqual(coder.levels, ['b', 'a', 'c']);
});

test('finishDataset sorts the levels that occur and recodes; kinds label numbers', () => {
  const dataset = finishDataset(
    [
      {
        kind: 'categorical',
        name: 't',
        codes: Float64Array.of(2, 0, Number.NaN, 2),
        levels: ['z', 'unused', 'a'],
      },
      { kind: 'numeric', name: 'n', values: Float64Array.of(10, 9, Number.NaN, 10) },
    ],
    4,
    { kinds: { n: 'categorical' } },
  );
  const [t, n] = dataset.columns;
  assert.deepEqual(t!.levels, ['a', 'z']);
  assert.deepEqual([...t!.values], [0, 1, Number.NaN, 0]);
  assert.deepEqual(n!.levels, ['9', '10']);
  assert.deepEqual([...n!.values], [1, 0, Number.NaN, 1]);
});
