import assert from 'node:assert/strict';
import { test } from 'node:test';
import { leafMasksOf } from '../../../src/learners/hgb/leaf-masks.js';
import type { TreeArrays } from '../../../src/learners/hgb/tree-arrays.js';

/** Trees from inner nodes [feature, threshold, left, right, missingLeft]; no categorical splits. */
function numericTrees(roots: number[], nodes: number[][], leafValue: number[]): TreeArrays {
  return {
    roots: Int32Array.from(roots),
    feature: Int32Array.from(nodes, (n) => n[0]!),
    threshold: Float64Array.from(nodes, (n) => n[1]!),
    left: Int32Array.from(nodes, (n) => n[2]!),
    right: Int32Array.from(nodes, (n) => n[3]!),
    missingLeft: Uint8Array.from(nodes, (n) => n[4]!),
    bitsetIndex: new Int32Array(nodes.length).fill(-1),
    catBitsets: new Uint32Array(0),
    knownCategories: new Uint32Array(16),
    leafValue: Float64Array.from(leafValue),
  };
}

/** A chain of n − 1 splits on x0 (thresholds 1, 2, …) with n leaves; the first leaf stored is the deepest. */
function chain(nLeaves: number): TreeArrays {
  const nodes: number[][] = [];
  for (let i = 0; i < nLeaves - 1; i++)
    nodes.push([0, i + 1, ~(nLeaves - 1 - i), i + 1 < nLeaves - 1 ? i + 1 : ~0, 1]);
  return numericTrees(
    [0],
    nodes,
    Array.from({ length: nLeaves }, (_, i) => i),
  );
}

test('leaves are numbered left to right within each tree, whatever their storage order', () => {
  // Tree 0 is one leaf (value 7); tree 1: root x1 ≤ 0 → inner node (x0 ≤ 5 → leaf 3 | leaf 1), else leaf 2.
  const trees = numericTrees(
    [~0, 0],
    [
      [1, 0, 1, ~2, 0],
      [0, 5, ~3, ~1, 1],
    ],
    [7, 10, 20, 30],
  );
  const masks = leafMasksOf(trees, 1)!;
  assert.ok(masks);
  assert.deepEqual([...masks.leafAt], [0, 1]);
  assert.deepEqual([...masks.values.subarray(0, 4)], [7, 30, 10, 20]);
});

test('a table holds, per cut position, the AND of the masks of the nodes sending such rows right', () => {
  // Root x0 ≤ 1 (missing right) → [x0 ≤ 0.5 (missing left) → leaf 0 | leaf 1], else leaf 2.
  const trees = numericTrees(
    [0],
    [
      [0, 1, 1, ~2, 0],
      [0, 0.5, ~0, ~1, 1],
    ],
    [1, 2, 3],
  );
  const masks = leafMasksOf(trees, 1)!;
  // Cuts 0.5, 1: positions 0, 1, 2 and NaN at 3. Leaves 0, 1, 2 are bits 0, 1, 2.
  const table = [...masks.work.subarray(0, 4)];
  assert.deepEqual(table, [-1, ~0b001, ~0b011, ~0b011]);
});

test('trees of 32 leaves get masks; a tree of 33, or a feature split both ways, falls back', () => {
  assert.ok(leafMasksOf(chain(32), 1));
  assert.equal(leafMasksOf(chain(33), 1), undefined);
  // Feature 0 split by a category bitset at one node and by a threshold at the other.
  const mixed = { ...chain(3), bitsetIndex: Int32Array.of(0, -1), catBitsets: new Uint32Array(8) };
  assert.equal(leafMasksOf(mixed, 1), undefined);
});

test("a categorical node's table sends each seen code by its bitset and missing codes by missingLeft", () => {
  // One split on categorical x0: codes 1 and 3 go left; missing values go right. Leaves: left 0, right 1.
  const trees: TreeArrays = {
    ...numericTrees([0], [[0, 0, ~0, ~1, 0]], [10, 20]),
    bitsetIndex: Int32Array.of(0),
    catBitsets: Uint32Array.of(0b1010, 0, 0, 0, 0, 0, 0, 0),
  };
  const masks = leafMasksOf(trees, 1)!;
  assert.ok(masks);
  const table = masks.work.subarray(0, 257);
  // Right-going codes clear leaf 0 (the left subtree): mask ~0b1.
  assert.equal(table[1], -1);
  assert.equal(table[3], -1);
  assert.equal(table[0], ~0b1);
  assert.equal(table[2], ~0b1);
  assert.equal(table[255], ~0b1);
  assert.equal(table[256], ~0b1);
});

test('masks are built once per set of trees', () => {
  const trees = chain(4);
  assert.equal(leafMasksOf(trees, 1), leafMasksOf(trees, 1));
});
