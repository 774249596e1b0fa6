import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseCsv } from '../../src/data/csv.js';
import { encodeFeatures, toTrainingData } from '../../src/data/dataset.js';

const table = parseCsv('size,colour,price,kind\n1,red,10,b\n2,blue,20,a\n3,red,,b\n4,green,40,a\n');

test('toTrainingData: a numeric target gives regression, the other columns row-major features', () => {
  const data = toTrainingData(parseCsv('a,b,y\n1,x,0.5\n2,y,1.5\n'), { target: 'y' });
  assert.equal(data.task, 'regression');
  assert.deepEqual([...data.y], [0.5, 1.5]);
  assert.deepEqual(data.features, [
    { name: 'a', kind: 'numeric' },
    { name: 'b', kind: 'categorical', levels: ['x', 'y'] },
  ]);
  assert.deepEqual(data.X, { rows: 2, cols: 2, data: Float64Array.of(1, 0, 2, 1) });
});

test('toTrainingData: a categorical target gives sorted classes, binary or multiclass', () => {
  const binary = toTrainingData(table, { target: 'kind' });
  assert.equal(binary.task, 'binary');
  assert.deepEqual(binary.classes, ['a', 'b']);
  assert.deepEqual([...binary.y], [1, 0, 1, 0]);
  // Missing feature values stay NaN in X; categorical features stay codes with their levels.
  assert.ok(Number.isNaN(binary.X.data[2 * 3 + 2]!));
  assert.deepEqual(binary.features[1], {
    name: 'colour',
    kind: 'categorical',
    levels: ['blue', 'green', 'red'],
  });
  const multi = toTrainingData(table, { target: 'colour', features: ['size'] });
  assert.equal(multi.task, 'multiclass');
  assert.deepEqual(multi.classes, ['blue', 'green', 'red']);
  assert.deepEqual([...multi.y], [2, 0, 2, 1]);
  assert.deepEqual(multi.X, { rows: 4, cols: 1, data: Float64Array.of(1, 2, 3, 4) });
});

test('toTrainingData: classification of a numeric column orders classes numerically', () => {
  const data = toTrainingData(parseCsv('x,y\n1,10\n2,9\n3,-1\n4,10\n5,2.5\n'), {
    target: 'y',
    task: 'classification',
  });
  assert.ok(data.task === 'multiclass');
  assert.deepEqual(data.classes, ['-1', '2.5', '9', '10']);
  assert.deepEqual([...data.y], [3, 2, 0, 3, 1]);
});

test('toTrainingData: classes are the levels that occur, in sorted order, whatever the code order', () => {
  const dataset = {
    nRows: 3,
    columns: [
      { name: 'x', kind: 'numeric' as const, values: Float64Array.of(1, 2, 3) },
      {
        name: 'y',
        kind: 'categorical' as const,
        values: Float64Array.of(0, 2, 0),
        levels: ['z', 'unused', 'a'],
      },
    ],
  };
  const data = toTrainingData(dataset, { target: 'y' });
  assert.ok(data.task === 'binary');
  assert.deepEqual(data.classes, ['a', 'z']);
  assert.deepEqual([...data.y], [1, 0, 1]);
});

test('toTrainingData refuses bad targets and features with clear messages', () => {
  const cases: [Parameters<typeof toTrainingData>[1], RegExp][] = [
    [{ target: 'cost' }, /unknown target column "cost"; the columns are: "size", "colour", "price", "kind"/],
    [
      { target: 'kind', task: 'regression' },
      /the target "kind" is categorical \(levels: "a", "b"\); regression needs a numeric target/,
    ],
    [{ target: 'price' }, /the target "price" is missing in 1 of 4 rows \(first at row 2\)/],
    [
      { target: 'colour', task: 'binary' },
      /task "binary" needs exactly 2 classes; the target "colour" has 3/,
    ],
    [
      { target: 'kind', features: ['size', 'weight'] },
      /unknown feature column "weight"; the columns are: "size"/,
    ],
    [{ target: 'kind', features: ['kind'] }, /the target "kind" cannot also be a feature/],
  ];
  for (const [options, message] of cases) assert.throws(() => toTrainingData(table, options), message);
  const single = parseCsv('x,y\n1,a\n2,a\n');
  assert.throws(() => toTrainingData(single, { target: 'y' }), /the target "y" has a single class "a"/);
});

const train = toTrainingData(parseCsv('n,c,y\n1,red,1\n2,blue,2\n3,green,3\n'), { target: 'y' });

test('encodeFeatures matches columns by name in any order, ignores extra ones and re-codes levels', () => {
  const test = parseCsv('extra,c,n\nq,green,10\nq,red,\nq,,30\n');
  const X = encodeFeatures(test, train.features);
  // Training levels: blue 0, green 1, red 2; the new file's own levels are green 0, red 1.
  assert.deepEqual([...X.data], [10, 1, Number.NaN, 2, 30, Number.NaN]);
  assert.deepEqual([X.rows, X.cols], [3, 2]);
});

test('encodeFeatures: unseen levels are an error naming row, column and value, or NaN if asked', () => {
  const test = parseCsv('n,c\n1,red\n2,purple\n');
  assert.throws(
    () => encodeFeatures(test, train.features),
    /row 1, column "c": value "purple" is not one of the training levels \("blue", "green", "red"\)/,
  );
  const X = encodeFeatures(test, train.features, { unknownCategory: 'missing' });
  assert.deepEqual([...X.data], [1, 2, 2, Number.NaN]);
});

test('encodeFeatures: a missing column, or text in a numeric feature, is an error naming it', () => {
  assert.throws(
    () => encodeFeatures(parseCsv('c\nred\n'), train.features),
    /the data has no column "n" \(a feature of the model\); its columns are: "c"/,
  );
  assert.throws(
    () => encodeFeatures(parseCsv('n,c\n1,red\nNA,red\nlots,red\n'), train.features),
    /column "n" must be numeric \(as in training\) but row 2 has "lots"/,
  );
});

test('encodeFeatures converts between numbers and categories spelled as numbers', () => {
  const cylinders = toTrainingData(parseCsv('cyl,y\n4,1\n8,2\n6,3\n'), {
    target: 'y',
    features: ['cyl'],
  });
  const numericAsCategory = {
    ...cylinders.features[0]!,
    kind: 'categorical' as const,
    levels: ['4', '6', '8'],
  };
  assert.deepEqual([...encodeFeatures(parseCsv('cyl\n8\n4\n'), [numericAsCategory]).data], [2, 0]);
  const forced = parseCsv('cyl\n8\n4.5\n', { kinds: { cyl: 'categorical' } });
  assert.deepEqual([...encodeFeatures(forced, cylinders.features).data], [8, 4.5]);
});
