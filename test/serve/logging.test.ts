import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { test } from 'node:test';
import { createServer } from '../../src/serve/server.js';
import { carsModel } from './models.js';

function capture(): { stream: Writable; lines: string[] } {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).trim().split('\n'));
      done();
    },
  });
  return { stream, lines };
}

test('requests are not logged by default; --log-requests (logRequests) logs two lines per request', async () => {
  const { model, rows } = await carsModel();
  for (const logRequests of [false, true]) {
    const { stream, lines } = capture();
    const { app } = createServer({ model, logger: { level: 'info', stream }, logRequests });
    await app.inject({ method: 'POST', url: '/predict', payload: rows[0] });
    await app.inject({ method: 'GET', url: '/health' });
    await app.close();
    const perRequest = lines.filter((line) => /incoming request|request completed/.test(line));
    assert.equal(perRequest.length, logRequests ? 4 : 0, lines.join('\n'));
  }
});
