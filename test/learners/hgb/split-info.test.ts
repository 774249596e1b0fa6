import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  inBitset,
  nodeValue,
  noSplit,
  readSplit,
  SPLIT_FIELDS,
  splitGain,
  writeSplit,
} from '../../../src/learners/hgb/split-info.js';

test('nodeValue is the Newton step −G / (H + λ)', () => {
  assert.ok(Math.abs(nodeValue(-6, 3, 0) - 2) < 1e-12);
  assert.ok(Math.abs(nodeValue(-6, 2, 1) - 2) < 1e-12);
  assert.equal(nodeValue(0, 0, 0), -0);
});

test('splitGain is G_L²/(H_L+λ) + G_R²/(H_R+λ) − G²/(H+λ) for a node at its own value', () => {
  const [gl, hl, gr, hr, l2] = [-4, 2, 6, 3, 0.5];
  const g = gl + gr;
  const h = hl + hr;
  const lossCurrentNode = g * nodeValue(g, h, l2);
  const expected = (gl * gl) / (hl + l2) + (gr * gr) / (hr + l2) - (g * g) / (h + l2);
  assert.ok(Math.abs(splitGain(gl, hl, gr, hr, lossCurrentNode, l2) - expected) < 1e-12);
  // At the root (value 0) nothing is subtracted.
  assert.ok(Math.abs(splitGain(-4, 2, 4, 2, 0, 0) - 16) < 1e-12);
});

test('inBitset reads bit v of a 256-bit bitset', () => {
  const bitset = new Uint32Array(8);
  bitset[1] = 1 << 3;
  assert.equal(inBitset(bitset, 35), true);
  assert.equal(inBitset(bitset, 34), false);
});

test('writeSplit and readSplit pass a split through numbers unchanged, bitset included', () => {
  const numeric = {
    ...noSplit(),
    gain: 3.5,
    feature: 4,
    binIndex: 17,
    missingGoToLeft: true,
    nLeft: 30,
    nRight: 12,
  };
  Object.assign(numeric, {
    sumGradientLeft: -1.25,
    sumHessianLeft: 30,
    sumGradientRight: 0.5,
    sumHessianRight: 12,
  });
  Object.assign(numeric, { valueLeft: 0.0416, valueRight: -0.0416 });
  const categorical = { ...noSplit(), gain: 1, feature: 2, isCategorical: true };
  categorical.leftBitset = Uint32Array.of(0b101, 0, 0, 0, 0, 0, 2 ** 31, 0xffffffff);
  const numbers = new Float64Array(2 * SPLIT_FIELDS + 3);
  writeSplit(numeric, numbers, 3);
  writeSplit(categorical, numbers, 3 + SPLIT_FIELDS);
  assert.deepEqual(readSplit(numbers, 3), numeric);
  assert.deepEqual(readSplit(numbers, 3 + SPLIT_FIELDS), categorical);
  assert.deepEqual(readSplit(numbers, 3 + SPLIT_FIELDS).leftBitset, categorical.leftBitset);
});
