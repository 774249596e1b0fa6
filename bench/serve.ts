// Serving benchmark (npm run bench:serve): single-row latency in process against scikit-learn's
// single-row predict, and HTTP throughput of `stacklearn serve` on loopback. Seeded, bounded in time.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { makeFriedman1 } from '../src/data/synthetic.js';
import '../src/learners/builtins.js';
import { compileRowPredictor } from '../src/learners/compile.js';
import { fit } from '../src/learners/fit.js';
import { hasLearner } from '../src/learners/registry.js';
import type { Regressor, Spec } from '../src/learners/types.js';
import { saveModel } from '../src/persist/model-io.js';
import { benchSource, COMPILED } from './peer.js';

const root = benchSource('../');
const dir = mkdtempSync(join(tmpdir(), 'stacklearn-bench-serve-'));
const python = '/usr/bin/python3';
const calls = 100_000;
const httpSeconds = 10;

interface Latency {
  readonly p50: number;
  readonly p99: number;
  readonly mean: number;
}

const train = makeFriedman1({ nSamples: 2000, noise: 1, seed: 0 });
const test = makeFriedman1({ nSamples: 1000, noise: 1, seed: 1 });
const rows = Array.from({ length: test.X.rows }, (_, i) =>
  test.X.data.slice(i * test.X.cols, (i + 1) * test.X.cols),
);

const boosting: Spec = {
  kind: 'gradientBoosting',
  nEstimators: 100,
  maxDepth: 3,
  learningRate: 0.1,
  seed: 0,
};
const stacking: Spec = {
  kind: 'stacking',
  estimators: {
    gb: { kind: 'gradientBoosting', nEstimators: 50, seed: 0 },
    ridge: { kind: 'ridge' },
    knn: { kind: 'knn', nNeighbors: 5 },
  },
  finalEstimator: { kind: 'ridge' },
  cv: 5,
};

/** p50 / p99 / mean in µs of `n` single-row calls after a warm-up, each timed on its own. */
function rowLatency(predictRow: (row: Float64Array) => number, n: number): Latency {
  let sink = 0;
  for (let i = 0; i < 20_000; i++) sink += predictRow(rows[i % rows.length]!);
  const times = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const row = rows[i % rows.length]!;
    const start = performance.now();
    sink += predictRow(row);
    times[i] = (performance.now() - start) * 1000;
  }
  if (Number.isNaN(sink)) throw new Error('NaN prediction');
  return summarize(times);
}

function summarize(times: Float64Array): Latency {
  const sorted = Float64Array.from(times).sort();
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { p50: at(0.5), p99: at(0.99), mean: times.reduce((a, b) => a + b, 0) / times.length };
}

/** scikit-learn's single-row predict latency (µs) for the same kinds of model on the same data. */
function sklearnLatency(): Record<'boosting' | 'stacking', Latency> | string {
  const data = join(dir, 'data.json');
  writeFileSync(
    data,
    JSON.stringify({
      X: Array.from(train.X.data),
      y: Array.from(train.y),
      cols: train.X.cols,
      Xt: Array.from(test.X.data),
    }),
  );
  const script = `
import json, sys, time
import numpy as np
from sklearn.ensemble import GradientBoostingRegressor, StackingRegressor
from sklearn.linear_model import Ridge
from sklearn.neighbors import KNeighborsRegressor
d = json.load(open(sys.argv[1]))
X = np.array(d["X"]).reshape(-1, d["cols"]); y = np.array(d["y"]); Xt = np.array(d["Xt"]).reshape(-1, d["cols"])
def latency(model, n=10000):
    for i in range(1000): model.predict(Xt[i % len(Xt)].reshape(1, -1))
    times = []
    for i in range(n):
        row = Xt[i % len(Xt)].reshape(1, -1)
        t = time.perf_counter_ns(); model.predict(row); times.append((time.perf_counter_ns() - t) / 1000)
    times.sort()
    return {"p50": times[n // 2], "p99": times[int(0.99 * n)], "mean": sum(times) / n}
gb = GradientBoostingRegressor(n_estimators=100, max_depth=3, learning_rate=0.1, random_state=0).fit(X, y)
stack = StackingRegressor([("gb", GradientBoostingRegressor(n_estimators=50, random_state=0)), ("ridge", Ridge()),
    ("knn", KNeighborsRegressor(5))], final_estimator=Ridge(), cv=5).fit(X, y)
print(json.dumps({"boosting": latency(gb), "stacking": latency(stack)}))
`;
  try {
    return JSON.parse(execFileSync(python, ['-c', script, data], { encoding: 'utf8', timeout: 600_000 }));
  } catch (error) {
    return `scikit-learn run failed: ${(error as Error).message.split('\n')[0]}`;
  }
}

