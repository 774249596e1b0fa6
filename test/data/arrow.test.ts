import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  type DataType,
  DateMillisecond,
  Decimal,
  DurationSecond,
  Float16,
  makeData,
  makeVector,
  Null,
  Table,
  TimeMicrosecond,
  TimeMillisecond,
  TimestampNanosecond,
  TimestampSecond,
  tableToIPC,
  Uint64,
  type Vector,
} from 'apache-arrow';
import { parseArrow } from '../../src/data/arrow.js';
import { readDataset } from '../../src/data/read-file.js';
import { assertFixtureTable, cell, csvCopy, fixtureBytes, fixturePath } from './columnar-fixture.js';

// table.arrow: apache-arrow's file format in 3 record batches; table-rust.ipc: arrow-rs's stream
// format; table-zstd.arrow and table-lz4.feather: buffers compressed by the zstd and lz4 commands.
for (const file of ['table.arrow', 'table-rust.ipc', 'table-zstd.arrow', 'table-lz4.feather']) {
  test(`parseArrow reads ${file} as written: ints, int64, floats, decimal, booleans, strings, dictionary, date, timestamp, nulls`, () => {
    assertFixtureTable(parseArrow(fixtureBytes(file)));
  });
}

test('parseArrow gives the same dataset as parseCsv on the CSV copy of the table', () => {
  assert.deepEqual(parseArrow(fixtureBytes('table.arrow')), csvCopy());
});

test('parseArrow keeps only the dictionary entries that occur, sorted', () => {
  const dataset = parseArrow(fixtureBytes('table.arrow'), { columns: ['grade'] });
  assert.deepEqual(dataset.columns[0]!.levels, ['A', 'B', 'C', 'D']);
  assert.deepEqual(
    [0, 1, 2, 3, 11].map((row) => cell(dataset, 'grade', row)),
    ['C', 'A', 'B', 'D', null],
  );
});

test('parseArrow reads only the columns asked for and applies kinds as in CSV', () => {
  const dataset = parseArrow(fixtureBytes('table-rust.ipc'), {
    columns: ['when', 'cylinders', 'flag'],
    kinds: { when: 'categorical', cylinders: 'numeric', flag: 'categorical' },
  });
  assert.deepEqual(
    dataset.columns.map((c) => [c.name, c.kind]),
    [
      ['when', 'categorical'],
      ['cylinders', 'numeric'],
      ['flag', 'categorical'],
    ],
  );
  assert.equal(cell(dataset, 'when', 0), '2001-01-01T00:00:00.000Z');
  assert.equal(cell(dataset, 'cylinders', 3), 10);
  assert.equal(cell(dataset, 'flag', 1), 'false');
  assert.throws(
    () => parseArrow(fixtureBytes('table.arrow'), { columns: ['nope'] }),
    /columns: unknown column "nope"; the columns of the Arrow data are: "id", "count"/,
  );
});

function roundTrip(columns: Record<string, Vector>) {
  return parseArrow(tableToIPC(new Table(columns), 'stream'));
}

function vector(type: DataType, data: ArrayLike<number | bigint>, length = data.length): Vector {
  return makeVector(makeData({ type, length, data } as never));
}

test('parseArrow converts time units to milliseconds: timestamps, dates in ms, times of day, durations', () => {
  const dataset = roundTrip({
    seconds: vector(new TimestampSecond(), BigInt64Array.of(-1n, 86_400n)),
    nanos: vector(new TimestampNanosecond(), BigInt64Array.of(1_500_000n, 1_700_000_000_123_456_789n)),
    dateMs: vector(new DateMillisecond(), BigInt64Array.of(86_400_000n, -86_400_000n)),
    timeMs: vector(new TimeMillisecond(), Int32Array.of(1000, 86_399_999)),
    timeUs: vector(new TimeMicrosecond(), BigInt64Array.of(1500n, 3_600_000_000n)),
    duration: vector(new DurationSecond(), BigInt64Array.of(90n, -2n)),
  });
  const rows = (name: string) => [0, 1].map((row) => cell(dataset, name, row));
  assert.deepEqual(rows('seconds'), [-1000, 86_400_000]);
  assert.deepEqual(rows('nanos'), [1.5, 1_700_000_000_123.456_8]);
  assert.deepEqual(rows('dateMs'), [86_400_000, -86_400_000]);
  assert.deepEqual(rows('timeMs'), [1000, 86_399_999]);
  assert.deepEqual(rows('timeUs'), [1.5, 3_600_000]);
  assert.deepEqual(rows('duration'), [90_000, -2000]);
});

