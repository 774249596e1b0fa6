import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { matrix } from '../../src/data/matrix.js';
import { fit } from '../../src/learners/fit.js';
import { saveModel } from '../../src/persist/model-io.js';
import { loadModelFile } from '../../src/serve/load-model-file.js';
import { createServer } from '../../src/serve/server.js';
import { carsModel, penguinsModel } from './models.js';

const cars = await carsModel();
const penguins = await penguinsModel();
const dir = mkdtempSync(join(tmpdir(), 'stacklearn-serve-'));

async function post(app: ReturnType<typeof createServer>['app'], payload: unknown, url = '/predict') {
  const response = await app.inject({ method: 'POST', url, payload: payload as object });
  return { status: response.statusCode, body: response.json() };
}

test('GET /health answers ok', async () => {
  const { app } = createServer({ model: cars.model });
  const response = await app.inject({ method: 'GET', url: '/health' });
  assert.equal(response.statusCode, 200);
  assert.deepEqual(response.json(), { status: 'ok' });
});

test('GET /model describes the model: kind, task, target, features with levels, classes, spec, file header', async () => {
  const path = join(dir, 'penguins.slm');
  await saveModel(penguins.model, path, {
    createdWith: 'stacklearn test',
    createdAt: '2024-05-01T00:00:00.000Z',
  });
  const { app } = createServer({ model: await loadModelFile(path) });
  const body = (await app.inject({ method: 'GET', url: '/model' })).json();
  assert.equal(body.kind, 'pipeline');
  assert.equal(body.task, 'multiclass');
  assert.equal(body.target, 'Species');
  assert.deepEqual(body.classes, ['Adelie', 'Chinstrap', 'Gentoo']);
  assert.deepEqual(body.features[0], {
    name: 'Island',
    kind: 'categorical',
    levels: ['Biscoe', 'Dream', 'Torgersen'],
  });
  assert.deepEqual(body.features[1], { name: 'Beak Length (mm)', kind: 'numeric' });
  assert.deepEqual(body.spec, penguins.model.spec);
  assert.equal(body.fitTimeMs, penguins.model.fitTimeMs);
  assert.equal(body.format, 'stacklearn-model');
  assert.equal(body.formatVersion, 1);
  assert.equal(body.createdWith, 'stacklearn test');
  assert.equal(body.createdAt, '2024-05-01T00:00:00.000Z');
  assert.equal(body.source, path);
  assert.equal(body.metrics, undefined, 'the file records no metrics');
  assert.deepEqual(
    body.inputSchema.anyOf[0].required,
    penguins.model.info.features.map((f) => f.name),
  );
});

test('POST /predict with one row gives one prediction equal to model.predict', async () => {
  const { app } = createServer({ model: cars.model });
  const expected = cars.model.predict(cars.X);
  for (const i of [0, 32, 126, 397]) {
    const { status, body } = await post(app, cars.rows[i]);
    assert.equal(status, 200);
    assert.deepEqual(body, { predictions: [expected[i]] });
  }
});

test('POST /predict with an array gives the predictions of every row, equal to model.predict', async () => {
  const { app } = createServer({ model: cars.model });
  const { status, body } = await post(app, cars.rows);
  assert.equal(status, 200);
  assert.deepEqual(body.predictions, Array.from(cars.model.predict(cars.X)));
});

test('a classifier answers class labels and one probability record per row', async () => {
  const { app } = createServer({ model: penguins.model });
  const proba = penguins.model.predictProba(penguins.X);
  const labels = Array.from(penguins.model.predict(penguins.X), (code) => penguins.model.classes[code]);
  const probabilityRows = Array.from({ length: proba.rows }, (_, i) => ({
    Adelie: proba.data[3 * i],
    Chinstrap: proba.data[3 * i + 1],
    Gentoo: proba.data[3 * i + 2],
  }));
  const batch = await post(app, penguins.rows);
  assert.equal(batch.status, 200);
  assert.deepEqual(batch.body, { predictions: labels, probabilities: probabilityRows });
  const single = await post(app, penguins.rows[200]);
  assert.deepEqual(single.body, { predictions: [labels[200]], probabilities: [probabilityRows[200]] });
});

test('?unknown=missing predicts an unseen category as a missing value', async () => {
  const { app } = createServer({ model: cars.model });
  const row = { ...cars.rows[0]!, Origin: 'Mars' };
  const refused = await post(app, row);
  assert.equal(refused.status, 400);
  assert.equal(refused.body.error, 'unknown_category');
  const X = matrix(1, cars.X.cols, cars.X.data.slice(0, cars.X.cols));
  X.data[cars.model.info.features.findIndex((f) => f.name === 'Origin')] = Number.NaN;
  const { status, body } = await post(app, row, '/predict?unknown=missing');
  assert.equal(status, 200);
  assert.deepEqual(body.predictions, [cars.model.predict(X)[0]]);
});

