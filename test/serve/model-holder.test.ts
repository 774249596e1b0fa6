import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { test } from 'node:test';
import { saveModel } from '../../src/persist/model-io.js';
import { loadModelFile } from '../../src/serve/load-model-file.js';
import { createModelHolder } from '../../src/serve/model-holder.js';
import { serveModel } from '../../src/serve/served-model.js';
import { createServer } from '../../src/serve/server.js';
import { carsModel } from './models.js';

const first = await carsModel({ kind: 'decisionTree', maxDepth: 2 });
const second = await carsModel({ kind: 'ridge', alpha: 3 });
const dir = mkdtempSync(join(tmpdir(), 'stacklearn-swap-'));

/** A logger stream that keeps the JSON lines. */
function logLines(): { stream: Writable; lines: Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n')) if (line) lines.push(JSON.parse(line));
      done();
    },
  });
  return { stream, lines };
}

test('a reload under concurrent requests drops none, and the new model answers afterwards', async () => {
  const path = join(dir, 'swap.slm');
  await saveModel(first.model, path);
  const server = createServer({ model: await loadModelFile(path), load: () => loadModelFile(path) });
  const { app } = server;
  const rows = first.rows.slice(0, 50);
  const before = Array.from(first.model.predict(first.X).subarray(0, 50));
  const after = Array.from(second.model.predict(second.X).subarray(0, 50));
  const expectedOld = (i: number) => before[i % 50];
  const expectedNew = (i: number) => after[i % 50];
  let swapped = false;
  // Eight clients ask one row after another, from before the swap until 20 requests after it.
  const client = async (c: number): Promise<string[]> => {
    const seen: string[] = [];
    for (let i = c, extra = 0; extra < 20; i += 8) {
      if (swapped) extra++;
      const r = await app.inject({ method: 'POST', url: '/predict', payload: rows[i % 50]! });
      assert.equal(r.statusCode, 200, r.body);
      const value = r.json().predictions[0];
      const isOld = value === expectedOld(i);
      const isNew = value === expectedNew(i);
      assert.ok(isOld || isNew, `request ${i}: ${value} is neither model's prediction`);
      if (isOld !== isNew) seen.push(isOld ? 'old' : 'new');
    }
    return seen;
  };
  const clients = Array.from({ length: 8 }, (_, c) => client(c));
  await new Promise((resolve) => setTimeout(resolve, 20));
  await saveModel(second.model, path);
  const outcome = await server.reload();
  swapped = true;
  assert.equal(outcome.status, 'reloaded');
  for (const seen of await Promise.all(clients)) {
    assert.ok(seen.includes('old') && seen.at(-1) === 'new', seen.join(' '));
    // Atomic swap: once a client got the new model, it never gets the old one again.
    assert.ok(!seen.slice(seen.indexOf('new')).includes('old'), seen.join(' '));
  }
  const batch = await app.inject({ method: 'POST', url: '/predict', payload: rows });
  assert.deepEqual(batch.json().predictions, after);
  assert.equal((await app.inject({ method: 'GET', url: '/model' })).json().kind, 'pipeline');
  assert.deepEqual(
    (await app.inject({ method: 'GET', url: '/model' })).json().spec.estimator,
    second.model.spec.estimator,
  );
});

test('a failed reload keeps serving the old model, answers 500 on /admin/reload and logs the error', async () => {
  const path = join(dir, 'broken.slm');
  await saveModel(first.model, path);
  const { stream, lines } = logLines();
  const server = createServer({
    model: await loadModelFile(path),
    load: () => loadModelFile(path),
    logger: { level: 'info', stream },
  });
  const { app } = server;
  writeFileSync(path, 'not a model');
  const response = await app.inject({ method: 'POST', url: '/admin/reload' });
  assert.equal(response.statusCode, 500);
  const body = response.json();
  assert.equal(body.error, 'reload_failed');
  assert.match(
    body.message,
    /^reload failed, still serving the previous model: .*broken\.slm: not a stacklearn model file/,
  );
  const logged = lines.find((line) => line.msg === 'model reload failed; still serving the previous model');
  assert.ok(logged, 'the failure is logged');
  assert.equal(logged.level, 50);
  assert.match(String((logged.err as { message: string }).message), /not a stacklearn model file/);
  const predicted = await app.inject({ method: 'POST', url: '/predict', payload: first.rows[3]! });
  assert.equal(predicted.statusCode, 200);
  assert.deepEqual(predicted.json().predictions, [first.model.predict(first.X)[3]]);
  // The file fixed, the next reload succeeds.
  await saveModel(second.model, path);
  assert.equal((await app.inject({ method: 'POST', url: '/admin/reload' })).statusCode, 200);
  assert.ok(lines.some((line) => line.msg === 'model reloaded'));
});

test('reloads run one after another, each loading once, and the last one loaded wins', async () => {
  const order: string[] = [];
  const models = [second, first];
  let n = 0;
  const load = async () => {
    const index = n++;
    order.push(`start ${index}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
    order.push(`end ${index}`);
    return { model: models[index]!.model };
  };
  const holder = createModelHolder(serveModel({ model: first.model }), load);
  const [a, b] = await Promise.all([holder.reload(), holder.reload()]);
  assert.deepEqual(order, ['start 0', 'end 0', 'start 1', 'end 1']);
  assert.equal(a.status, 'reloaded');
  assert.equal(b.status, 'reloaded');
  assert.equal(holder.current.model, first.model);
});
