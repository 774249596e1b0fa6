import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeType, type ParamTable, resolveParams, types } from '../../src/learners/params.js';

interface P {
  readonly nNeighbors: number;
  readonly weights: 'uniform' | 'distance';
  readonly maxDepth: number | null;
  readonly alpha: number;
}

const table: ParamTable<P> = {
  nNeighbors: { type: types.int(1), default: 5, doc: 'neighbours' },
  weights: { type: types.oneOf('uniform', 'distance'), default: 'uniform', doc: 'weighting' },
  maxDepth: { type: types.nullable(types.int(1)), default: null, doc: 'depth' },
  alpha: { type: types.positive(), default: 1, doc: 'strength' },
};

test('resolveParams fills defaults and keeps given values', () => {
  assert.deepEqual(resolveParams('toy', table, { kind: 'toy', nNeighbors: 3 }), {
    nNeighbors: 3,
    weights: 'uniform',
    maxDepth: null,
    alpha: 1,
  });
});

test('resolveParams names the parameter, the allowed range and the value received', () => {
  assert.throws(
    () => resolveParams('toy', table, { kind: 'toy', nNeighbors: 0 }),
    /toy: parameter "nNeighbors" must be an integer ≥ 1; received 0/,
  );
  assert.throws(
    () => resolveParams('toy', table, { kind: 'toy', nNeighbors: 2.5 }),
    /parameter "nNeighbors" must be an integer ≥ 1; received 2.5/,
  );
  assert.throws(
    () => resolveParams('toy', table, { kind: 'toy', weights: 'cosine' }),
    /parameter "weights" must be one of "uniform", "distance"; received "cosine"/,
  );
  assert.throws(
    () => resolveParams('toy', table, { kind: 'toy', maxDepth: 0 }),
    /parameter "maxDepth" must be an integer ≥ 1 or null; received 0/,
  );
  assert.throws(
    () => resolveParams('toy', table, { kind: 'toy', alpha: 0 }),
    /must be a number > 0; received 0/,
  );
  assert.throws(() => resolveParams('toy', table, { kind: 'toy', alpha: Number.NaN }), /received NaN/);
});

test('resolveParams refuses unknown parameters and suggests the closest name', () => {
  assert.throws(
    () => resolveParams('toy', table, { kind: 'toy', nNeighbours: 3 }),
    /toy: unknown parameter "nNeighbours" \(did you mean "nNeighbors"\?\); known parameters: nNeighbors, weights, maxDepth, alpha/,
  );
});

test('describeType words ranges and unions', () => {
  assert.equal(describeType(types.number(0, 1)), 'a number ≥ 0 and ≤ 1');
  assert.equal(
    describeType(types.anyOf(types.oneOf('sqrt', 'log2'), types.int(1))),
    'one of "sqrt", "log2" or an integer ≥ 1',
  );
});