async function freePort(): Promise<number> {
  const server = createNetServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * autocannon against `stacklearn serve` (a child process) with single-row requests; with
 * --log-requests the server writes two log lines per request (to a discarded stdout).
 */
async function httpThroughput(model: Regressor, logRequests: boolean): Promise<autocannon.Result> {
  const path = join(dir, 'boosting.slm');
  await saveModel(model, path);
  const port = await freePort();
  // The compiled CLI when this benchmark runs compiled (npm run bench:serve builds it first).
  const cli = COMPILED ? ['dist/src/cli/main.js'] : ['--import', 'tsx', 'src/cli/main.ts'];
  const args = [...cli, 'serve', '--model', path, '--port', String(port)];
  const child = spawn(process.execPath, [...args, ...(logRequests ? ['--log-requests'] : [])], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  try {
    for (let tries = 0; ; tries++) {
      try {
        if ((await fetch(`${url}/health`)).ok) break;
      } catch (error) {
        if (tries > 100) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
    const body = JSON.stringify(Object.fromEntries(model.info.features.map((f, j) => [f.name, rows[0]![j]])));
    return await autocannon({
      url: `${url}/predict`,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
      connections: 32,
      duration: httpSeconds,
    });
  } finally {
    child.kill('SIGTERM');
  }
}

const fmt = (v: number) => (v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2));
const line = (name: string, l: Latency) =>
  `  ${name.padEnd(50)} ${fmt(l.p50).padStart(9)} ${fmt(l.p99).padStart(9)} ${fmt(l.mean).padStart(9)}`;

const boostingModel = (await fit(boosting, train)) as Regressor;
const ours: [string, Latency][] = [
  [`stacklearn gradientBoosting (100 trees)`, rowLatency(compileRowPredictor(boostingModel), calls)],
];
if (hasLearner('stacking')) {
  const stackModel = (await fit(stacking, train)) as Regressor;
  ours.push([
    `stacklearn stacking (gb 50 + ridge + knn → ridge)`,
    rowLatency(compileRowPredictor(stackModel), calls),
  ]);
} else {
  console.log('note: no "stacking" learner registered; the stacking row is skipped');
}
const sklearn = sklearnLatency();
console.log(
  `\nsingle-row latency in process, µs (${calls} calls after warm-up; scikit-learn 1.2.1: 10000 calls)`,
);
console.log(`  ${''.padEnd(50)} ${'p50'.padStart(9)} ${'p99'.padStart(9)} ${'mean'.padStart(9)}`);
for (const [name, latency] of ours) console.log(line(name, latency));
if (typeof sklearn === 'string') console.log(`  ${sklearn}`);
else {
  console.log(line('scikit-learn GradientBoostingRegressor', sklearn.boosting));
  console.log(line('scikit-learn StackingRegressor', sklearn.stacking));
  console.log(
    `  ratio scikit-learn / stacklearn (p50): gradient boosting ${fmt(sklearn.boosting.p50 / ours[0]![1].p50)}×`,
  );
  if (ours[1])
    console.log(
      `  ratio scikit-learn / stacklearn (p50): stacking ${fmt(sklearn.stacking.p50 / ours[1][1].p50)}×`,
    );
}
console.log(`  target: ≤ 5 µs for 100 trees → ${ours[0]![1].p50 <= 5 ? 'met' : 'missed'} (p50)`);

console.log(
  `\nHTTP POST /predict (gradientBoosting), one row per request, 32 connections, ${httpSeconds} s per run on 127.0.0.1`,
);
console.log(
  `  ${'server logging'.padEnd(34)} ${'req/s'.padStart(8)} ${'p50 ms'.padStart(7)} ${'p99 ms'.padStart(7)} ${'failed'.padStart(7)}`,
);
for (const [logRequests, label] of [
  [false, 'default logging (info)'],
  [true, '--log-requests (two lines per request)'],
] as const) {
  const http = await httpThroughput(boostingModel, logRequests);
  const failed = http.non2xx + http.errors + http.timeouts;
  const met = http.requests.average >= 10_000 && http.latency.p99 <= 5 && failed === 0;
  console.log(
    `  ${label.padEnd(34)} ${fmt(http.requests.average).padStart(8)} ${String(http.latency.p50).padStart(7)} ` +
      `${String(http.latency.p99).padStart(7)} ${String(failed).padStart(7)}   target ≥ 10k req/s, p99 ≤ 5 ms: ${met ? 'met' : 'missed'}`,
  );
}
