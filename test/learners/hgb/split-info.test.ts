import assert from 'node:assert/strict';
import { test } from 'node:test';
import { inBitset, nodeValue, splitGain } from '../../../src/learners/hgb/split-info.js';

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