test('parseArrow decodes half floats, 256-bit decimals, unsigned 64-bit integers and all-null columns', () => {
  const decimal = new Uint32Array(16);
  decimal.set([
    0xffffff85, 0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff,
  ]); // -123
  decimal.set([0x00000000, 0x00000001], 8); // 2^32
  const dataset = roundTrip({
    // 1, -2, 1/3 rounded to half precision, the smallest subnormal
    half: vector(new Float16(), Uint16Array.of(0x3c00, 0xc000, 0x3555, 0x0001)),
  });
  assert.deepEqual(
    [0, 1, 2, 3].map((row) => cell(dataset, 'half', row)),
    [1, -2, 0.333251953125, 2 ** -24],
  );
  const [amount, count, nothing] = roundTrip({
    amount: vector(new Decimal(3, 40, 256), decimal, 2),
    count: vector(new Uint64(), BigUint64Array.of(0n, 2n ** 53n)),
    nothing: makeVector(makeData({ type: new Null(), length: 2 })),
  }).columns;
  assert.deepEqual([...amount!.values], [-0.123, 2 ** 32 / 1000]);
  assert.deepEqual([...count!.values], [0, 2 ** 53]);
  assert.equal(nothing!.kind, 'numeric');
  assert.ok(nothing!.values.every(Number.isNaN));
  assert.throws(
    () => roundTrip({ count: vector(new Uint64(), BigUint64Array.of(2n ** 63n)) }),
    /column "count", row 0: the 64-bit integer 9223372036854775808 is beyond ±2\^53/,
  );
});

test('parseArrow refuses an int64 beyond ±2^53, naming the column and row (2^53 itself is exact)', () => {
  assert.throws(
    () => parseArrow(fixtureBytes('big-int64.arrow')),
    /column "big", row 2: the 64-bit integer 9007199254740993 is beyond ±2\^53/,
  );
  const dataset = parseArrow(fixtureBytes('big-int64.arrow'), { kinds: {}, columns: ['x'] });
  assert.deepEqual([...dataset.columns[0]!.values], [1, 2, 3]);
});

test('parseArrow refuses a nested column, naming it and its type, unless left out', () => {
  assert.throws(
    () => parseArrow(fixtureBytes('nested.arrow')),
    /column "tags" has the Arrow type List<Int32>, which cannot be a feature/,
  );
  assert.equal(parseArrow(fixtureBytes('nested.arrow'), { columns: ['x'] }).nRows, 2);
});

test('parseArrow refuses bytes that are not Arrow IPC, and Feather version 1 with advice', () => {
  assert.throws(() => parseArrow(new TextEncoder().encode('x,y\n1,2\n')), /cannot read the Arrow IPC data/);
  assert.throws(() => parseArrow(new Uint8Array(0)), /the Arrow IPC data has no columns/);
  assert.throws(
    () => parseArrow(new TextEncoder().encode('FEA1\0\0\0\0')),
    /Feather version 1 file, which cannot be read; save it again as Feather version 2/,
  );
});

test('readDataset reads .arrow, .feather and .ipc files', async () => {
  for (const file of ['table.arrow', 'table-lz4.feather', 'table-rust.ipc']) {
    assertFixtureTable(await readDataset(fixturePath(file)));
  }
  const path = fixturePath('nested.arrow');
  await assert.rejects(readDataset(path), (error: Error) =>
    error.message.startsWith(`${path}: column "tags"`),
  );
});
