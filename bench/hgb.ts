// Benchmark (not a test): histGradientBoosting against scikit-learn's HistGradientBoostingRegressor
// and XGBoost's hist trees, on the same data in the same run: fit time on 2 threads, test R², and
// our prediction latency (one row) and throughput (a batch).
//
//   npm run bench:hgb                         sizes 100k, 500k and 1M training rows
//   npm run bench:hgb -- --sizes=100k,500k    (or HGB_BENCH_SIZES=100k) chosen sizes
//   npm run bench:hgb -- --one-thread         also fit ours on one thread
//   npm run bench:hgb -- --flights=PATH       also the flights delays (Parquet / Arrow / CSV with
//                                             date, delay, distance, origin, destination), 1M rows
//
// Data: Friedman #1, 20 features (5 informative), noise 1, seeded; 50,000 test rows. Settings:
// 100 iterations, learning rate 0.1, 31 leaves (best-first), 255 bins, 20 rows per leaf, no early
// stopping. Peers (Debian's /usr/bin/python3 with scikit-learn and xgboost, bench/peers/hgb.py) read
// the same bytes from a temporary file and time their fit alone; each is skipped, with a note, when
// missing. Our worker threads are started before timing (a one-off cost of a process). The machine's
// load average is printed with each case: peers using OpenMP slow down badly when other processes
// hold a core, so compare runs made on an idle machine.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { type HgbState, predictRow } from '../src/learners/hgb/predictor.js';
import {
  type Feature,
  fit,
  type Matrix,
  makeFriedman1,
  nodeExecutor,
  type RegressionData,
  type Regressor,
  r2Score,
  readDataset,
  shutdownWorkers,
} from '../src/node.js';
import { HGB_BENCH_SPEC } from './hgb-spec.js';
import { benchSource } from './peer.js';

const PYTHON = '/usr/bin/python3';
const PEER_SCRIPT = benchSource('peers/hgb.py');

type Peer = 'sklearn' | 'xgboost';

interface Result {
  readonly fitSeconds: number;
  readonly r2: number;
  /** Batch prediction of the test rows: the best of six calls; the first one (building the model's caches) apart. */
  readonly predictSeconds?: number;
  readonly firstPredictSeconds?: number;
  readonly cpuSeconds?: number;
  readonly version?: string;
}

/** One comparison: training data, test rows, and the columns holding category codes. */
interface Case {
  readonly name: string;
  readonly train: RegressionData;
  readonly XTest: Matrix;
  readonly yTest: Float64Array;
}

function flag(name: string): string | undefined {
  return process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
}

function parseSizes(): number[] {
  const text = flag('sizes') ?? process.env.HGB_BENCH_SIZES ?? '100k,500k,1m';
  return text.split(',').map((part) => {
    const match = /^(\d+(?:\.\d+)?)([km]?)$/i.exec(part.trim());
    if (!match) throw new Error(`bench:hgb: bad size "${part}" (e.g. 100k, 1m, 20000)`);
    const scale = { '': 1, k: 1e3, m: 1e6 }[match[2]!.toLowerCase() as '' | 'k' | 'm'];
    return Math.round(Number(match[1]) * scale);
  });
}

function friedman(nTrain: number): Case {
  const nTest = 50_000;
  const data = makeFriedman1({ nSamples: nTrain + nTest, nFeatures: 20, noise: 1, seed: 0 });
  return split(`Friedman #1, ${nTrain.toLocaleString('en')} training rows`, data, nTrain);
}

