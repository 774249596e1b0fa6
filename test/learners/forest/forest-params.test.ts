import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bootstrapCounts, treeSample } from '../../../src/learners/forest/bootstrap.js';
import { bootstrapSize } from '../../../src/learners/forest/forest-params.js';
import { createRandom, deriveSeed } from '../../../src/random.js';

const sampling = { bootstrap: true, oobScore: false, maxSamples: null };

test('bootstrapSize: all rows by default, a count as is, a fraction rounded half to even (as Python)', () => {
  assert.equal(bootstrapSize('rf', sampling, 101), 101);
  assert.equal(bootstrapSize('rf', { ...sampling, maxSamples: 40 }, 101), 40);
  assert.equal(bootstrapSize('rf', { ...sampling, maxSamples: 0.5 }, 5), 2); // round(2.5) = 2
  assert.equal(bootstrapSize('rf', { ...sampling, maxSamples: 0.5 }, 7), 4); // round(3.5) = 4
  assert.equal(bootstrapSize('rf', { ...sampling, maxSamples: 0.3 }, 10), 3);
  assert.equal(bootstrapSize('rf', { ...sampling, maxSamples: 0.01 }, 10), 1);
  assert.equal(bootstrapSize('rf', { ...sampling, maxSamples: 1 }, 10), 10);
});

test('bootstrapSize refuses out-of-bag scores and sample sizes without bootstrap, and too many samples', () => {
  assert.throws(
    () => bootstrapSize('rf', { ...sampling, bootstrap: false, oobScore: true }, 10),
    /rf: oobScore needs bootstrap: true/,
  );
  assert.throws(
    () => bootstrapSize('rf', { ...sampling, bootstrap: false, maxSamples: 5 }, 10),
    /rf: maxSamples needs bootstrap: true .*received maxSamples: 5 with bootstrap: false/,
  );
  assert.throws(
    () => bootstrapSize('rf', { ...sampling, maxSamples: 11 }, 10),
    /rf: maxSamples is 11 but the data have only 10 rows; use at most 10, a fraction, or null/,
  );
});

test('bootstrapCounts draws nSamples rows with replacement: about 63.2% of rows at least once', () => {
  const counts = bootstrapCounts(10000, 10000, createRandom(1));
  assert.equal(
    counts.reduce((a, b) => a + b, 0),
    10000,
  );
  const drawn = counts.filter((c) => c > 0).length / 10000;
  // 1 - (1 - 1/n)^n ≈ 1 - 1/e; its standard deviation here is about 0.003.
  assert.ok(Math.abs(drawn - (1 - Math.exp(-1))) < 0.015, `${drawn}`);
});

test('treeSample: tree i draws from deriveSeed(seed, "tree", i), its bootstrap sample first', () => {
  const { random, counts } = treeSample(7, 3, 50, 20);
  const again = createRandom(deriveSeed(7, 'tree', 3));
  assert.deepEqual(counts, bootstrapCounts(50, 20, again));
  assert.equal(random.next(), again.next());
  assert.equal(treeSample(7, 3, 50, 0).counts, undefined);
});
