import assert from 'node:assert/strict';
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { test } from 'node:test';
import { parseByteSize } from '../../src/cli/serve-command.js';
import { saveModel } from '../../src/persist/model-io.js';
import { carsModel } from '../serve/models.js';

const root = new URL('../../', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'stacklearn-cli-serve-'));
const cli = ['--import', 'tsx', 'src/cli/main.ts', 'serve'];

type LogLine = Record<string, unknown>;

/** Waits for the first JSON log line (on stdout) that `match` accepts. */
function watchLog(
  child: ChildProcess,
): (match: (line: LogLine) => boolean, what: string) => Promise<LogLine> {
  const seen: LogLine[] = [];
  const waiting: { match: (line: LogLine) => boolean; resolve: (line: LogLine) => void }[] = [];
  createInterface({ input: child.stdout! }).on('line', (text) => {
    const line = JSON.parse(text) as LogLine;
    seen.push(line);
    for (const w of waiting.splice(0)) {
      if (w.match(line)) w.resolve(line);
      else waiting.push(w);
    }
  });
  return (match, what) => {
    const found = seen.find(match);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no log line ${what} within 20 s`)), 20_000);
      waiting.push({
        match,
        resolve: (line) => {
          clearTimeout(timer);
          resolve(line);
        },
      });
    });
  };
}

async function predict(address: string, row: unknown): Promise<unknown> {
  const response = await fetch(`${address}/predict`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(row),
  });
  assert.equal(response.status, 200);
  return ((await response.json()) as { predictions: unknown[] }).predictions[0];
}

test('serve answers on a free port, reloads the model file on SIGHUP and exits 0 on SIGTERM', async () => {
  const first = await carsModel({ kind: 'ridge' });
  const second = await carsModel({ kind: 'knn', nNeighbors: 3 });
  const path = join(dir, 'cars.slm');
  await saveModel(first.model, path);
  const child = spawn(process.execPath, [...cli, '--model', path, '--port', '0'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const waitForLog = watchLog(child);
  try {
    const serving = await waitForLog((line) => typeof line.address === 'string', 'with the bound address');
    const address = String(serving.address);
    assert.match(address, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.equal(serving.kind, 'pipeline');
    assert.deepEqual(await (await fetch(`${address}/health`)).json(), { status: 'ok' });
    assert.equal(await predict(address, first.rows[10]), first.model.predict(first.X)[10]);

    await saveModel(second.model, path);
    child.kill('SIGHUP');
    await waitForLog((line) => line.msg === 'model reloaded', '"model reloaded"');
    assert.equal(await predict(address, first.rows[10]), second.model.predict(second.X)[10]);

    child.kill('SIGTERM');
    assert.equal(await exited, 0, stderr);
    await waitForLog((line) => line.msg === 'stopped', '"stopped"');
    await assert.rejects(fetch(`${address}/health`));
  } finally {
    child.kill('SIGKILL');
  }
});

test('serve refuses a missing model file and a malformed --body-limit, saying which', () => {
  const missing = spawnSync(process.execPath, [...cli, '--model', join(dir, 'none.slm')], {
    cwd: root,
    encoding: 'utf8',
  });
  assert.equal(missing.status, 1);
  assert.match(missing.stderr, /stacklearn: no model file at .*none\.slm/);
  const limit = spawnSync(process.execPath, [...cli, '--model', 'x.slm', '--body-limit', 'lots'], {
    cwd: root,
    encoding: 'utf8',
  });
  assert.notEqual(limit.status, 0);
  assert.match(limit.stderr, /--body-limit.*expected a size such as 4096, 512kb or 1mb, received "lots"/);
});

test('parseByteSize reads bytes and 1024-based units', () => {
  assert.equal(parseByteSize('4096'), 4096);
  assert.equal(parseByteSize('512kb'), 512 * 1024);
  assert.equal(parseByteSize('1MB'), 1024 * 1024);
  assert.equal(parseByteSize('1.5mb'), 1.5 * 1024 * 1024);
  assert.throws(() => parseByteSize('0'), /expected a size/);
  assert.throws(() => parseByteSize('12 parsecs'), /received "12 parsecs"/);
});