/** Flight delays from the date (hour, weekday, day), distance, origin and destination; 1M + 200k rows. */
async function flights(path: string): Promise<Case> {
  const dataset = await readDataset(path);
  const column = (name: string) => {
    const found = dataset.columns.find((c) => c.name === name);
    if (!found) throw new Error(`bench:hgb: ${path} has no column "${name}"`);
    return found;
  };
  const n = Math.min(dataset.nRows, 1_200_000);
  const date = column('date').values;
  const sources = [column('distance'), column('origin'), column('destination')];
  const X = new Float64Array(n * 6);
  for (let i = 0; i < n; i++) {
    const hours = date[i]! / 3_600_000;
    X.set([Math.floor(hours % 24), Math.floor(hours / 24 + 4) % 7, Math.floor(hours / 24) % 366], i * 6);
    for (let j = 0; j < 3; j++) X[i * 6 + 3 + j] = sources[j]!.values[i]!;
  }
  const features: Feature[] = [
    ...['hour', 'weekday', 'day', 'distance'].map((name) => ({ name, kind: 'numeric' as const })),
    ...sources.slice(1).map((c) => ({ name: c.name, kind: 'categorical' as const, levels: c.levels ?? [] })),
  ];
  const data: RegressionData = {
    task: 'regression',
    X: { rows: n, cols: 6, data: X },
    features,
    y: column('delay').values.slice(0, n),
  };
  return split(
    `flights, ${Math.round(n / 1.2).toLocaleString('en')} training rows`,
    data,
    Math.round(n / 1.2),
  );
}

function split(name: string, data: RegressionData, nTrain: number): Case {
  const cols = data.X.cols;
  return {
    name,
    train: {
      ...data,
      X: { rows: nTrain, cols, data: data.X.data.subarray(0, nTrain * cols) },
      y: data.y.subarray(0, nTrain),
    },
    XTest: { rows: data.X.rows - nTrain, cols, data: data.X.data.subarray(nTrain * cols) },
    yTest: data.y.subarray(nTrain),
  };
}

