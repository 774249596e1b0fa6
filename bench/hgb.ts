// Benchmark (not a test): histGradientBoosting against scikit-learn's HistGradientBoostingRegressor
// and XGBoost's hist trees, on the same data in the same run: fit time on 2 threads, test R², and
// our prediction latency (one row) and throughput (a batch).
//
//   npm run bench:hgb                         sizes 100k, 500k and 1M training rows
//   npm run bench:hgb -- --sizes=100k,500k    (or HGB_BENCH_SIZES=100k) chosen sizes
//   npm run bench:hgb -- --one-thread         also fit ours on one thread
//
// Data: Friedman #1, 20 features (5 informative), noise 1, seeded; 50,000 test rows. Settings:
// 100 iterations, learning rate 0.1, 31 leaves (best-first), 255 bins, 20 rows per leaf, no early
// stopping. Peers (Debian's /usr/bin/python3 with scikit-learn and xgboost, bench/peers/hgb.py) read
// the same bytes from a temporary file and time their fit alone; each is skipped, with a note, when
// missing. Our worker threads are started before timing (a one-off cost of a process).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { type HgbState, predictRow } from '../src/learners/hgb/predictor.js';
import { fit, makeFriedman1, nodeExecutor, type Regressor, r2Score, shutdownWorkers } from '../src/node.js';

const N_TEST = 50_000;
const N_FEATURES = 20;
const PYTHON = '/usr/bin/python3';
const PEER_SCRIPT = new URL('./peers/hgb.py', import.meta.url).pathname;
const SPEC = {
  kind: 'histGradientBoosting',
  maxIter: 100,
  learningRate: 0.1,
  maxLeafNodes: 31,
  maxBins: 255,
  minSamplesLeaf: 20,
  earlyStopping: false,
} as const;

type Peer = 'sklearn' | 'xgboost';

interface Result {
  readonly fitSeconds: number;
  readonly r2: number;
  readonly predictSeconds?: number;
  readonly cpuSeconds?: number;
  readonly version?: string;
}

function parseSizes(): number[] {
  const flag = process.argv.find((a) => a.startsWith('--sizes='))?.slice('--sizes='.length);
  const text = flag ?? process.env.HGB_BENCH_SIZES ?? '100k,500k,1m';
  return text.split(',').map((part) => {
    const match = /^(\d+(?:\.\d+)?)([km]?)$/i.exec(part.trim());
    if (!match) throw new Error(`bench:hgb: bad size "${part}" (e.g. 100k, 1m, 20000)`);
    const scale = { '': 1, k: 1e3, m: 1e6 }[match[2]!.toLowerCase() as '' | 'k' | 'm'];
    return Math.round(Number(match[1]) * scale);
  });
}