test('every refused request gets a JSON error naming what is wrong', async () => {
  const { app } = createServer({ model: cars.model, bodyLimit: 2000 });
  const row = cars.rows[0]!;
  const raw = async (payload: string, contentType: string, url = '/predict') => {
    const response = await app.inject({
      method: 'POST',
      url,
      payload,
      headers: { 'content-type': contentType },
    });
    return { status: response.statusCode, body: response.json() };
  };
  const cases: [
    Promise<{ status: number; body: { error: string; message: string } }>,
    number,
    string,
    RegExp,
  ][] = [
    [raw('{"Cylinders": 8,', 'application/json'), 400, 'invalid_json', /^the body is not valid JSON$/],
    [raw('', 'application/json'), 400, 'empty_body', /^the body is empty; send one row object or an array/],
    [
      raw('Cylinders=8', 'text/plain'),
      415,
      'unsupported_media_type',
      /must be JSON with content-type application\/json; received content-type "text\/plain"/,
    ],
    [
      post(app, cars.rows.slice(0, 40)),
      413,
      'body_too_large',
      /^the body is larger than the limit of 2000 bytes/,
    ],
    [
      post(app, [1, 2]),
      400,
      'invalid_row',
      /^row 0: expected an object of feature values; received 1 \(a number\)/,
    ],
    [
      raw('"hello"', 'application/json'),
      400,
      'invalid_body',
      /must be one row object or an array of row objects; received "hello"/,
    ],
    [
      post(app, { Cylinders: 8 }),
      400,
      'missing_fields',
      /^missing fields "Displacement", "Horsepower", "Weight_in_lbs", "Acceleration", "Year", "Origin"/,
    ],
    [
      post(app, { ...row, Year: '1970' }),
      400,
      'invalid_value',
      /^field "Year": expected a number or null; received "1970" \(a string\)$/,
    ],
    [
      post(app, [row, { ...row, Origin: 'Mars' }]),
      400,
      'unknown_category',
      /^row 1: field "Origin": "Mars" is not one of the training levels "Europe", "Japan", "USA"/,
    ],
    [
      post(app, row, '/predict?unknown=ignore'),
      400,
      'invalid_query',
      /^query parameter "unknown" must be "error" or "missing"; received "ignore"$/,
    ],
    [
      post(app, row, '/predicts'),
      404,
      'not_found',
      /^no route POST \/predicts; the routes are GET \/health, GET \/model, POST \/predict/,
    ],
    [post(app, {}, '/admin/reload'), 409, 'not_reloadable', /there is no file to reload/],
  ];
  for (const [response, status, error, message] of cases) {
    const { status: got, body } = await response;
    assert.equal(got, status, JSON.stringify(body));
    assert.equal(body.error, error);
    assert.match(body.message, message);
  }
  const forbidden = await app.inject({ method: 'POST', url: '/admin/reload', remoteAddress: '192.0.2.7' });
  assert.equal(forbidden.statusCode, 403);
  assert.deepEqual(forbidden.json(), {
    error: 'forbidden',
    message: 'reloading is allowed from this machine only; request from 192.0.2.7',
  });
});

test('a missing value for a model that cannot take one is a 400 naming the column', async () => {
  const features = [{ name: 'x', kind: 'numeric' as const }];
  const X = matrix([[0], [1], [2]]);
  const model = await fit(
    { kind: 'ridge' },
    { task: 'regression', X, features, y: Float64Array.of(0, 1, 2) },
  );
  const { app } = createServer({ model });
  for (const body of [{ x: null }, [{ x: 1 }, { x: null }]]) {
    const response = await post(app, body);
    assert.equal(response.status, 400);
    assert.equal(response.body.error, 'invalid_input');
    assert.match(
      response.body.message,
      /ridge: column "x" has a missing value at row \d; ridge does not accept missing values/,
    );
  }
});

test('closing the server lets a request in flight finish and refuses new connections', async () => {
  const { app } = createServer({ model: cars.model });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  const payload = JSON.stringify(cars.rows[5]);
  const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path: '/predict',
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) },
      },
      (res) => {
        let body = '';
        res.on('data', (chunk) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    // Half the body now: the request is in flight when the server starts closing.
    req.write(payload.slice(0, 20));
    setTimeout(() => req.end(payload.slice(20)), 300);
  });
  await new Promise((resolve) => setTimeout(resolve, 100));
  let closed = false;
  const closing = app.close().then(() => {
    closed = true;
  });
  await new Promise((resolve) => setTimeout(resolve, 50));
  await assert.rejects(fetch(`http://127.0.0.1:${port}/health`), 'a new connection is refused while closing');
  assert.equal(closed, false, 'close waits for the request in flight');
  const { status, body } = await answer;
  assert.equal(status, 200);
  assert.deepEqual(JSON.parse(body), { predictions: [cars.model.predict(cars.X)[5]] });
  await closing;
  assert.equal(closed, true);
});