function peerModule(peer: Peer): boolean {
  try {
    execFileSync(PYTHON, ['-c', `import ${peer}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function runPeer(peer: Peer, path: string, c: Case): Result {
  const categorical = c.train.features.flatMap((f, j) => (f.kind === 'categorical' ? [j] : []));
  const sizes = [c.train.X.rows, c.XTest.rows, c.train.X.cols].map(String);
  const args = [PEER_SCRIPT, path, ...sizes, peer, JSON.stringify(categorical)];
  const out = execFileSync(PYTHON, args, { encoding: 'utf8', env: { ...process.env, OMP_NUM_THREADS: '2' } });
  return JSON.parse(out) as Result;
}

async function runOurs(c: Case, nJobs: number): Promise<{ result: Result; model: Regressor }> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const model = (await fit({ ...HGB_BENCH_SPEC, nJobs }, c.train, {
    executor: nodeExecutor(2),
  })) as Regressor;
  const fitSeconds = (performance.now() - start) / 1000;
  const used = process.cpuUsage(cpu);
  const { seconds: firstPredictSeconds, value: prediction } = timed(() => model.predict(c.XTest));
  let predictSeconds = firstPredictSeconds;
  for (let i = 0; i < 5; i++)
    predictSeconds = Math.min(predictSeconds, timed(() => model.predict(c.XTest)).seconds);
  const r2 = r2Score(c.yTest, prediction);
  const cpuSeconds = (used.user + used.system) / 1e6;
  return { result: { fitSeconds, r2, predictSeconds, firstPredictSeconds, cpuSeconds }, model };
}

function timed<T>(run: () => T): { seconds: number; value: T } {
  const start = performance.now();
  const value = run();
  return { seconds: (performance.now() - start) / 1000, value };
}

/** p50 and p99 of one-row predictions, in microseconds, over (up to 20,000) test rows. */
function rowLatency(model: Regressor, X: Matrix): { p50: number; p99: number } {
  const state = model.state as HgbState;
  const out = new Float64Array(1);
  const rows = Array.from({ length: Math.min(X.rows, 20_000) }, (_, i) =>
    X.data.subarray(i * X.cols, (i + 1) * X.cols),
  );
  for (const row of rows) predictRow(state, row, out);
  const times = new Float64Array(rows.length);
  rows.forEach((row, i) => {
    const start = process.hrtime.bigint();
    predictRow(state, row, out);
    times[i] = Number(process.hrtime.bigint() - start) / 1000;
  });
  times.sort();
  return { p50: times[Math.floor(0.5 * times.length)]!, p99: times[Math.floor(0.99 * times.length)]! };
}

const seconds = (r: Result | undefined): string => (r ? `${r.fitSeconds.toFixed(2)} s` : 'skipped');
const ratio = (ours: Result, peer: Result | undefined): string =>
  peer ? `${(ours.fitSeconds / peer.fitSeconds).toFixed(2)}×` : '–';

async function compare(c: Case, peers: readonly Peer[], dir: string, oneThread: boolean): Promise<Regressor> {
  const path = join(dir, 'data.bin');
  const all = new Float64Array(
    c.train.X.data.length + c.XTest.data.length + c.train.y.length + c.yTest.length,
  );
  all.set(c.train.X.data);
  all.set(c.XTest.data, c.train.X.data.length);
  all.set(c.train.y, c.train.X.data.length + c.XTest.data.length);
  all.set(c.yTest, all.length - c.yTest.length);
  writeFileSync(path, new Uint8Array(all.buffer));
  const results: Partial<Record<Peer, Result>> = {};
  console.log(`${c.name} (load average ${loadavg()[0]!.toFixed(2)})`);
  for (const peer of peers) results[peer] = runPeer(peer, path, c);
  const { result: ours, model } = await runOurs(c, 2);
  const single = oneThread ? (await runOurs(c, 1)).result : undefined;
  console.log(
    `  ours     ${seconds(ours)} (CPU ${ours.cpuSeconds!.toFixed(1)} s)  R² ${ours.r2.toFixed(4)}` +
      (single ? `   | one thread ${seconds(single)}` : ''),
  );
  for (const peer of peers) {
    const r = results[peer]!;
    console.log(`  ${peer.padEnd(8)} ${seconds(r)}  R² ${r.r2.toFixed(4)}   (v${r.version})`);
  }
  console.log(
    `  fit time ratio ours / scikit-learn ${ratio(ours, results.sklearn)}, ours / XGBoost ${ratio(ours, results.xgboost)}`,
  );
  const nTrees = (model.state as HgbState).trees.roots.length;
  const perRowTree = (s: number | undefined): string =>
    s === undefined ? '–' : `${((s * 1e9) / (c.XTest.rows * nTrees)).toFixed(1)} ns`;
  console.log(
    `  batch predict per row·tree: ours ${perRowTree(ours.predictSeconds)} (one thread, best of 6; ` +
      `first call ${perRowTree(ours.firstPredictSeconds)})` +
      peers.map((peer) => `, ${peer} ${perRowTree(results[peer]!.predictSeconds)}`).join('') +
      (peers.length > 0 ? ' (best of 6 too, two threads)' : ''),
  );
  return model;
}

async function main(): Promise<void> {
  const sizes = parseSizes();
  const flightsPath = flag('flights');
  const oneThread = process.argv.includes('--one-thread');
  const peers = (['sklearn', 'xgboost'] as const).filter((peer) => {
    const ok = peerModule(peer);
    if (!ok) console.log(`note: ${PYTHON} has no ${peer}; its column is skipped`);
    return ok;
  });
  console.log(`histGradientBoosting vs peers; ${cpus().length} CPUs; ours and peers on 2 threads\n`);
  // Start the worker threads (and compile the hot loops) before any timing.
  await runOurs(friedman(20_000), 2);
  const dir = mkdtempSync(join(tmpdir(), 'stacklearn-bench-hgb-'));
  try {
    let last: { model: Regressor; XTest: Matrix } | undefined;
    for (const n of sizes) {
      const c = friedman(n);
      last = { model: await compare(c, peers, dir, oneThread), XTest: c.XTest };
    }
    if (last) {
      const { p50, p99 } = rowLatency(last.model, last.XTest);
      const nTrees = (last.model.state as HgbState).trees.roots.length;
      console.log(
        `\nsingle-row predictRow, ${nTrees} trees of ≤ 31 leaves: p50 ${p50.toFixed(2)} µs, p99 ${p99.toFixed(2)} µs`,
      );
    }
    if (flightsPath) await compare(await flights(flightsPath), peers, dir, oneThread);
    else
      console.log(
        '\nflights: skipped (pass --flights=PATH to a flights file, e.g. vega-datasets flights-3m.parquet)',
      );
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await shutdownWorkers();
  }
}

await main();