function peerModule(peer: Peer): boolean {
  try {
    execFileSync(PYTHON, ['-c', `import ${peer}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function runPeer(peer: Peer, path: string, nTrain: number): Result {
  const args = [PEER_SCRIPT, path, String(nTrain), String(N_TEST), String(N_FEATURES), peer];
  const out = execFileSync(PYTHON, args, { encoding: 'utf8', env: { ...process.env, OMP_NUM_THREADS: '2' } });
  return JSON.parse(out) as Result;
}

async function runOurs(
  data: ReturnType<typeof makeFriedman1>,
  nTrain: number,
  nJobs: number,
): Promise<{ result: Result; model: Regressor }> {
  const trainData = {
    ...data,
    X: { rows: nTrain, cols: N_FEATURES, data: data.X.data.subarray(0, nTrain * N_FEATURES) },
    y: data.y.subarray(0, nTrain),
  };
  const XTest = { rows: N_TEST, cols: N_FEATURES, data: data.X.data.subarray(nTrain * N_FEATURES) };
  const cpu = process.cpuUsage();
  const start = performance.now();
  const model = (await fit({ ...SPEC, nJobs }, trainData, { executor: nodeExecutor(2) })) as Regressor;
  const fitSeconds = (performance.now() - start) / 1000;
  const used = process.cpuUsage(cpu);
  const predictStart = performance.now();
  const prediction = model.predict(XTest);
  const predictSeconds = (performance.now() - predictStart) / 1000;
  const r2 = r2Score(data.y.subarray(nTrain), prediction);
  return { result: { fitSeconds, r2, predictSeconds, cpuSeconds: (used.user + used.system) / 1e6 }, model };
}

/** p50 and p99 of one-row predictions, in microseconds, over rows of the test set. */
function rowLatency(model: Regressor, X: Float64Array, n: number): { p50: number; p99: number } {
  const state = model.state as HgbState;
  const out = new Float64Array(1);
  const rows = Array.from({ length: Math.min(n, 20_000) }, (_, i) =>
    X.subarray(i * N_FEATURES, (i + 1) * N_FEATURES),
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

async function main(): Promise<void> {
  const sizes = parseSizes();
  const oneThread = process.argv.includes('--one-thread');
  const peers = (['sklearn', 'xgboost'] as const).filter((peer) => {
    const ok = peerModule(peer);
    if (!ok) console.log(`note: ${PYTHON} has no ${peer}; its column is skipped`);
    return ok;
  });
  console.log(`histGradientBoosting vs peers: Friedman #1, ${N_FEATURES} features, ${N_TEST} test rows`);
  console.log(
    `${cpus().length} CPUs, load average ${loadavg()[0]!.toFixed(2)} at start; ours and peers on 2 threads\n`,
  );
  // Start the worker threads (and compile the hot loops) before any timing.
  await runOurs(
    makeFriedman1({ nSamples: 20_000 + N_TEST, nFeatures: N_FEATURES, noise: 1, seed: 1 }),
    20_000,
    2,
  );
  const dir = mkdtempSync(join(tmpdir(), 'stacklearn-bench-hgb-'));
  let last: Regressor | undefined;
  let lastTest: Float64Array | undefined;
  try {
    for (const n of sizes) {
      const data = makeFriedman1({ nSamples: n + N_TEST, nFeatures: N_FEATURES, noise: 1, seed: 0 });
      const path = join(dir, `friedman-${n}.bin`);
      writeFileSync(path, new Uint8Array(concat(data.X.data, data.y).buffer));
      const results: Partial<Record<Peer, Result>> = {};
      for (const peer of peers) results[peer] = runPeer(peer, path, n);
      const { result: ours, model } = await runOurs(data, n, 2);
      const single = oneThread ? (await runOurs(data, n, 1)).result : undefined;
      last = model;
      lastTest = data.X.data.subarray(n * N_FEATURES);
      console.log(`${n.toLocaleString('en')} training rows`);
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
      const nTrees = (last.state as HgbState).trees.roots.length;
      const perRowTree = (s: number | undefined): string =>
        s === undefined ? '–' : `${((s * 1e9) / (N_TEST * nTrees)).toFixed(1)} ns`;
      console.log(
        `  batch predict per row·tree: ours ${perRowTree(ours.predictSeconds)}` +
          peers.map((peer) => `, ${peer} ${perRowTree(results[peer]!.predictSeconds)}`).join(''),
      );
    }
    if (last && lastTest) {
      const { p50, p99 } = rowLatency(last, lastTest, N_TEST);
      const nTrees = (last.state as HgbState).trees.roots.length;
      console.log(
        `\nsingle-row predictRow, ${nTrees} trees of ≤ 31 leaves: p50 ${p50.toFixed(2)} µs, p99 ${p99.toFixed(2)} µs`,
      );
    }
    console.log('flights: skipped (no flights file is bundled)');
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await shutdownWorkers();
  }
}

function concat(a: Float64Array, b: Float64Array): Float64Array {
  const out = new Float64Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

await main();
