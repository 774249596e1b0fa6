import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  HALVED_GRADIENTS,
  halvedGradients,
  sequentialGradients,
} from '../../../src/learners/hgb/gradient-halves.js';
import { binaryLogLoss } from '../../../src/learners/hgb/losses/binary-log-loss.js';
import { huber } from '../../../src/learners/hgb/losses/huber.js';
import { squaredError } from '../../../src/learners/hgb/losses/squared-error.js';
import { createRandom } from '../../../src/random.js';
import { workData } from './work-data.js';

test('halved gradients of a row-wise loss equal the whole pass, row for row; the loss is their weighted mean', () => {
  const n = HALVED_GRADIENTS + 7;
  const random = createRandom(4);
  const y = Float64Array.from({ length: n }, () => (random.next() < 0.5 ? 0 : 1));
  const w = Float64Array.from({ length: n }, () => random.next() * 2);
  for (const [loss, sampleWeight] of [
    [binaryLogLoss(), w],
    [squaredError(true), w],
    [squaredError(false), undefined],
  ] as const) {
    const target = { y, sampleWeight };
    const data = {
      ...workData(n),
      raw: Float64Array.from({ length: n }, () => random.normal()),
      hessians: loss.constantHessian ? null : new Float32Array(n),
    };
    const source = { loss, target };
    assert.ok(halvedGradients(data, source));
    const halved = sequentialGradients(data, source);
    const g = new Float32Array(n);
    const h = new Float32Array(n);
    const whole = loss.gradients(target, data.raw, g, h);
    assert.deepEqual(data.gradients, g);
    if (data.hessians) assert.deepEqual(data.hessians, h);
    assert.ok(Math.abs(halved - whole) <= 1e-12 * Math.abs(whole), `${loss.name}: ${halved} vs ${whole}`);
  }
  assert.equal(
    halvedGradients(workData(HALVED_GRADIENTS - 1), {
      loss: squaredError(false),
      target: { y, sampleWeight: undefined },
    }),
    false,
  );
  const huberSource = { loss: huber(0.9, false), target: { y, sampleWeight: undefined } };
  assert.equal(halvedGradients(workData(n), huberSource), false, 'huber needs every residual at once');
});

test('halved gradients with every weight of a half 0 give the loss of the other half (not NaN)', () => {
  const n = HALVED_GRADIENTS + 2;
  const y = Float64Array.from({ length: n }, (_, i) => i % 5);
  const w = Float64Array.from({ length: n }, (_, i) => (i < n >> 1 ? 0 : 1));
  const data = { ...workData(n), raw: new Float64Array(n), hessians: new Float32Array(n) };
  const loss = squaredError(true);
  const halved = sequentialGradients(data, { loss, target: { y, sampleWeight: w } });
  const whole = loss.gradients({ y, sampleWeight: w }, data.raw, new Float32Array(n), new Float32Array(n));
  assert.ok(Number.isFinite(halved));
  assert.ok(Math.abs(halved - whole) <= 1e-12 * whole);
});
