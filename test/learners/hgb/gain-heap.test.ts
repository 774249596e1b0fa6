import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type HasGain, heapPop, heapPush } from '../../../src/learners/hgb/gain-heap.js';

test('heapPop returns items by decreasing gain', () => {
  const heap: HasGain[] = [];
  for (const gain of [3, 9, 1, 7, 5, 8]) heapPush(heap, { gain });
  const order: number[] = [];
  for (let item = heapPop(heap); item; item = heapPop(heap)) order.push(item.gain);
  assert.deepEqual(order, [9, 8, 7, 5, 3, 1]);
});

test("equal gains come out in Python heapq's order", () => {
  // Python: h = []; for i, g in enumerate([2, 5, 2, 5, 2]): heappush(h, Node(g, i)) with
  // __lt__ = gain >; [heappop(h).i for _ in range(5)] == [1, 3, 2, 0, 4].
  type Tagged = HasGain & { readonly id: number };
  const heap: Tagged[] = [];
  [2, 5, 2, 5, 2].forEach((gain, id) => {
    heapPush(heap, { gain, id });
  });
  const order: number[] = [];
  for (let item = heapPop(heap); item; item = heapPop(heap)) order.push(item.id);
  assert.deepEqual(order, [1, 3, 2, 0, 4]);
});
